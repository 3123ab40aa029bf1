using System.Net;
using JobMatch.Contracts;
using JobMatch.Testing;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Integration;

/// <summary>
/// The notification service's real answers read strictly into the record the portal reads them with
/// (JobMatch.Contracts.Responses.Notifications): a field renamed in an answer fails here, not on a page (record 068).
/// </summary>
public sealed class ResponseContractTests : IAsyncLifetime
{
    private ServiceFactory<NotificationStore> _factory = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _factory = new ServiceFactory<NotificationStore>(servers, await servers.CreateVirtualHostAsync());
        using var _ = _factory.CreateClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_seekers_notifications_read_as_the_shared_record_before_and_after_being_read()
    {
        var seekerId = Guid.NewGuid();
        await _factory.Bus.Publish(new MatchesFound(seekerId, [new MatchedPosting(Guid.NewGuid(), "焊工", 0.9)], DateTimeOffset.UtcNow));
        using var seeker = _factory.ClientWithToken(TestTokens.Seeker(seekerId));

        var notification = Assert.Single(await Eventually.GetAsync(
            () => ContractJson.GetAsync<IReadOnlyList<NotificationResponse>>(seeker, "/api/notifications?lang=zh-CN"), list => list.Count > 0,
            "the seeker's notification"));
        Assert.Null(notification.ReadAt);
        using var read = await seeker.PostAsync(new Uri($"/api/notifications/{notification.Id}/read", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.NotNull(Assert.Single(await ContractJson.GetAsync<IReadOnlyList<NotificationResponse>>(seeker, "/api/notifications?lang=en")).ReadAt);
    }
}
