using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;
using Matching.Api.Matches;

namespace Matching.Tests.Integration;

/// <summary>
/// The matching service on its own database and virtual host. Events go in through its bus; a consumer has
/// had its effect once its inbox row for the message exists (they commit together), which is what tests wait for.
/// </summary>
public abstract class MatchingHost : IAsyncLifetime
{
    public const string HohhotRegion = "150102";
    public const double HohhotLat = 40.84, HohhotLon = 111.75;
    /// <summary>The reason staff give for a read (seekers and employers need none; it is ignored for them).</summary>
    protected const string StaffReason = "weekly-casework-review";
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected ServiceFactory<Recommender> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        Factory = new ServiceFactory<Recommender>(servers, await servers.CreateVirtualHostAsync());
        using var _ = Factory.CreateClient();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    protected static JobPublished Job(string title = "Welder", string[]? skills = null, DateTimeOffset? publishedAt = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), title, null, skills ?? ["Welding", "Forklift", "Driving"], HohhotRegion, HohhotLat, HohhotLon,
        5000, 8000, publishedAt ?? DateTimeOffset.UtcNow, null);

    protected static ProfileUpdated Profile(Guid seekerId, string[]? skills = null, string regionCode = HohhotRegion, DateTimeOffset? updatedAt = null) => new(
        seekerId, skills ?? ["welding", "FORKLIFT"], regionCode, HohhotLat, HohhotLon, 30, false, updatedAt ?? DateTimeOffset.UtcNow);

    /// <summary>Publishes an event and waits until the named consumer has had its effect for it.</summary>
    protected async Task<Guid> ConsumedAsync<T>(T message, string consumer) where T : class
    {
        var messageId = NewId.NextGuid();
        await Factory.Bus.Publish(message, context => context.MessageId = messageId);
        await Eventually.GetAsync(() => InboxHasAsync(consumer, messageId), found => found, $"{consumer} consuming {typeof(T).Name} {messageId}");
        return messageId;
    }

    protected Task<Guid> PublishedAsync(JobPublished job) => ConsumedAsync(job, "JobPublishedConsumer");

    protected Task<Guid> ProfileAsync(ProfileUpdated profile) => ConsumedAsync(profile, "ProfileUpdatedConsumer");

    protected Task<Guid> ClosedAsync(Guid postingId) =>
        ConsumedAsync(new JobClosed(postingId, "closed-by-employer", DateTimeOffset.UtcNow), "JobClosedConsumer");

    protected async Task<(HttpStatusCode Status, List<RecommendationResponse> Items)> RecommendationsAsync(Guid seekerId, string token)
    {
        using var client = Factory.ClientWithToken(token);
        using var response = await client.GetAsync(new Uri($"/api/matches/seekers/{seekerId}/recommendations?reason={StaffReason}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, (await response.Content.ReadFromJsonAsync<List<RecommendationResponse>>(Json))!)
            : (response.StatusCode, []);
    }

    protected async Task<List<RecommendationResponse>> SeekersRecommendationsAsync(Guid seekerId)
    {
        var (status, items) = await RecommendationsAsync(seekerId, TestTokens.Seeker(seekerId));
        Assert.Equal(HttpStatusCode.OK, status);
        return items;
    }

    /// <summary>The staff reads this service announced for a seeker (its audit events), oldest first.</summary>
    protected Task<List<JsonElement>> StaffReadsAsync(Guid seekerId) => StaffReadEvents.NamingAsync(Factory.DataSource, seekerId);

    /// <summary>The MatchesFound events written for a seeker, oldest first: each as the posting ids it names, and whether it was sent.</summary>
    protected async Task<List<(Guid[] PostingIds, bool Sent)>> MatchesFoundAsync(Guid seekerId)
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Body, DateTime? SentAt)>(
            """
            SELECT body::text, sent_at FROM outbox
            WHERE message_type = 'JobMatch.Contracts.MatchesFound' AND body->>'seekerId' = @id ORDER BY position
            """, new { id = seekerId.ToString() });
        return rows.Select(row =>
        {
            using var body = JsonDocument.Parse(row.Body);
            return (body.RootElement.GetProperty("postings").EnumerateArray().Select(p => p.GetProperty("postingId").GetGuid()).ToArray(),
                row.SentAt is not null);
        }).ToList();
    }

    private async Task<bool> InboxHasAsync(string consumer, Guid messageId)
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM inbox WHERE consumer = @consumer AND message_id = @messageId)", new { consumer, messageId });
    }
}
