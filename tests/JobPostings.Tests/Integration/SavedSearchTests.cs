using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using JobPostings.Api.SavedSearches;
using JobPostings.Api.Search;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace JobPostings.Tests.Integration;

/// <summary>
/// Saved searches: each seeker's own, validated like search; a posting being published alerts the seekers whose
/// searches it matches (as search would find it), once per seeker and posting, through the outbox of the publication.
/// </summary>
public sealed class SavedSearchTests : PostingsHost
{
    protected override bool HostPerTest => true;

    private const string SavedSearchMatchedType = "JobMatch.Contracts.SavedSearchMatched";

    private static object Posting(string title, string description = "", string regionCode = "150203", double latitude = 40.66, double longitude = 109.84,
        decimal? salaryMin = 5000, decimal? salaryMax = 8000, string employmentType = "fullTime", int? experienceYears = 2,
        string[]? keyGroups = null, string occupationCode = "6-18-02") => new
        {
            title, description, regionCode, latitude, longitude, salaryMin, salaryMax, employmentType, experienceYears,
            keyGroups = keyGroups ?? [], occupationCode, skills = new[] { "Skill" },
        };

    private async Task<HttpResponseMessage> SaveAsync(Guid seekerId, object search)
    {
        using var client = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        return await client.PostAsJsonAsync("/api/saved-searches", search);
    }

