using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Testing;
using JobPostings.Api.Postings;
using JobPostings.Api.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobPostings.Tests.Integration;

/// <summary>
/// The in-process search index (decision 064) against PostgreSQL: every write reaches it (the API's, another writer's, a
/// late commit's), it is rebuilt after a restart, it answers as the PostgreSQL search does, and readiness waits for it.
/// </summary>
public sealed class SearchIndexTests : PostingsHost
{
    protected override bool HostPerTest => true;

    private static string Tag() => "t" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<List<Guid>> IdsAsync(ServiceFactory<PostingStore> factory, string query)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/postings/search?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchPage>(Json))!.Items.Select(hit => hit.Posting.Id).ToList();
    }

    private Task<List<Guid>> IdsAsync(string query) => IdsAsync(Factory, query);

    /// <summary>Rewrites a posting's title and terms in SQL, as another writer (a backfill, another instance) would.</summary>
    private static async Task RetitleAsync(NpgsqlConnection connection, Guid id, string title, NpgsqlTransaction? transaction = null) =>
        await connection.ExecuteAsync("UPDATE postings SET title = @title, search_terms = @terms::tsvector WHERE id = @id",
            new { id, title, terms = SearchTerms.Document(title, "Night shifts", ["Welding"]) }, transaction);

    [Fact]
    public async Task A_posting_published_rewritten_and_closed_is_found_then_found_by_its_new_words_then_gone()
    {
        var employer = Guid.NewGuid();
        var (first, second) = (Tag(), Tag());
        var posting = await SubmitAsync(employer, PostingWith($"Welder {first}", "Night shifts"));
        await Eventually.GetAsync(() => IdsAsync($"q={first}"), ids => ids.Contains(posting.Id), "the published posting found by its words");

        await using (var connection = await Factory.DataSource.OpenConnectionAsync()) await RetitleAsync(connection, posting.Id, $"Forklift driver {second}");
        await Eventually.GetAsync(() => IdsAsync($"q={second}"), ids => ids.Contains(posting.Id), "the rewritten posting found by its new words");
        Assert.DoesNotContain(posting.Id, await IdsAsync($"q={first}"));

        using var client = Factory.ClientWithToken(EmployerToken(employer));
        using var closed = await client.PostAsync(new Uri($"/api/postings/{posting.Id}/close", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        await Eventually.GetAsync(() => IdsAsync($"q={second}"), ids => !ids.Contains(posting.Id), "the closed posting gone from search");
    }

    [Fact]
    public async Task A_write_that_commits_after_later_writes_were_indexed_is_not_skipped()
    {
        var employer = Guid.NewGuid();
        var (early, late, later) = (Tag(), Tag(), Tag());
        var slow = await SubmitAsync(employer, PostingWith($"Cook {early}", "Night shifts"));
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await RetitleAsync(connection, slow.Id, $"Baker {late}", transaction); // its transaction id and updated_at come first

        var quick = await SubmitAsync(employer, PostingWith($"Cashier {later}", "Day shifts"));
        await Eventually.GetAsync(() => IdsAsync($"q={later}"), ids => ids.Contains(quick.Id), "the quicker write indexed");
        await transaction.CommitAsync();

        await Eventually.GetAsync(() => IdsAsync($"q={late}"), ids => ids.Contains(slow.Id), "the late commit indexed too");
    }

    [Fact]
    public async Task After_a_restart_the_index_holds_what_was_written_while_the_service_was_down()
    {
        var employer = Guid.NewGuid();
        var (kept, closing, renamed) = (Tag(), Tag(), Tag());
        var stays = await SubmitAsync(employer, PostingWith($"Welder {kept}", "Night shifts"));
        var goes = await SubmitAsync(employer, PostingWith($"Nurse {closing}", "Ward rounds"));
        Assert.Contains(goes.Id, await IdsAsync($"q={closing}"));
        Factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        await using (var direct = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Factory.Servers.Postgres) { Database = Factory.Database }.ConnectionString))
        await using (var connection = await direct.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE postings SET status = 'Closed', closed_at = now() WHERE id = @Id", new { goes.Id });
            await RetitleAsync(connection, stays.Id, $"Welder {renamed}");
        }
        await using var restarted = new ServiceFactory<PostingStore>(Factory.Servers, Factory.VirtualHost, Factory.Database);
        restarted.Settings["Postings:Expiry:SweepInterval"] = ExpirySweepInterval;

        Assert.Equal([stays.Id], await IdsAsync(restarted, $"q={renamed}"));
        Assert.Empty(await IdsAsync(restarted, $"q={closing}"));
        Assert.Empty(await IdsAsync(restarted, $"q={kept}"));
    }

    [Fact]
    public async Task A_posting_stored_without_search_terms_gets_them_at_the_next_start_and_is_found()
    {
        // A row from before migration 014 has an empty search_terms; the backfill gives it terms when the service starts.
        var employer = Guid.NewGuid();
        var tag = Tag();
        var old = await SubmitAsync(employer, PostingWith($"Welder {tag}", "Night shifts"));
        Factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await using (var direct = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Factory.Servers.Postgres) { Database = Factory.Database }.ConnectionString))
        await using (var connection = await direct.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE postings SET search_terms = ''::tsvector WHERE id = @Id", new { old.Id });
        }
        await using var restarted = new ServiceFactory<PostingStore>(Factory.Servers, Factory.VirtualHost, Factory.Database);
        restarted.Settings["Postings:Expiry:SweepInterval"] = ExpirySweepInterval;

        await Eventually.GetAsync(() => IdsAsync(restarted, $"q={tag}"), ids => ids.Contains(old.Id), "the backfilled posting found by its words");
        await using var check = await restarted.DataSource.OpenConnectionAsync();
        Assert.False(await check.ExecuteScalarAsync<bool>("SELECT search_terms = ''::tsvector FROM postings WHERE id = @Id", new { old.Id }));
    }

    [Fact]
    public async Task The_index_finds_counts_and_orders_what_the_postgresql_search_does_for_every_filter()
    {
        var employer = Guid.NewGuid();
        var tag = Tag();
        object Posting(string title, string region, double lat, double lng, int? min, int? max, string type, int? years, string[] groups, string? education) => new
        {
            title = $"{title} {tag}", description = $"{title} wanted, ref {Guid.NewGuid():N}", skills = new[] { "Welding" }, regionCode = region, latitude = lat, longitude = lng,
            salaryMin = min, salaryMax = max, employmentType = type, experienceYears = years, keyGroups = groups, education, occupationCode = "6-18-02",
            nationalOccupationCode = title.Contains("Forklift", StringComparison.Ordinal) ? "4-02-06-03" : title == "Cook" ? "4-03-02-01" : "6-18-02-04",
        };
        await SubmitAsync(employer, Posting("Welder", "150203", 40.66, 109.84, 5000, 8000, "fullTime", 2, ["graduateFriendly"], "seniorHigh"));
        await SubmitAsync(employer, Posting("Welder helper", "150203", 40.60, 109.90, 3000, 4000, "partTime", null, [], null));
        await SubmitAsync(employer, Posting("Forklift driver", "150102", 40.83, 111.73, null, null, "fullTime", 0, ["veteranPriority", "graduateFriendly"], "juniorMiddle"));
        await SubmitAsync(employer, Posting("Welding intern", "150105", 40.80, 111.68, 2000, 2500, "internship", 0, ["graduateFriendly"], "college"));
        await SubmitAsync(employer, Posting("Senior welder", "150602", 39.82, 110.00, 9000, 15000, "fullTime", 8, [], "bachelor"));
        await SubmitAsync(employer, Posting("Cook", "150702", 49.22, 119.77, 4000, null, "fullTime", 1, ["accommodationProvided"], null));
        var store = Factory.Services.GetRequiredService<SearchStore>();
        var index = Factory.Services.GetRequiredService<IndexedSearch>();
        SearchQuery Query(string? q = null, string? region = null, double? lat = null, double? lng = null, double? radiusKm = null, decimal? salary = null,
            bool? unstated = null, string[]? types = null, bool? entry = null, string[]? groups = null, string? sort = null, decimal? salaryTo = null,
            string? education = null, int? years = null, string? occupation = null, string? national = null) =>
            new(q ?? tag, region, lat, lng, radiusKm, occupation, salary, unstated, types, entry, groups, null, sort, 100, null, null, salaryTo, education, years, national);

        foreach (var query in new[]
        {
            Query(), Query(q: $"welder {tag}"), Query(region: "150200"), Query(region: "150100", sort: "newest"), Query(lat: 40.83, lng: 111.73, radiusKm: 30, sort: "distance"),
            Query(lat: 40.83, lng: 111.73, sort: "distance"), Query(salary: 4000), Query(salary: 4000, unstated: true), Query(unstated: false, sort: "salary"),
            Query(salary: 3000, salaryTo: 5000), Query(salaryTo: 4000, unstated: true), Query(types: ["fullTime", "internship"]), Query(entry: true),
            Query(groups: ["graduateFriendly", "veteranPriority"]), Query(education: "seniorHigh"), Query(years: 1), Query(occupation: "6-18"), Query(occupation: "4-"),
            Query(national: "4"), Query(national: "6-18"), Query(national: "4-02-06-03"), Query(national: "4-03", region: "150700"),
        })
        {
            var expected = await store.SearchAsync(query, CancellationToken.None);
            var actual = await index.SearchAsync(query, CancellationToken.None);
            Assert.True(expected.Items.Count > 0 || query.Occupation == "4-", $"the case {query} finds something to compare");
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Items.Select(hit => hit.Posting.Id).Order(), actual.Items.Select(hit => hit.Posting.Id).Order());
            if (query.EffectiveSort == SearchSort.Distance) Assert.Equal(expected.Items.Select(hit => hit.DistanceKm), actual.Items.Select(hit => hit.DistanceKm));
            if (query.EffectiveSort == SearchSort.Newest) Assert.Equal(expected.Items.Select(hit => hit.Posting.Id), actual.Items.Select(hit => hit.Posting.Id));
            Assert.Equal(JsonSerializer.Serialize(expected.Facets), JsonSerializer.Serialize(actual.Facets));
        }
    }

    [Fact]
    public async Task Readiness_lists_the_search_index_and_an_index_that_cannot_load_is_not_ready()
    {
        using var client = Factory.CreateClient();
        var report = await Eventually.GetAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").Clone();
        }, checks => checks.TryGetProperty("search-index", out var check) && check.GetProperty("status").GetString() == "Healthy", "the search index ready");
        Assert.Contains("postings", report.GetProperty("search-index").GetProperty("description").GetString(), StringComparison.Ordinal);

        await using var nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Timeout=1");
        using var unloaded = new SearchIndex();
        using var feed = new SearchIndexFeed(nowhere, unloaded, NullLogger<SearchIndexFeed>.Instance);
        var health = await feed.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
    }
}
