using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JobMatch.Testing;

namespace JobMatch.EndToEndTests;

/// <summary>
/// docs/authorization-matrix.md lists every endpoint × role; this keeps it honest: every operation the services
/// publish in their OpenAPI documents has a row, no row names an endpoint that is gone, and every test a row
/// cites exists (the tests themselves live beside each service).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class AuthorizationMatrixTests(Platform platform)
{
    private static readonly string[] Documents = ["postings", "profiles", "matches", "notifications"];

    [Fact]
    public async Task The_matrix_has_a_row_for_every_endpoint_and_every_test_it_cites_exists()
    {
        var published = new SortedSet<string>(StringComparer.Ordinal);
        using var client = platform.CreateClient();
        foreach (var document in Documents)
        {
            var openApi = JsonNode.Parse(await client.GetStringAsync($"openapi/{document}.json"))!;
            foreach (var (path, item) in openApi["paths"]!.AsObject())
            {
                foreach (var (method, _) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
                    published.Add($"{method.ToUpperInvariant()} {path}");
            }
        }
        published.Add("POST /api/auth/token"); // the gateway's own development issuer
        published.Add("POST /api/auth/register"); // seeker self-registration, same issuer
        published.Add("POST /api/auth/sign-out"); // ending one session, same issuer

        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "authorization-matrix.md"))
            .Select(line => RowPattern().Match(line)).Where(match => match.Success)
            .ToDictionary(match => match.Groups["endpoint"].Value, match => match.Groups["tests"].Value);

        var missing = published.Where(endpoint => !rows.ContainsKey(endpoint)).ToList();
        var stale = rows.Keys.Where(endpoint => !published.Contains(endpoint)).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in docs/authorization-matrix.md:\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "Rows for endpoints that no longer exist:\n" + string.Join('\n', stale));

        var testSources = string.Join('\n', Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).Select(File.ReadAllText));
        var cited = rows.SelectMany(row => TestPattern().Matches(row.Value).Select(match => (row.Key, Test: match.Groups[1].Value))).ToList();
        var uncited = rows.Where(row => !TestPattern().IsMatch(row.Value)).Select(row => row.Key).ToList();
        var unknown = cited.Where(c => !Regex.IsMatch(testSources, $@"\b(Task|void) {Regex.Escape(c.Test)}\(")).Select(c => $"{c.Key}: {c.Test}").ToList();
        Assert.True(uncited.Count == 0, "Rows citing no test:\n" + string.Join('\n', uncited));
        Assert.True(unknown.Count == 0, "Cited tests that do not exist:\n" + string.Join('\n', unknown));
    }

    /// <summary>A matrix row: | `METHOD /path` | … | tests |, tests written as `Test_name` in backticks.</summary>
    [GeneratedRegex(@"^\|\s*`(?<endpoint>(GET|POST|PUT|PATCH|DELETE) /[^`]+)`\s*\|.*\|(?<tests>[^|]*)\|\s*$")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9_]+)`")]
    private static partial Regex TestPattern();
}
