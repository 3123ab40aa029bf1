using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Testing;
using JobPostings.Api.Postings;
using JobPostings.Api.Search;

namespace JobPostings.Tests.Integration;

/// <summary>Search as a seeker uses it: Chinese and English text, filters, orders, keyset pages, facets; never duplicates or expired postings.</summary>
public sealed class SearchTests : PostingsHost
{
    protected override bool HostPerTest => true;

    // Expiry must not be what hides an expired posting from search: the sweep is slowed to an hour here.
    protected override string ExpirySweepInterval => "01:00:00";

    private static object Posting(string title, string description = "", string regionCode = "150203", double latitude = 40.66, double longitude = 109.84,
        decimal? salaryMin = 5000, decimal? salaryMax = 8000, string employmentType = "fullTime", int? experienceYears = 2,
        string[]? keyGroups = null, string occupationCode = "6-18-02") => new
        {
            title, description, regionCode, latitude, longitude, salaryMin, salaryMax, employmentType, experienceYears,
            keyGroups = keyGroups ?? [], occupationCode, skills = new[] { "Skill" },
        };

    private async Task<SearchPage> SearchAsync(string query)
    {
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var response = await seeker.GetAsync(new Uri("/api/postings/search?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchPage>(Json))!;
    }

    private static List<string> Titles(SearchPage page) => page.Items.Select(hit => hit.Posting.Title).ToList();

    [Fact]
    public async Task Anyone_searches_and_opens_published_postings_with_the_total_and_numbered_pages_but_not_drafts_or_review_notes()
    {
        var employer = Guid.NewGuid();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var published = new List<PostingResponse>();
        for (var i = 0; i < 5; i++) published.Add(await SubmitAsync(employer, Posting($"Stocker {tag} {i}")));
        var draft = await CreateAsync(employer, $"Stocker {tag} draft");
        using var anonymous = Factory.CreateClient();

        var first = (await anonymous.GetFromJsonAsync<SearchPage>(new Uri($"/api/postings/search?q={tag}&limit=2&sort=newest", UriKind.Relative), Json))!;
        var third = (await anonymous.GetFromJsonAsync<SearchPage>(new Uri($"/api/postings/search?q={tag}&limit=2&sort=newest&page=3", UriKind.Relative), Json))!;
        using var page = await anonymous.GetAsync(new Uri($"/api/postings/{published[0].Id}", UriKind.Relative));
        using var hidden = await anonymous.GetAsync(new Uri($"/api/postings/{draft.Id}", UriKind.Relative));
        using var bad = await anonymous.GetAsync(new Uri($"/api/postings/search?q={tag}&page=0&after=abc", UriKind.Relative));

        Assert.Equal(5, first.Total);
        Assert.Equal(2, first.Items.Count);
        Assert.Equal([published[0].Id], third.Items.Select(hit => hit.Posting.Id));
        Assert.Equal(5, third.Total);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null((await page.Content.ReadFromJsonAsync<PostingResponse>(Json))!.ReviewNote);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Contains("page", await ProblemAssert.IsValidationProblemAsync(bad));
    }

    [Fact]
    public async Task Pay_ranges_education_and_experience_keep_the_postings_a_seeker_qualifies_for()
    {
        var employer = Guid.NewGuid();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await SubmitAsync(employer, Posting($"Low {tag}", salaryMin: 3000, salaryMax: 4000, experienceYears: null));
        await SubmitAsync(employer, Posting($"Mid {tag}", salaryMin: 5500, salaryMax: 6500, experienceYears: 3));
        await SubmitAsync(employer, Posting($"High {tag}", salaryMin: 9000, salaryMax: 12000, experienceYears: 5));
        await SubmitAsync(employer, new
        {
            title = $"Graduate {tag}", description = "", regionCode = "150203", salaryMin = 5000, salaryMax = 6000, education = "bachelor", skills = new[] { "Skill" },
        });

        Assert.Equal([$"Graduate {tag}", $"Mid {tag}"], Titles(await SearchAsync($"q={tag}&salary=5000&salaryTo=6000")).Order(StringComparer.Ordinal));
        Assert.Equal([$"High {tag}", $"Low {tag}", $"Mid {tag}"], Titles(await SearchAsync($"q={tag}&education=seniorHigh")).Order(StringComparer.Ordinal));
        Assert.Equal([$"Graduate {tag}", $"Low {tag}", $"Mid {tag}"], Titles(await SearchAsync($"q={tag}&experienceYears=3")).Order(StringComparer.Ordinal));
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var reversed = await seeker.GetAsync(new Uri($"/api/postings/search?salary=6000&salaryTo=5000&education=phd&experienceYears=99", UriKind.Relative));
        Assert.Equal(["education", "experienceYears", "salaryTo"], (await ProblemAssert.IsValidationProblemAsync(reversed)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Chinese_queries_find_postings_by_two_and_three_character_words()
    {
        var employer = Guid.NewGuid();
        await SubmitAsync(employer, Posting("电焊工", "钢结构焊接，持证上岗。"));
        await SubmitAsync(employer, Posting("仓储叉车司机", "仓库货物装卸。"));
        await SubmitAsync(employer, Posting("光伏电站运维员", "电站巡检，设备维护。"));

        Assert.Equal(["电焊工"], Titles(await SearchAsync("q=焊工")));
        Assert.Equal(["电焊工"], Titles(await SearchAsync("q=电焊工")));
        Assert.Equal(["仓储叉车司机"], Titles(await SearchAsync("q=" + Uri.EscapeDataString("叉车 装卸"))));
        Assert.Equal(["光伏电站运维员"], Titles(await SearchAsync("q=巡检")));
        Assert.Empty((await SearchAsync("q=护士")).Items);
    }

    [Fact]
    public async Task English_queries_match_word_prefixes_and_rank_title_matches_first()
    {
        var employer = Guid.NewGuid();
        await SubmitAsync(employer, Posting("Forklift driver", "Warehouse work; welding helpful but not needed."));
        await SubmitAsync(employer, Posting("Welder", "Structural steel."));
        await SubmitAsync(employer, Posting("Cashier", "Supermarket."));

        Assert.Equal(["Welder", "Forklift driver"], Titles(await SearchAsync("q=weld")));
    }

    [Fact]
    public async Task Region_finds_postings_in_nested_divisions_and_radius_finds_those_near_a_point()
    {
        var employer = Guid.NewGuid();
        await SubmitAsync(employer, Posting("Baotou Kundulun", regionCode: "150203", latitude: 40.66, longitude: 109.84));
        await SubmitAsync(employer, Posting("Baotou Qingshan", regionCode: "150204", latitude: 40.64, longitude: 109.90));
        await SubmitAsync(employer, Posting("Hohhot Xincheng", regionCode: "150102", latitude: 40.86, longitude: 111.66));

        Assert.Equal(["Baotou Kundulun", "Baotou Qingshan"], Titles(await SearchAsync("region=150200")).Order(StringComparer.Ordinal));
        Assert.Equal(["Baotou Qingshan"], Titles(await SearchAsync("region=150204")));
        Assert.Equal(3, (await SearchAsync("region=150000")).Items.Count);
        var near = await SearchAsync("lat=40.66&lng=109.84&radiusKm=20&sort=distance");
        Assert.Equal(["Baotou Kundulun", "Baotou Qingshan"], Titles(near));
        Assert.True(near.Items[0].DistanceKm < near.Items[1].DistanceKm);
        Assert.InRange(near.Items[1].DistanceKm!.Value, 4, 7);
    }

    [Fact]
    public async Task The_national_occupation_filter_takes_a_code_of_any_level_of_the_classification_and_the_facet_counts_by_major_group()
    {
        var employer = Guid.NewGuid();
        var tag = Guid.NewGuid().ToString("N")[..8];
        object Coded(string title, string national) => new
        {
            title = $"{title} {tag}", description = "", regionCode = "150203", salaryMin = 5000, salaryMax = 8000, skills = new[] { "Skill" },
            nationalOccupationCode = national,
        };
        await SubmitAsync(employer, Coded("Lorry driver", "4-02-02-02"));      // 道路货运汽车驾驶员
        await SubmitAsync(employer, Coded("Bus driver", "4-02-02-01"));        // 道路客运汽车驾驶员
        await SubmitAsync(employer, Coded("Railway worker", "4-02-01-01"));    // another 小类 of the same 中类
        await SubmitAsync(employer, Coded("Crane operator", "6-30-05-01"));    // another 大类

        Assert.Equal([$"Bus driver {tag}", $"Crane operator {tag}", $"Lorry driver {tag}", $"Railway worker {tag}"],
            Titles(await SearchAsync($"q={tag}")).Order(StringComparer.Ordinal));
        Assert.Equal([$"Bus driver {tag}", $"Lorry driver {tag}", $"Railway worker {tag}"], Titles(await SearchAsync($"q={tag}&nationalOccupation=4")).Order(StringComparer.Ordinal));
        Assert.Equal([$"Bus driver {tag}", $"Lorry driver {tag}", $"Railway worker {tag}"], Titles(await SearchAsync($"q={tag}&nationalOccupation=4-02")).Order(StringComparer.Ordinal));
        Assert.Equal([$"Bus driver {tag}", $"Lorry driver {tag}"], Titles(await SearchAsync($"q={tag}&nationalOccupation=4-02-02")).Order(StringComparer.Ordinal));
        Assert.Equal([$"Lorry driver {tag}"], Titles(await SearchAsync($"q={tag}&nationalOccupation=4-02-02-02")));
        // Full-width digits and dash, as a Chinese input method types them, are the same code.
        Assert.Equal([$"Crane operator {tag}"], Titles(await SearchAsync($"q={tag}&nationalOccupation=" + Uri.EscapeDataString("６－３０"))));
        var page = await SearchAsync($"q={tag}");
        Assert.Equal([new FacetCount("4", 3), new FacetCount("6", 1)], page.Facets.NationalMajorGroup);
    }

    [Theory]
    [InlineData("4-02-02-99", "en")]  // well formed, not in the classification
    [InlineData("4-2", "zh-CN")]      // malformed
    [InlineData("9", "zh-CN")]        // no such 大类
    [InlineData("4-02%25", "en")]     // a LIKE wildcard is no code
    public async Task A_national_occupation_code_the_classification_lacks_gets_400_naming_the_field_in_the_callers_language(string code, string language)
    {
        using var anonymous = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/postings/search?nationalOccupation=" + code);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await anonymous.SendAsync(request);

        Assert.Equal(["nationalOccupation"], await ProblemAssert.IsValidationProblemAsync(response));
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = body.RootElement.GetProperty("errors").GetProperty("nationalOccupation")[0].GetString()!;
        Assert.StartsWith(language == "zh-CN" ? "请填写职业分类大典" : "Give a code of 职业分类大典", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_narrow_by_salary_type_entry_level_key_group_and_occupation()
    {
        var employer = Guid.NewGuid();
        await SubmitAsync(employer, Posting("Well paid", salaryMin: 9000, salaryMax: 12000));
        await SubmitAsync(employer, Posting("Modest", salaryMin: 3000, salaryMax: 4000));
        await SubmitAsync(employer, Posting("Negotiable", salaryMin: null, salaryMax: null));
        await SubmitAsync(employer, Posting("Graduate trainee", employmentType: "internship", experienceYears: 0, keyGroups: ["graduateFriendly"], occupationCode: "3-01-02"));

        Assert.Equal(["Well paid"], Titles(await SearchAsync("salary=8500")));
        Assert.Equal(["Negotiable", "Well paid"], Titles(await SearchAsync("salary=8500&includeUnstatedSalary=true")).Order(StringComparer.Ordinal));
        Assert.Equal(["Graduate trainee"], Titles(await SearchAsync("employmentType=internship")));
        Assert.Equal(["Graduate trainee"], Titles(await SearchAsync("entryLevel=true")));
        Assert.Equal(["Graduate trainee"], Titles(await SearchAsync("keyGroup=graduateFriendly")));
        Assert.Equal(["Graduate trainee"], Titles(await SearchAsync("occupation=3-01")));
        Assert.Empty((await SearchAsync("keyGroup=graduateFriendly&keyGroup=veteranPriority")).Items);
        Assert.Empty((await SearchAsync("postedSince=" + Uri.EscapeDataString(DateTime.UtcNow.AddHours(1).ToString("O")))).Items);
    }

    [Fact]
    public async Task Pages_follow_on_from_the_cursor_in_every_order_without_gaps_or_overlap()
    {
        var employer = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
            await SubmitAsync(employer, Posting($"焊工 {i}", regionCode: "150203", latitude: 40.66 + i * 0.02, longitude: 109.84, salaryMin: 4000, salaryMax: 5000 + (i % 3) * 1000));

        foreach (var order in new[] { "sort=newest", "sort=salary", "sort=distance&lat=40.66&lng=109.84", "sort=relevance&q=焊工" })
        {
            var all = Titles(await SearchAsync(order + "&limit=100"));
            var paged = new List<string>();
            string? after = null;
            do
            {
                var page = await SearchAsync(order + "&limit=2" + (after is null ? "" : "&after=" + after));
                Assert.True(page.Items.Count <= 2);
                paged.AddRange(Titles(page));
                after = page.Next;
            }
            while (after is not null);
            Assert.Equal(5, all.Count);
            Assert.Equal(all, paged);
        }
        var bySalary = await SearchAsync("sort=salary&limit=100");
        Assert.Equal(bySalary.Items.Select(hit => hit.Posting.SalaryMax).OrderDescending(), bySalary.Items.Select(hit => hit.Posting.SalaryMax));
    }

    [Fact]
    public async Task Facets_count_the_matching_postings_by_type_key_group_and_city()
    {
        var employer = Guid.NewGuid();
        await SubmitAsync(employer, Posting("A", regionCode: "150203", employmentType: "fullTime", keyGroups: ["veteranPriority"]));
        await SubmitAsync(employer, Posting("B", regionCode: "150204", employmentType: "partTime", keyGroups: ["veteranPriority", "ruralFriendly"]));
        await SubmitAsync(employer, Posting("C", regionCode: "150102", employmentType: "fullTime"));

        var facets = (await SearchAsync("")).Facets;

        Assert.Equal([new FacetCount("fullTime", 2), new FacetCount("partTime", 1)], facets.EmploymentType);
        Assert.Equal([new FacetCount("veteranPriority", 2), new FacetCount("ruralFriendly", 1)], facets.KeyGroup);
        Assert.Equal([new FacetCount("150200", 2), new FacetCount("150100", 1)], facets.Region);
    }

    [Fact]
    public async Task Expired_and_duplicate_postings_never_show()
    {
        var employer = Guid.NewGuid();
        var expired = await SubmitAsync(employer, Posting("焊工 expired"));
        var original = await SubmitAsync(employer, Posting("焊工 twice", "Same words."));
        var copy = await SubmitAsync(employer, Posting("焊工 twice", "Same words."));
        await using (var connection = await Factory.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("UPDATE postings SET valid_until = now() - interval '1 second' WHERE id = @id", new { id = expired.Id });

        var found = await SearchAsync("q=焊工");

        Assert.Equal([original.Id], found.Items.Select(hit => hit.Posting.Id));
        Assert.Equal(PostingStatus.Published, copy.Status);
        Assert.Equal(PostingStatus.Published, (await GetAsOwnerAsync(employer, expired.Id)).Status); // the sweep has not run: search alone hid it
    }

    [Fact]
    public async Task Searches_that_cannot_be_answered_name_the_field()
    {
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        using var distance = await seeker.GetAsync(new Uri("/api/postings/search?sort=distance", UriKind.Relative));
        using var cursor = await seeker.GetAsync(new Uri("/api/postings/search?after=nonsense", UriKind.Relative));
        using var region = await seeker.GetAsync(new Uri("/api/postings/search?region=110000", UriKind.Relative));
        using var radius = await seeker.GetAsync(new Uri("/api/postings/search?radiusKm=10", UriKind.Relative));

        Assert.Equal(["sort"], await ProblemAssert.IsValidationProblemAsync(distance));
        Assert.Equal(["after"], await ProblemAssert.IsValidationProblemAsync(cursor));
        Assert.Equal(["region"], await ProblemAssert.IsValidationProblemAsync(region));
        Assert.Equal(["radiusKm"], await ProblemAssert.IsValidationProblemAsync(radius));
    }
}
