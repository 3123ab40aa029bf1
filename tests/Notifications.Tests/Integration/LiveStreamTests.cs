using System.Text.Json.Nodes;
using JobMatch.Contracts;
using JobMatch.Testing;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Integration;

/// <summary>New notifications reach an open server-sent-events stream, whichever instance consumed the event.</summary>
public sealed class LiveStreamTests : IAsyncLifetime
{
    private ServiceFactory<NotificationStore> _consuming = null!;
    private ServiceFactory<NotificationStore> _streaming = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        var virtualHost = await servers.CreateVirtualHostAsync();
        _consuming = new ServiceFactory<NotificationStore>(servers, virtualHost);
        using (_consuming.CreateClient()) { }
        _streaming = new ServiceFactory<NotificationStore>(servers, virtualHost, _consuming.Database);
        using (_streaming.CreateClient()) { }
    }

    public async Task DisposeAsync()
    {
        await _streaming.DisposeAsync();
        await _consuming.DisposeAsync();
    }

    [Fact]
    public async Task A_notification_arrives_on_the_open_stream_as_an_event_and_nobody_elses_does()
    {
        var seekerId = Guid.NewGuid();
        using var client = _streaming.ClientWithToken(TestTokens.Seeker(seekerId));
        using var response = await client.GetAsync("/api/notifications/stream?lang=en", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());

        await _consuming.Bus.Publish(new MatchesFound(Guid.NewGuid(), [new MatchedPosting(Guid.NewGuid(), "Someone else's job", 0.9)], DateTimeOffset.UtcNow));
        await _consuming.Bus.Publish(new MatchesFound(seekerId, [new MatchedPosting(Guid.NewGuid(), "Dairy farm milker", 0.9)], DateTimeOffset.UtcNow));

        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        string? eventName = null;
        JsonNode? data = null;
        while (data is null && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) eventName = line["event: ".Length..];
            if (line.StartsWith("data: ", StringComparison.Ordinal)) data = JsonNode.Parse(line["data: ".Length..]);
        }
        Assert.Equal("notification", eventName);
        Assert.Equal("1 new job matches your profile", data!["title"]!.GetValue<string>());
        Assert.Contains("Dairy farm milker", data["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