    private async Task<SavedSearchResponse> SavedAsync(Guid seekerId, object search)
    {
        using var response = await SaveAsync(seekerId, search);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SavedSearchResponse>(Json))!;
    }

    private async Task<List<SavedSearchResponse>> ListAsync(Guid seekerId)
    {
        using var client = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        return (await client.GetFromJsonAsync<List<SavedSearchResponse>>("/api/saved-searches", Json))!;
    }

    private async Task<List<SavedSearchMatched>> AlertsAsync(Guid postingId) =>
        (await OutboxAsync(postingId)).Where(row => row.MessageType == SavedSearchMatchedType)
            .Select(row => JsonSerializer.Deserialize<SavedSearchMatched>(row.Body, Json)!).ToList();

    [Fact]
    public async Task A_seeker_saves_lists_and_deletes_their_own_saved_searches()
    {
        var seekerId = Guid.NewGuid();
        var saved = await SavedAsync(seekerId, new { name = "  焊工 in Baotou ", q = "焊工", region = "150200", employmentType = new[] { "fullTime" } });

        Assert.Equal("焊工 in Baotou", saved.Name);
        Assert.Equal("150200", saved.Search.Region);
        var listed = Assert.Single(await ListAsync(seekerId));
        Assert.Equal(saved.Id, listed.Id);
        Assert.Equal(["fullTime"], listed.Search.EmploymentType!);

        using var client = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/saved-searches/{saved.Id}", UriKind.Relative))).StatusCode);
        Assert.Empty(await ListAsync(seekerId));
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(new Uri($"/api/saved-searches/{saved.Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Another_seekers_saved_search_is_not_found_and_never_listed_and_employers_may_not_save()
    {
        var owner = Guid.NewGuid();
        var saved = await SavedAsync(owner, new { q = "叉车" });

        var intruder = Guid.NewGuid();
        using var other = Factory.ClientWithToken(TestTokens.Seeker(intruder));
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(new Uri($"/api/saved-searches/{saved.Id}", UriKind.Relative))).StatusCode);
        Assert.Empty(await ListAsync(intruder));
        Assert.Single(await ListAsync(owner));

        using var employer = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.PostAsJsonAsync("/api/saved-searches", new { q = "叉车" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync(new Uri("/api/saved-searches", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.DeleteAsync(new Uri($"/api/saved-searches/{saved.Id}", UriKind.Relative))).StatusCode);
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150000"));
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync(new Uri("/api/saved-searches", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.DeleteAsync(new Uri($"/api/saved-searches/{saved.Id}", UriKind.Relative))).StatusCode);
        Assert.Single(await ListAsync(owner));
    }

    [Fact]
    public async Task A_saved_search_is_validated_field_by_field_like_search()
    {
        var seekerId = Guid.NewGuid();
        using var bad = await SaveAsync(seekerId, new
        {
            name = new string('x', 101), region = "110000", lat = 40.6, radiusKm = 900.0, employmentType = new[] { "slavery" },
            keyGroup = new[] { "nobody" }, salary = -1,
        });
        Assert.Equal(["employmentType", "keyGroup", "latitude", "name", "radiusKm", "region", "salary"], await ProblemAssert.IsValidationProblemAsync(bad));

        using var empty = await SaveAsync(seekerId, new { name = "everything", q = "  " });
        Assert.Equal(["q"], await ProblemAssert.IsValidationProblemAsync(empty));
        using var tooRich = await SaveAsync(seekerId, new { q = "焊工", salary = 1e15 });
        Assert.Equal(["salary"], await ProblemAssert.IsValidationProblemAsync(tooRich));
        using var pointWithoutRadius = await SaveAsync(seekerId, new { q = "焊工", lat = 40.6, lng = 109.8 });
        Assert.Equal(["radiusKm"], await ProblemAssert.IsValidationProblemAsync(pointWithoutRadius));
        Assert.Empty(await ListAsync(seekerId));
    }

    [Fact]
    public async Task A_saved_search_for_a_national_middle_group_alerts_on_a_posting_in_one_of_its_occupations_and_not_another()
    {
        var seekerId = Guid.NewGuid();
        var saved = await SavedAsync(seekerId, new { name = "运输", nationalOccupation = "4-02" }); // 中类: transport, storage and post
        Assert.Equal("4-02", Assert.Single(await ListAsync(seekerId)).Search.NationalOccupation);

        var driver = await SubmitAsync(Guid.NewGuid(), new
        {
            title = "货车司机", description = "城际配送", regionCode = "150203", salaryMin = 5000, salaryMax = 8000, nationalOccupationCode = "4-02-02-02",
        });
        var welder = await SubmitAsync(Guid.NewGuid(), new
        {
            title = "电焊工", description = "钢结构焊接", regionCode = "150203", salaryMin = 5000, salaryMax = 8000, nationalOccupationCode = "6-18-02-04",
        });

        Assert.Equal([saved.Id], Assert.Single(await AlertsAsync(driver.Id)).SavedSearchIds);
        Assert.Empty(await AlertsAsync(welder.Id));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_saved_search_with_an_unknown_national_code_is_refused_naming_the_field_in_the_callers_language(string language)
    {
        var seekerId = Guid.NewGuid();
        using var client = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/saved-searches") { Content = JsonContent.Create(new { nationalOccupation = "4-02-02-99" }) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);

        Assert.Equal(["nationalOccupation"], await ProblemAssert.IsValidationProblemAsync(response));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = body.RootElement.GetProperty("errors").GetProperty("nationalOccupation")[0].GetString()!;
        Assert.StartsWith(language == "zh-CN" ? "请填写职业分类大典" : "Give a code of 职业分类大典", message, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(seekerId));
    }

    [Fact]
    public async Task Publishing_alerts_each_matching_seeker_once_in_the_publishing_transaction_without_search_terms()
    {
        var twice = Guid.NewGuid();
        var first = await SavedAsync(twice, new { name = "secret name", q = "焊工", region = "150200" });
        var second = await SavedAsync(twice, new { lat = 40.65, lng = 109.85, radiusKm = 10.0, salary = 6000 });
        var nearby = Guid.NewGuid();
        await SavedAsync(nearby, new { lat = 40.70, lng = 109.80, radiusKm = 20.0 });
        var elsewhere = Guid.NewGuid();
        await SavedAsync(elsewhere, new { q = "焊工", region = "150100" });           // Hohhot, not Baotou
        await SavedAsync(elsewhere, new { lat = 40.84, lng = 111.75, radiusKm = 30.0 }); // around Hohhot
        var otherTrade = Guid.NewGuid();
        await SavedAsync(otherTrade, new { q = "厨师" });

        var posting = await SubmitAsync(Guid.NewGuid(), Posting("电焊工", "钢结构焊接"));

        var alerts = await AlertsAsync(posting.Id);
        Assert.Equal(new[] { nearby, twice }.Order(), alerts.Select(alert => alert.SeekerId).Order());
        Assert.Equal(new[] { first.Id, second.Id }.Order(), alerts.Single(alert => alert.SeekerId == twice).SavedSearchIds.Order());
        Assert.All(alerts, alert => Assert.Equal("电焊工", alert.PostingTitle));
        var bodies = string.Join("", (await OutboxAsync(posting.Id)).Where(row => row.MessageType == SavedSearchMatchedType).Select(row => row.Body));
        Assert.DoesNotContain("secret name", bodies, StringComparison.Ordinal);
        Assert.All((await OutboxAsync(posting.Id)).Where(row => row.MessageType == SavedSearchMatchedType),
            row => Assert.Equal(["matchedAt", "postingId", "postingTitle", "savedSearchIds", "seekerId"],
                JsonDocument.Parse(row.Body).RootElement.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal)));
        // Relayed like every event of the publication.
        await Eventually.GetAsync(() => AlertsRelayedAsync(posting.Id), all => all, "the alerts relayed");

        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM saved_search_alerts WHERE posting_id = @id", new { id = posting.Id }));
    }

    private async Task<bool> AlertsRelayedAsync(Guid postingId) =>
        (await OutboxAsync(postingId)).Where(row => row.MessageType == SavedSearchMatchedType).All(row => row.SentAt is not null);

    [Fact]
    public async Task A_seeker_already_alerted_about_a_posting_is_not_alerted_again()
    {
        var seekerId = Guid.NewGuid();
        await SavedAsync(seekerId, new { q = "叉车" });
        var posting = await SubmitAsync(Guid.NewGuid(), Posting("叉车司机"));
        Assert.Single(await AlertsAsync(posting.Id));

        // Evaluated again for the same posting (as a second publication would), even with a new matching search: no second alert.
        await SavedAsync(seekerId, new { q = "司机" });
        var transactions = Factory.Services.GetRequiredService<JobMatch.ServiceDefaults.Messaging.Transactions>();
        var store = Factory.Services.GetRequiredService<JobPostings.Api.Postings.PostingStore>();
        var published = (await store.FindAsync(posting.Id, CancellationToken.None))!;
        var hits = await transactions.RunAsync(unit => SavedSearchStore.MatchAsync(unit, published), CancellationToken.None);
        Assert.Empty(hits);
    }

    [Fact]
    public async Task Each_filter_alerts_exactly_when_search_with_the_same_filters_finds_the_posting()
    {
        var searches = new (string Query, object Body)[]
        {
            ("q=焊工", new { q = "焊工" }),
            ("q=weld", new { q = "weld" }),
            ("q=护士", new { q = "护士" }),
            ("q=welder", new { q = "welder" }),
            ("q=急招电焊工", new { q = "急招电焊工" }),
            ("q=包头焊工", new { q = "包头焊工" }),
            ("q=呼和浩特焊工", new { q = "呼和浩特焊工" }),
            ("region=150000", new { region = "150000" }),
            ("region=150203", new { region = "150203" }),
            ("region=150102", new { region = "150102" }),
            ("lat=40.7&lng=109.9&radiusKm=15", new { lat = 40.7, lng = 109.9, radiusKm = 15.0 }),
            ("lat=40.7&lng=109.9&radiusKm=1", new { lat = 40.7, lng = 109.9, radiusKm = 1.0 }),
            ("occupation=6-18", new { occupation = "6-18" }),
            ("occupation=2-05", new { occupation = "2-05" }),
            ("salary=7000", new { salary = 7000 }),
            ("salary=9000", new { salary = 9000 }),
            ("employmentType=partTime&employmentType=fullTime", new { employmentType = new[] { "partTime", "fullTime" } }),
            ("employmentType=internship", new { employmentType = new[] { "internship" } }),
            ("entryLevel=true", new { entryLevel = true }),
            ("keyGroup=graduateFriendly", new { keyGroup = new[] { "graduateFriendly" } }),
            ("keyGroup=graduateFriendly&keyGroup=ruralFriendly", new { keyGroup = new[] { "graduateFriendly", "ruralFriendly" } }),
            ("q=焊工&region=150200&salary=6000&entryLevel=true", new { q = "焊工", region = "150200", salary = 6000, entryLevel = true }),
        };
        var unstated = new (string Query, object Body)[]
        {
            ("salary=9000&includeUnstatedSalary=true", new { salary = 9000, includeUnstatedSalary = true }),
            ("includeUnstatedSalary=false", new { includeUnstatedSalary = false, q = "焊工" }),
        };
        var seekers = new Dictionary<Guid, string>();
        foreach (var (query, body) in searches.Concat(unstated))
        {
            var seekerId = Guid.NewGuid();
            seekers[seekerId] = query;
            await SavedAsync(seekerId, body);
        }

        var withSalary = await SubmitAsync(Guid.NewGuid(), Posting("电焊工 welder", "钢结构", experienceYears: 0, keyGroups: ["graduateFriendly"]));
        var withoutSalary = await SubmitAsync(Guid.NewGuid(), Posting("焊工学徒", "", salaryMin: null, salaryMax: null, experienceYears: 0, occupationCode: "6-19-01"));

        foreach (var posting in new[] { withSalary, withoutSalary })
        {
            var alerted = (await AlertsAsync(posting.Id)).Select(alert => seekers[alert.SeekerId]).Order(StringComparer.Ordinal).ToList();
            var found = new List<string>();
            foreach (var query in seekers.Values)
                if ((await SearchAsync(query)).Items.Any(hit => hit.Posting.Id == posting.Id)) found.Add(query);
            Assert.Equal(found.Order(StringComparer.Ordinal), alerted);
        }
        Assert.Contains("q=weld", (await AlertsAsync(withSalary.Id)).Select(alert => seekers[alert.SeekerId]));
        Assert.Contains("salary=9000&includeUnstatedSalary=true", (await AlertsAsync(withoutSalary.Id)).Select(alert => seekers[alert.SeekerId]));
    }

    private async Task<SearchPage> SearchAsync(string query)
    {
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var response = await seeker.GetAsync(new Uri("/api/postings/search?limit=100&" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchPage>(Json))!;
    }

    [Fact]
    public async Task A_deleted_seekers_saved_searches_are_dropped_and_alert_no_more()
    {
        var deleted = Guid.NewGuid();
        var kept = Guid.NewGuid();
        await SavedAsync(deleted, new { q = "保安" });
        await SavedAsync(kept, new { q = "保安" });

        var messageId = NewId.NextGuid();
        await Factory.Bus.Publish(new SeekerDeleted(deleted, DateTimeOffset.UtcNow), context => context.MessageId = messageId);
        await Eventually.GetAsync(async () =>
        {
            await using var connection = await Factory.DataSource.OpenConnectionAsync();
            return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox WHERE message_id = @messageId", new { messageId });
        }, count => count == 1, "SeekerDeleted consumed");

        Assert.Empty(await ListAsync(deleted));
        var posting = await SubmitAsync(Guid.NewGuid(), Posting("保安员"));
        Assert.Equal([kept], (await AlertsAsync(posting.Id)).Select(alert => alert.SeekerId));
    }

    [Fact]
    public async Task A_posting_about_to_expire_is_announced_to_its_employer_once_and_a_later_one_not_yet()
    {
        var employerId = Guid.NewGuid();
        var soon = await SubmitAsync(employerId, new
        {
            title = "季节性采摘工", description = "", regionCode = "150203", skills = new[] { "Picking" }, validUntil = DateTime.UtcNow.AddDays(2),
        });
        var later = await SubmitAsync(employerId, new
        {
            title = "长期仓管员", description = "", regionCode = "150203", skills = new[] { "Stock" }, validUntil = DateTime.UtcNow.AddDays(20),
        });

        var warnings = await Eventually.GetAsync(async () => (await OutboxAsync(soon.Id)).Where(row => row.MessageType == "JobMatch.Contracts.PostingExpiring").ToList(),
            rows => rows.Count >= 1, "the PostingExpiring event");
        var warning = JsonSerializer.Deserialize<PostingExpiring>(Assert.Single(warnings).Body, Json)!;
        Assert.Equal(employerId, warning.EmployerId);
        Assert.Equal("季节性采摘工", warning.Title);
        Assert.Equal(soon.ValidUntil!.Value, warning.ValidUntil.UtcDateTime, TimeSpan.FromSeconds(1));

        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        var warnedAt = await connection.ExecuteScalarAsync<DateTime?>("SELECT expiry_warned_at FROM postings WHERE id = @id", new { id = soon.Id });
        Assert.NotNull(warnedAt);
        // Sweeps run every 200 ms; wait until several more have passed the remembered posting by.
        await Eventually.GetAsync(async () => await connection.ExecuteScalarAsync<bool>("SELECT now() > @at + interval '2 seconds'", new { at = warnedAt }), done => done, "more sweeps");
        Assert.Single(await OutboxAsync(soon.Id), row => row.MessageType == "JobMatch.Contracts.PostingExpiring");
        Assert.DoesNotContain(await OutboxAsync(later.Id), row => row.MessageType == "JobMatch.Contracts.PostingExpiring");
    }
}
