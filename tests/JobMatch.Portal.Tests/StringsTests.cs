using System.Text.RegularExpressions;
using Portal.Resources;

namespace JobMatch.Portal.Tests;

/// <summary>Every key a page or page model asks the strings resources for has words in Chinese and in English.</summary>
public sealed partial class StringsTests
{
    [Fact]
    public void Every_key_the_pages_use_is_in_the_resources_in_chinese_and_english()
    {
        var root = Path.Combine(RepositoryRoot.Path, "services", "Portal");
        var sources = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var keys = sources.SelectMany(source => KeyPattern().Matches(source).Select(match => match.Groups["key"].Value)).ToHashSet();
        Assert.True(keys.Count > 250, $"Only {keys.Count} keys found: the pattern no longer matches the pages.");
        var chinese = Strings.All(Strings.Chinese);
        var english = Strings.All(Strings.English);
        var missing = keys.Where(key => !chinese.ContainsKey(key) || !english.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "Keys without words in both languages: " + string.Join(", ", missing));
        Assert.Equal(chinese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(chinese, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value) || string.IsNullOrWhiteSpace(english[pair.Key]), pair.Key));
        // An English page never shows Chinese from the resources (names of places and people come from data, not here).
        Assert.All(english, pair => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", pair.Value));
    }

    // T["key"], T.Format("key", …), text["key"], Refuse(…, "key"), and keys passed to AfterAsync or assigned from a switch.
    [GeneratedRegex(@"(?:T\[|T\.Format\(|text\[|text\.Format\(|Refuse\([^;]*?|AfterAsync\([^;]*?|=> |\? )""(?<key>[a-zA-Z]+\.[a-zA-Z.-]+)""")]
    private static partial Regex KeyPattern();
}
