using System.Text.Json.Nodes;
using JobMatch.Testing;
using JobMatch.Testing.Logs;

namespace JobMatch.EndToEndTests;

/// <summary>
/// The four OpenAPI documents, as the gateway publishes them, hold the rules of redocly's "recommended" set that a
/// generated client depends on: every operation named (unique operationId) and summarised, tagged with a described
/// tag, answering at least one 4xx; a server without a trailing slash; no two paths that one URL could match; numbers typed as numbers, not
/// "number | string" with a pattern. The documents are also written beside the test logs, so
/// <c>deploy/tools/openapi-lint.sh</c> can run redocly itself over exactly what was checked.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiLintTests(Platform platform)
{
    private static readonly string[] Documents = ["postings", "profiles", "matches", "notifications"];
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_document_names_summarises_and_tags_its_operations_and_types_numbers_as_numbers()
    {
        using var anonymous = platform.CreateClient();
        var problems = new List<string>();
        foreach (var name in Documents)
        {
            var text = await anonymous.GetStringAsync(new Uri($"openapi/{name}.json", UriKind.Relative));
            await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(TestLogs.NewFile($"openapi-{name}"))!, $"openapi-{name}.json"), text);
            problems.AddRange(Lint(JsonNode.Parse(text)!.AsObject()).Select(problem => $"{name}: {problem}"));
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task The_gateway_serves_one_api_reference_over_every_service_document()
    {
        using var anonymous = platform.CreateClient();
        using var page = await anonymous.GetAsync(new Uri("scalar", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        // The page lists each document relative to the gateway's base; each of those addresses is one the gateway serves.
        Assert.All(Documents, name => Assert.Contains($"\"url\":\"openapi/{name}.json\"", html, StringComparison.Ordinal));
        using var script = await anonymous.GetAsync(new Uri("scalar/scalar.js", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
    }

    /// <summary>What redocly's recommended rules would report about one document, for the rules above.</summary>
    public static IEnumerable<string> Lint(JsonObject document)
    {
        var described = (document["tags"] as JsonArray ?? [])
            .Where(tag => !string.IsNullOrWhiteSpace(tag?["description"]?.GetValue<string>()))
            .Select(tag => tag!["name"]!.GetValue<string>()).ToHashSet();
        var operationIds = new HashSet<string>();
        var paths = document["paths"]!.AsObject();
        foreach (var (path, item) in paths)
        {
            foreach (var method in Methods.Where(method => item![method] is not null))
            {
                var operation = item![method]!;
                var where = $"{method.ToUpperInvariant()} {path}";
                var id = operation["operationId"]?.GetValue<string>();
                if (string.IsNullOrWhiteSpace(id)) yield return $"{where} has no operationId";
                else if (!operationIds.Add(id)) yield return $"{where}: operationId {id} is used twice";
                if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>())) yield return $"{where} has no summary";
                var tags = (operation["tags"] as JsonArray ?? []).Select(tag => tag!.GetValue<string>()).ToList();
                if (tags.Count == 0) yield return $"{where} has no tag";
                foreach (var tag in tags.Where(tag => !described.Contains(tag))) yield return $"{where}: tag {tag} is not described";
                if (!(operation["responses"]?.AsObject() ?? []).Any(response => response.Key.StartsWith('4')))
                    yield return $"{where} declares no 4xx response";
            }
        }
        foreach (var (first, second) in AmbiguousPairs(paths.Select(path => path.Key).ToList()))
            yield return $"{first} and {second} match the same URL";
        var servers = (document["servers"] as JsonArray ?? []).Select(server => server!["url"]!.GetValue<string>()).ToList();
        if (servers.Count == 0) yield return "no server is named";
        foreach (var url in servers.Where(url => url.Length > 1 && url.EndsWith('/'))) yield return $"server {url} ends with a slash";
        foreach (var where in LooseNumbers(document, "#")) yield return $"{where} is a number that also accepts a string";
    }

    /// <summary>
    /// Redocly's no-ambiguous-paths: same length, no two different literals at one segment, and as many parameters in
    /// each (so /postings/{id}/flags and /postings/saved-searches/{id} are ambiguous; /postings/{id} and /postings/screening are not).
    /// </summary>
    private static IEnumerable<(string, string)> AmbiguousPairs(IReadOnlyList<string> paths)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            for (var j = i + 1; j < paths.Count; j++)
            {
                var a = paths[i].Split('/');
                var b = paths[j].Split('/');
                if (a.Length == b.Length && a.Zip(b).All(pair => pair.First == pair.Second || IsParameter(pair.First) || IsParameter(pair.Second))
                    && a.Count(IsParameter) == b.Count(IsParameter))
                {
                    yield return (paths[i], paths[j]);
                }
            }
        }
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{');

    /// <summary>Schemas typed ["number", "string"] or ["integer", "string"] (System.Text.Json reading numbers from strings).</summary>
    private static IEnumerable<string> LooseNumbers(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() is "number" or "integer")
                    && types.Any(t => t?.GetValue<string>() == "string"))
                {
                    yield return where;
                }

                foreach (var (key, child) in obj)
                foreach (var found in LooseNumbers(child, $"{where}/{key}")) yield return found;
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                foreach (var found in LooseNumbers(array[i], $"{where}/{i}")) yield return found;
                break;
        }
    }
}
