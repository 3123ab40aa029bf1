using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Testing;
using JobPostings.Api.SalaryGuide;
using JobPostings.Api.Screening;
using Microsoft.Extensions.DependencyInjection;

namespace JobPostings.Tests.Integration;

/// <summary>The dry run the posting form calls while the employer writes: publishing's flags, nothing stored.</summary>
public sealed class ScreeningPreviewTests : PostingsHost
{
    protected override bool HostPerTest => true; // judges or lists every posting stored

    private static readonly Uri Preview = new("/api/postings/screening", UriKind.Relative);

    protected override void Configure(IDictionary<string, string> settings) => settings["Postings:SalaryGuide:MinimumSample"] = "3";

    [Fact]
    public async Task An_employer_sees_the_flags_of_a_posting_being_written_and_nothing_is_stored()
    {
        using var employer = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var response = await employer.PostAsJsonAsync(Preview, new { title = "仓库装卸工", description = "限\u2060男\u2060性，上岗前交押\u200B金500元。" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await response.Content.ReadFromJsonAsync<ScreeningPreview>(Json))!;
        Assert.Contains(preview.Flags, flag => flag.Rule == "gender.zh-restriction" && flag.MatchedText == "限男性");
        Assert.Contains(preview.Flags, flag => flag.Rule == "fee.zh" && flag.MatchedText == "押金");
        Assert.Null(preview.Market);
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT (SELECT count(*) FROM postings) + (SELECT count(*) FROM screening_flags) + (SELECT count(*) FROM outbox)"));
    }

    [Fact]
    public async Task A_clean_draft_previews_with_no_flags()
    {
        using var employer = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var response = await employer.PostAsJsonAsync(Preview, new { title = "大数据开发工程师", description = "熟悉HDFS、Hive、Spark，会写HIVE SQL，男女不限，退役军人优先。" });

        Assert.Empty((await response.Content.ReadFromJsonAsync<ScreeningPreview>(Json))!.Flags);
    }

    [Fact]
    public async Task With_occupation_region_and_pay_the_preview_checks_the_pay_against_the_salary_guide()
    {
        foreach (var (min, max) in new[] { (4000m, 5000m), (4500m, 5500m), (5000m, 6000m) })
        {
            await SubmitAsync(Guid.NewGuid(), new
            {
                title = $"仓库打包员{min}",
                description = "仓库商品打包、贴单。",
                occupationCode = "4-02-06",
                skills = new[] { "打包" },
                regionCode = "150203",
                salaryMin = min,
                salaryMax = max,
            });
        }
        await Factory.Services.GetRequiredService<SalaryGuideStore>().RefreshAsync(skipIfBusy: false, default);
        using var employer = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var response = await employer.PostAsJsonAsync(Preview, new
        {
            title = "打包员",
            description = "仓库打包，工作轻松。",
            occupationCode = "4-02-06",
            regionCode = "150203",
            salaryMin = 18000,
            salaryMax = 25000,
        });

        var preview = (await response.Content.ReadFromJsonAsync<ScreeningPreview>(Json))!;
        Assert.Equal(("occupation", "4-02-06", "1502", 5000m), (preview.Market!.Scope, preview.Market.Occupation, preview.Market.Area, preview.Market.Median));
        Assert.Contains(preview.Flags, flag => flag.Rule == "implausible-pay.market");
    }

    [Fact]
    public async Task Employers_and_staff_may_preview_and_seekers_may_not()
    {
        var body = new { title = "电焊工", description = "钢结构焊接。" };
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        using var administrator = Factory.ClientWithToken(TestTokens.Administrator(Guid.NewGuid()));
        using var anonymous = Factory.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.PostAsJsonAsync(Preview, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caseworker.PostAsJsonAsync(Preview, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await administrator.PostAsJsonAsync(Preview, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Preview, body)).StatusCode);
    }

    [Fact]
    public async Task A_preview_needs_some_text_and_valid_fields()
    {
        using var employer = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var empty = await employer.PostAsJsonAsync(Preview, new { title = " ", description = "" });
        using var bad = await employer.PostAsJsonAsync(Preview, new
        {
            title = new string('x', 201),
            description = "a\u0000b",
            regionCode = "110000",
            salaryMin = 5000,
            salaryMax = 4000,
            education = 99,
            skills = new[] { " " },
        });

        Assert.Equal(["title"], await ProblemAssert.IsValidationProblemAsync(empty));
        Assert.Equal(["description", "education", "regionCode", "salaryMax", "skills", "title"], await ProblemAssert.IsValidationProblemAsync(bad));
    }
}
