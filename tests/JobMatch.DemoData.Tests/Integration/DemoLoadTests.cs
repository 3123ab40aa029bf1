using Dapper;
using JobMatch.DemoData.Loading;
using JobMatch.DemoData.Market;
using JobMatch.Testing;
using JobPostings.Api.Postings;
using Profiles.Api.Profiles;

namespace JobMatch.DemoData.Tests.Integration;

/// <summary>
/// A small demo market loaded by the real loader into the real job-posting and profile services (their own databases,
/// one virtual host): every row made through the APIs, every event in the services' outboxes, the history moved back.
/// </summary>
public sealed class DemoLoadTests : IAsyncLifetime
{
    private static readonly DemoScale Small = new(14, 60, 90);
    private ServiceFactory<PostingStore> _postings = null!;
    private ServiceFactory<ProfileStore> _profiles = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        var virtualHost = await servers.CreateVirtualHostAsync();
        _postings = new ServiceFactory<PostingStore>(servers, virtualHost);
        _profiles = new ServiceFactory<ProfileStore>(servers, virtualHost);
    }

    public async Task DisposeAsync()
    {
        await _postings.DisposeAsync();
        await _profiles.DisposeAsync();
    }

    [Fact]
    public async Task A_small_market_loads_through_the_services_with_its_events_in_their_outboxes_and_its_history_moved_back()
    {
        var now = DateTime.UtcNow;
        var market = DemoMarket.Generate(DemoMarket.Seed, Small, DateOnly.FromDateTime(now));
        var loader = new DemoLoader(new ServiceClient(_postings.CreateClient()), new ServiceClient(_profiles.CreateClient()),
            new DemoTokens(TestSecrets.SigningKey), parallelism: 4);

        var load = await loader.LoadAsync(market, now, loaded => History.BackdateAsync(
            _postings.Servers.ConnectionStringFor(_postings.Database), _profiles.Servers.ConnectionStringFor(_profiles.Database), market, loaded, now));

        Assert.Equal(Small.Postings, load.Published + load.HeldForReview);
        Assert.True(load.Published >= Small.Postings * 0.9, $"{load.HeldForReview} postings held for review");
        await using var postings = await _postings.DataSource.OpenConnectionAsync();
        Assert.Equal(Small.Employers, await postings.ExecuteScalarAsync<int>("SELECT count(*) FROM organisations WHERE status = 'verified'"));
        Assert.Equal(12, await postings.ExecuteScalarAsync<int>("SELECT count(DISTINCT left(region_code, 4)) FROM postings WHERE status = 'Published'"));
        // Matching learns of every published posting from the outbox, as from any other.
        Assert.Equal(load.Published, await postings.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox WHERE message_type = 'JobMatch.Contracts.JobPublished'"));
        Assert.Equal(load.Applications, await postings.ExecuteScalarAsync<int>("SELECT count(*) FROM applications"));
        Assert.Equal(load.FollowUps, await postings.ExecuteScalarAsync<int>("SELECT count(*) FROM follow_ups"));
        Assert.Equal(market.Applications.Where((application, index) => application.FinalStatus == "hired" && load.ApplicationIds[index] is not null).Count(),
            await postings.ExecuteScalarAsync<int>("SELECT count(*) FROM applications WHERE status = 'Hired'"));
        // History: publication spread back over the weeks, and no application before its posting was published.
        Assert.True(await postings.ExecuteScalarAsync<DateTime>("SELECT min(published_at) FROM postings") < now.AddDays(-28));
        Assert.Equal(0, await postings.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM applications a JOIN postings p ON p.id = a.posting_id WHERE a.created_at < p.published_at"));

        await using var profiles = await _profiles.DataSource.OpenConnectionAsync();
        Assert.Equal(Small.Seekers, await profiles.ExecuteScalarAsync<int>("SELECT count(*) FROM profiles"));
        Assert.Equal(Small.Seekers, await profiles.ExecuteScalarAsync<int>("SELECT count(DISTINCT body->>'seekerId') FROM outbox WHERE message_type = 'JobMatch.Contracts.ProfileUpdated'"));
        // The profile service derives the key groups the generator meant.
        var derived = (await profiles.QueryAsync<(Guid SeekerId, string KeyGroup)>("SELECT seeker_id, key_group FROM key_groups WHERE applies"))
            .ToLookup(row => row.SeekerId, row => row.KeyGroup);
        Assert.All(market.Seekers, seeker => Assert.Equal(seeker.ExpectedKeyGroups.Order(StringComparer.Ordinal), derived[seeker.UserId].Order(StringComparer.Ordinal)));
    }
}
