using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using JobMatch.Testing;
using JobPostings.Api.Postings;

namespace JobPostings.Tests.Integration;

/// <summary>
/// The postings service on a database and virtual host of the test class's own (shared by its tests, which use ids of
/// their own), and these helpers.
/// </summary>
public abstract class PostingsHost : IAsyncLifetime, IClassFixture<ClassHosts>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected ServiceFactory<PostingStore> Factory { get; private set; } = null!;

    public async Task InitializeAsync() => Factory = HostPerTest ? await StartAsync() : await ClassHosts.Current.GetAsync("postings", StartAsync);

    /// <summary>
    /// Whether each test needs a database of its own: tests whose answers cover every posting stored (search, lists,
    /// screening's duplicate check) would otherwise see their neighbours' postings.
    /// </summary>
    protected virtual bool HostPerTest => false;

    private async Task<ServiceFactory<PostingStore>> StartAsync()
    {
        var servers = await TestServers.GetAsync();
        var factory = new ServiceFactory<PostingStore>(servers, await servers.CreateVirtualHostAsync());
        factory.Settings["Postings:Expiry:SweepInterval"] = ExpirySweepInterval;
        Configure(factory.Settings);
        using var _ = factory.CreateClient(); // starts the service: migrations, bus
        return factory;
    }

    /// <summary>Further settings a test class starts the service with.</summary>
    protected virtual void Configure(IDictionary<string, string> settings)
    {
    }

    /// <summary>Quick by default, so expiry tests need not wait; search tests slow it to show search does not rely on it.</summary>
    protected virtual string ExpirySweepInterval => "00:00:00.200";

    public async Task DisposeAsync()
    {
        if (HostPerTest) await Factory.DisposeAsync(); // a shared host stops when its class is done
    }

    protected static string EmployerToken(Guid employerId) => TestTokens.Employer(Guid.NewGuid(), employerId);

    /// <summary>
    /// A posting that passes screening. Its description carries a reference of its own: the tests of a class share a
    /// database, and the same text from two employers is rightly held back as a copy (duplicate.other-employer).
    /// </summary>
    protected static object ValidPosting(string title = "Welder") => new
    {
        title,
        description = $"Shift work at the steel plant, ref. {Guid.NewGuid().ToString("N")[..8]}.",
        skills = new[] { "Welding", "Forklift" },
        regionCode = "150203",
        latitude = 40.66,
        longitude = 109.84,
        salaryMin = 5000,
        salaryMax = 8000,
        vacancies = 2,
    };

    protected async Task<PostingResponse> CreateAsync(Guid employerId, string title = "Welder")
    {
        using var client = Factory.ClientWithToken(EmployerToken(employerId));
        using var response = await client.PostAsJsonAsync("/api/postings", ValidPosting(title));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PostingResponse>(Json))!;
    }

    /// <summary>Creates a posting from any body and submits it; returns it as publishing left it (published or needs review).</summary>
    protected async Task<PostingResponse> SubmitAsync(Guid employerId, object body)
    {
        using var client = Factory.ClientWithToken(EmployerToken(employerId));
        using var created = await client.PostAsJsonAsync("/api/postings", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var posting = (await created.Content.ReadFromJsonAsync<PostingResponse>(Json))!;
        using var response = await client.PostAsync(new Uri($"/api/postings/{posting.Id}/publish", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PostingResponse>(Json))!;
    }

    protected static object PostingWith(string title, string description, string regionCode = "150203") => new
    {
        title,
        description,
        skills = new[] { "Welding" },
        regionCode,
        latitude = 40.66,
        longitude = 109.84,
        salaryMin = 5000,
        salaryMax = 8000,
    };

    protected async Task<PostingResponse> CreatePublishedAsync(Guid employerId, string title = "Welder")
    {
        var posting = await CreateAsync(employerId, title);
        using var client = Factory.ClientWithToken(EmployerToken(employerId));
        using var response = await client.PostAsync(new Uri($"/api/postings/{posting.Id}/publish", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PostingResponse>(Json))!;
    }

    /// <summary>The posting as its owner sees it.</summary>
    protected async Task<PostingResponse> GetAsOwnerAsync(Guid employerId, Guid postingId)
    {
        using var client = Factory.ClientWithToken(EmployerToken(employerId));
        return (await client.GetFromJsonAsync<PostingResponse>(new Uri($"/api/postings/{postingId}", UriKind.Relative), Json))!;
    }

    protected async Task<List<OutboxRow>> OutboxAsync(Guid postingId)
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<OutboxRow>(
            "SELECT message_type, body::text AS body, sent_at FROM outbox WHERE body->>'postingId' = @id ORDER BY position",
            new { id = postingId.ToString() })).AsList();
    }

    /// <summary>The staff reads this service announced for a seeker (its audit events), oldest first.</summary>
    protected Task<List<JsonElement>> StaffReadsAsync(Guid seekerId) => StaffReadEvents.NamingAsync(Factory.DataSource, seekerId);

    /// <summary>The events matching consumes (JobPublished, JobClosed), leaving out the lifecycle's own steps.</summary>
    protected async Task<List<OutboxRow>> AnnouncementsAsync(Guid postingId) =>
        (await OutboxAsync(postingId)).Where(row => row.MessageType is "JobMatch.Contracts.JobPublished" or "JobMatch.Contracts.JobClosed").ToList();

    /// <summary>The lifecycle steps announced for a posting, as (from, to) pairs in order.</summary>
    protected async Task<List<(string From, string To)>> TransitionsAsync(Guid postingId) =>
        (await OutboxAsync(postingId)).Where(row => row.MessageType == "JobMatch.Contracts.PostingStatusChanged")
            .Select(row => JsonDocument.Parse(row.Body).RootElement)
            .Select(body => (body.GetProperty("from").GetString()!, body.GetProperty("to").GetString()!)).ToList();

    public sealed record OutboxRow(string MessageType, string Body, DateTime? SentAt);
}
