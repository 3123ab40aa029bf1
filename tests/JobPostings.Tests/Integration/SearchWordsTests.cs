using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Testing;
using JobPostings.Api.Search;

namespace JobPostings.Tests.Integration;

/// <summary>
/// Search reads words as people type them (issue 17): synonyms and English find Chinese postings through the taxonomy,
/// a typed place filters, misspelled English is respelled, facets and the reading come back; text a search engine
/// would misread is refused with the field named, in English or Chinese.
/// </summary>
public sealed class SearchWordsTests : PostingsHost
{
    // Counts and facets are over the whole table.
    protected override bool HostPerTest => true;

    private static object Posting(string title, string regionCode, double latitude, double longitude, decimal? salaryMax = 8000, string? education = null) => new
    {
        title, description = "五险一金，工作地点 " + regionCode, regionCode, latitude, longitude, salaryMin = salaryMax is null ? (decimal?)null : 4000, salaryMax,
        employmentType = "fullTime", skills = new[] { "持证上岗" }, education,
    };

    private async Task<SearchPage> SearchAsync(string query)
    {
        using var anonymous = Factory.CreateClient();
        using var response = await anonymous.GetAsync(new Uri("/api/postings/search?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchPage>(Json))!;
    }

    private static List<string> Titles(SearchPage page) => page.Items.Select(hit => hit.Posting.Title).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Synonyms_english_misspellings_and_typed_places_find_the_same_forklift_postings()
    {
        var employer = Guid.NewGuid();
        await SubmitAsync(employer, Posting("叉车司机", "150203", 40.66, 109.84));
        await SubmitAsync(employer, Posting("仓库叉车工", "150105", 40.80, 111.68));
        await SubmitAsync(employer, Posting("Forklift driver", "150105", 40.80, 111.68));
        await SubmitAsync(employer, Posting("电焊工", "150203", 40.66, 109.84));

        var all = new List<string> { "Forklift driver", "仓库叉车工", "叉车司机" }.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(all, Titles(await SearchAsync("q=叉车司机")));
        Assert.Equal(all, Titles(await SearchAsync("q=叉车工")));
        Assert.Equal(all, Titles(await SearchAsync("q=forklift%20driver")));
        var misspelled = await SearchAsync("q=forklfit%20driver");
        Assert.Equal(all, Titles(misspelled));
        Assert.Contains("forklift", misspelled.Reading!.Corrections);
        Assert.Equal(all, Titles(await SearchAsync("q=急招叉车司机")));

        var baotou = await SearchAsync("q=包头%20叉车司机");
        Assert.Equal(["叉车司机"], Titles(baotou));
        Assert.Equal("150200", baotou.Reading!.Region);
        var saihan = await SearchAsync("q=赛罕区叉车");
        Assert.Equal(new[] { "Forklift driver", "仓库叉车工" }.Order(StringComparer.Ordinal), Titles(saihan));
        Assert.Equal("150105", saihan.Reading!.Region);
        // A region given as a filter wins over one typed in the words.
        Assert.Equal(["叉车司机"], Titles(await SearchAsync("q=赛罕区叉车&region=150200")));
    }

    [Fact]
    public async Task A_code_in_an_ad_finds_that_ad_and_nothing_else()
    {
        await SubmitAsync(Guid.NewGuid(), Posting("叉车司机 J12930", "150203", 40.66, 109.84));
        await SubmitAsync(Guid.NewGuid(), Posting("叉车司机 J55555", "150203", 40.66, 109.84));

        Assert.Equal(["叉车司机 J12930"], Titles(await SearchAsync("q=j12930")));
        Assert.Equal(2, (await SearchAsync("q=叉车司机")).Total);
    }

    [Fact]
    public async Task Facets_count_leagues_banners_salary_bands_and_education_and_the_total_is_exact_below_the_cap()
    {
        // Each ad its own text: the same title and description twice would be a duplicate, which search leaves out.
        await SubmitAsync(Guid.NewGuid(), Posting("叉车司机", "150203", 40.66, 109.84, salaryMax: 4500, education: "seniorHigh"));
        await SubmitAsync(Guid.NewGuid(), Posting("叉车司机", "150204", 40.64, 109.90, salaryMax: 9000));
        await SubmitAsync(Guid.NewGuid(), Posting("叉车司机", "150105", 40.80, 111.68, salaryMax: null));

        var page = await SearchAsync("q=叉车司机");

        Assert.Equal(3, page.Total);
        Assert.False(page.TotalIsLowerBound);
        Assert.Equal([new FacetCount("150200", 2), new FacetCount("150100", 1)], page.Facets.Region);
        Assert.Equal(["150105", "150203", "150204"], page.Facets.Banner!.Select(count => count.Value).Order(StringComparer.Ordinal));
        Assert.Equal(["from3000", "from8000", "unstated"], page.Facets.SalaryBand!.Select(count => count.Value).Order(StringComparer.Ordinal));
        Assert.Equal([new FacetCount("none", 2), new FacetCount("seniorHigh", 1)], page.Facets.Education);
    }

    [Theory]
    [InlineData("q=%22forklift%20driver", "en")]
    [InlineData("q=weld*", "en")]
    [InlineData("q=title:welder", "zh-CN")]
    [InlineData("q=(welder)%20OR%20[x]%20{y}%20a^2%20b~%20c%5Cd%20e%3F", "en")]
    [InlineData("q=%E5%8F%89%00%E8%BD%A6", "zh-CN")]   // 叉 NUL 车
    // A lone surrogate cannot arrive in a URL (the decoder keeps broken escapes as text): SearchQueryTests covers it.
    [InlineData("q=wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww", "en")] // 201 characters
    public async Task Text_a_search_engine_would_misread_gets_400_naming_q_in_the_callers_language(string query, string language)
    {
        using var anonymous = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/postings/search?" + query);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await anonymous.SendAsync(request);

        Assert.Equal(["q"], await ProblemAssert.IsValidationProblemAsync(response));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = body.RootElement.GetProperty("errors").GetProperty("q")[0].GetString()!;
        Assert.Equal(language == "zh-CN", message.Any(c => c is >= '\u4e00' and <= '\u9fff'));
    }
}
