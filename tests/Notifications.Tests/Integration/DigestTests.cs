using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Api.Delivery;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Integration;

/// <summary>
/// The daily digest: kinds a person digests get no e-mail of their own; at their digest hour (China Standard Time) one
/// e-mail lists the day's — exactly one per person and day with two instances racing for it. The instances share a
/// clock the test moves, so "the digest hour has come" is the test's to say.
/// </summary>
public sealed class DigestTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly SmtpSink _smtp = new();
    private readonly TestClock _clock = new();
    private ClockedFactory _first = null!;
    private ClockedFactory _second = null!;

    public async Task InitializeAsync()
    {
        // Yesterday (in China) at 22:30, so every time the test sets is in the past and deliveries are due at once.
        var yesterday = DateTimeOffset.UtcNow.ToOffset(China).Date.AddDays(-1);
        _clock.Now = new DateTimeOffset(yesterday.AddHours(22).AddMinutes(30), China);
        var servers = await TestServers.GetAsync();
        var virtualHost = await servers.CreateVirtualHostAsync();
        _first = new ClockedFactory(servers, virtualHost, _clock, null, _smtp.Port);
        using (_first.CreateClient()) { }
        _second = new ClockedFactory(servers, virtualHost, _clock, _first.Database, _smtp.Port);
        using (_second.CreateClient()) { }
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<long> CountAsync(string sql, object parameters)
    {
        await using var connection = await _first.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    /// <summary>Both instances look for due digests at the same moment (their background loops run too).</summary>
    private Task BothInstancesLookAsync() =>
        Task.WhenAll(_first.Services.GetRequiredService<DigestWorker>().SendDueAsync(CancellationToken.None),
            _second.Services.GetRequiredService<DigestWorker>().SendDueAsync(CancellationToken.None));

    [Fact]
    public async Task The_days_digested_notifications_arrive_in_one_email_at_the_digest_hour_exactly_once_with_two_instances()
    {
        var seekerId = Guid.NewGuid();
        var address = $"{seekerId:N}@example.cn";
        using (var client = _first.ClientWithToken(TestTokens.Seeker(seekerId)))
        {
            using var saved = await client.PutAsJsonAsync("/api/notifications/preferences", new
            {
                email = address,
                channels = new Dictionary<string, string[]> { ["new-matches"] = ["email"], ["application-status"] = ["email"], ["saved-search"] = ["email"] },
                digest = new { hour = 23, kinds = new[] { "new-matches", "saved-search" } },
            });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            Assert.Equal(23, JsonNode.Parse(await client.GetStringAsync("/api/notifications/preferences"))!["digest"]!["hour"]!.GetValue<int>());
        }

        await _first.Bus.Publish(new MatchesFound(seekerId, [new MatchedPosting(Guid.NewGuid(), "焊工", 0.9)], DateTimeOffset.UtcNow));
        await _second.Bus.Publish(new MatchesFound(seekerId, [new MatchedPosting(Guid.NewGuid(), "叉车司机", 0.9)], DateTimeOffset.UtcNow));
        await _first.Bus.Publish(new SavedSearchMatched(seekerId, Guid.NewGuid(), "光伏运维员", [Guid.NewGuid()], DateTimeOffset.UtcNow));
        await _first.Bus.Publish(new ApplicationStatusChanged(Guid.NewGuid(), Guid.NewGuid(), seekerId, "submitted", "viewed", null, DateTimeOffset.UtcNow));
        await Eventually.GetAsync(() => CountAsync("SELECT count(*) FROM notifications WHERE recipient_id = @seekerId", new { seekerId }), n => n == 4, "four notifications");

        // The application status is mailed at once; the digested kinds are not.
        var immediate = await Eventually.GetAsync(() => Task.FromResult(_smtp.Received.Where(m => m.To.Contains(address)).ToList()), m => m.Count >= 1, "the status e-mail");
        Assert.Equal("您的求职申请有新进展", Assert.Single(immediate).Subject);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM deliveries WHERE recipient_id = @seekerId", new { seekerId }));

        // 22:30: not yet.
        await BothInstancesLookAsync();
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM digests WHERE person_id = @seekerId", new { seekerId }));

        _clock.Now = _clock.Now.AddMinutes(30).AddSeconds(5);
        await BothInstancesLookAsync();
        var digest = await Eventually.GetAsync(() => Task.FromResult(_smtp.Received.Where(m => m.To.Contains(address) && m.Subject.Contains("摘要", StringComparison.Ordinal)).ToList()),
            m => m.Count >= 1, "the digest e-mail");
        await Eventually.GetAsync(() => CountAsync("SELECT count(*) FROM digests WHERE person_id = @seekerId AND status = 'sent' AND notification_count = 3", new { seekerId }),
            n => n == 1, "the digest recorded as sent with three notifications");
        var mail = Assert.Single(digest);
        Assert.Equal($"JobMatch 每日通知摘要（{_clock.Now.ToOffset(China):yyyy-MM-dd}）", mail.Subject);
        Assert.Contains("为您推荐：焊工", mail.Body, StringComparison.Ordinal);
        Assert.Contains("为您推荐：叉车司机", mail.Body, StringComparison.Ordinal);
        Assert.Contains("新岗位：光伏运维员", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("求职申请", mail.Body, StringComparison.Ordinal);

        // Both instances keep looking, this minute and later the same day: no second digest.
        await BothInstancesLookAsync();
        _clock.Now = _clock.Now.AddMinutes(50);
        await BothInstancesLookAsync();
        await BothInstancesLookAsync();
        Assert.Single(_smtp.Received, m => m.To.Contains(address) && m.Subject.Contains("摘要", StringComparison.Ordinal));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM digests WHERE person_id = @seekerId", new { seekerId }));
    }

    [Fact]
    public async Task A_digest_needs_an_hour_known_kinds_and_an_email_address()
    {
        using var client = _first.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var bad = await client.PutAsJsonAsync("/api/notifications/preferences", new { digest = new { hour = 24, kinds = new[] { "gossip" } } });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["digest", "digest.hour", "digest.kinds"], errors);
        using var none = await client.PutAsJsonAsync("/api/notifications/preferences", new { email = "a@example.cn", digest = new { hour = 8, kinds = Array.Empty<string>() } });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    private sealed class TestClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }

    private sealed class ClockedFactory(TestServers servers, string virtualHost, TimeProvider clock, string? database, int smtpPort)
        : ServiceFactory<NotificationStore>(servers, virtualHost, database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Settings["Notifications:Delivery:Smtp:Host"] = "127.0.0.1";
            Settings["Notifications:Delivery:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings["Notifications:Delivery:PollInterval"] = "00:00:00.100";
            Settings["Notifications:Delivery:DigestPollInterval"] = "00:00:00.100";
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
