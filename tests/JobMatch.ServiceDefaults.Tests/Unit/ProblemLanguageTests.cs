using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JobMatch.ServiceDefaults.Problems;
using JobMatch.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace JobMatch.ServiceDefaults.Tests.Unit;

/// <summary>Problem details in the caller's language: Chinese by default, English when asked, figures carried over.</summary>
public sealed partial class ProblemLanguageTests
{
    [Theory]
    [InlineData("", "zh-CN")]
    [InlineData("en", "en")]
    [InlineData("en-GB,en;q=0.9", "en")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN")]
    [InlineData("fr-FR, en;q=0.5", "en")]
    [InlineData("fr-FR", "zh-CN")]
    [InlineData("zh;q=0.4, en;q=0.6", "en")]
    public void The_language_is_chinese_unless_english_is_preferred(string acceptLanguage, string expected)
    {
        var context = new DefaultHttpContext();
        if (acceptLanguage.Length > 0) context.Request.Headers.AcceptLanguage = acceptLanguage;
        Assert.Equal(expected, ProblemLanguage.Of(context.Request));
    }

    [Fact]
    public void Messages_with_figures_and_state_names_keep_them_in_chinese()
    {
        Assert.Equal("最多 50 项。", ProblemLanguage.Translate("At most 50 skills."));
        Assert.Equal("申请不能从“已入职”改为“已撤回”。", ProblemLanguage.Translate("An application cannot move from hired to withdrawn."));
        Assert.Equal("距离应在 0 到 500 公里之间。", ProblemLanguage.Translate("The radius is between 0 and 500 km."));
        Assert.Equal("提交的内容有误，请按字段旁的提示修改。", ProblemLanguage.Translate("One or more validation errors occurred."));
        Assert.Equal("Something nobody translated.", ProblemLanguage.Translate("Something nobody translated."));
    }

    [Fact]
    public async Task A_validation_problem_answers_in_chinese_by_default_and_in_english_when_asked()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddDefaultProblemDetails();
        await using var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/invalid", () => TypedResults.ValidationProblem(new Validation().RequireRegionCode("110101").Errors));
        app.MapGet("/missing", () => TypedResults.NotFound());
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var chinese = await GetAsync(client, "/invalid", null);
        Assert.Equal("提交的内容有误，请按字段旁的提示修改。", chinese["title"]!.GetValue<string>());
        Assert.Equal("请选择内蒙古的盟市或旗县区。", chinese["errors"]!["regionCode"]![0]!.GetValue<string>());
        Assert.NotNull(chinese["traceId"]);
        var english = await GetAsync(client, "/invalid", "en-US,en;q=0.9");
        Assert.Equal("The region is an Inner Mongolia division code (15xxxx), e.g. 150102.", english["errors"]!["regionCode"]![0]!.GetValue<string>());
        Assert.Equal("没有找到", (await GetAsync(client, "/missing", "zh-CN"))["title"]!.GetValue<string>());
    }

    /// <summary>
    /// Every message a service, the gateway or the shared code writes into a problem has Chinese words: each English
    /// sentence in their sources (interpolations as {0}, {1} …, concatenations as one placeholder) is a catalogue template.
    /// </summary>
    [Fact]
    public void Every_message_the_code_writes_has_a_chinese_translation()
    {
        var roots = new[] { "services/JobPostings.Api", "services/Profiles.Api", "services/Matching.Api", "services/Notifications.Api",
            "services/JobMatch.ServiceDefaults/Problems", "services/JobMatch.ServiceDefaults/PersonalData", "gateway/JobMatch.Gateway" };
        // Not problem details: key-group reasons, delivery failures, log, health and metric texts, start-up errors.
        var skipped = new[] { "KeyGroupRules.cs", "Delivery", "Evaluation", "Ranking", "Candidates", "DigestWorker.cs" };
        var messages = roots.SelectMany(root => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, root), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Where(file => !skipped.Any(part => file.Contains(Path.DirectorySeparatorChar + part, StringComparison.Ordinal)))
            .SelectMany(file => File.ReadAllLines(file).Where(line => !Ignored().IsMatch(line)).SelectMany(Sentences))
            .Distinct().ToList();
        Assert.True(messages.Count > 120, $"Only {messages.Count} messages found: the scan no longer finds them.");
        var missing = messages.Where(message => !ProblemLanguage.IsTranslated(message)).ToList();
        Assert.True(missing.Count == 0, "Without Chinese words:\n" + string.Join("\n", missing));
    }

    private static IEnumerable<string> Sentences(string line)
    {
        foreach (Match match in Literal().Matches(line))
        {
            var text = match.Groups["concat"].Success ? match.Groups["text"].Value + "{x}" + match.Groups["tail"].Value : match.Groups["text"].Value;
            if (!Sentence().IsMatch(text)) continue;
            var index = 0;
            yield return Holes().Replace(Holes().Replace(text, "{x}").Replace("{x}{x}", "{x}", StringComparison.Ordinal), _ => "{" + index++ + "}");
        }
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string path, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        Assert.Equal(new MediaTypeHeaderValue("application/problem+json").MediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [GeneratedRegex(@"Exception\(|LoggerMessage|Message = |WithSummary|WithDescription|MapApiGroup\(|^\s*//|HealthCheckResult|context\.Fail\(|description: ")]
    private static partial Regex Ignored();

    // A plain or interpolated literal, optionally "… " + expression + "…" (the list of allowed values in the middle).
    [GeneratedRegex("""\$?"(?<text>[^"\\]*)"(?<concat>\s*\+[^;"]+\+\s*"(?<tail>[^"\\]*)")?""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"^(?:[A-Z{]|reveal )[^{}]*(?:\{[^{}]*\}[^{}]*)*\s[^{}]*.*[.?!]$")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Holes();
}
