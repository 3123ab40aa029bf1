using System.Text.RegularExpressions;
using Portal.Infrastructure;

namespace JobMatch.Portal.Tests;

/// <summary>Every key a page or page model asks the strings table for has words in both languages.</summary>
public sealed partial class StringsTests
{
    [Fact]
    public void Every_key_the_pages_use_is_in_the_table_in_chinese_and_english()
    {
        var root = Path.Combine(RepositoryRoot.Path, "services", "Portal");
        var sources = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => !file.EndsWith("Strings.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var keys = sources.SelectMany(source => KeyPattern().Matches(source).Select(match => match.Groups["key"].Value)).ToHashSet();
        Assert.True(keys.Count > 150, $"Only {keys.Count} keys found: the pattern no longer matches the pages.");
        var missing = keys.Where(key => !Strings.All.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "Keys without words: " + string.Join(", ", missing));
        Assert.All(Strings.All, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value.Zh) || string.IsNullOrWhiteSpace(pair.Value.En), pair.Key));
    }

    // T["key"], T.Format("key", …), text["key"], and notice keys passed to AfterAsync or assigned from a switch.
    [GeneratedRegex(@"(?:T\[|T\.Format\(|text\[|AfterAsync\([^;]*?|=> )""(?<key>[a-zA-Z]+\.[a-zA-Z.-]+)""")]
    private static partial Regex KeyPattern();
}
