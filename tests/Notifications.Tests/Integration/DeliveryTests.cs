using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;
using Notifications.Api.Delivery;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Integration;

/// <summary>
/// Outside channels: e-mail to a real SMTP conversation, signed webhooks, an SMS provider — each on its own, retried
/// with back-off, failures recorded and shown, quiet hours respected.
/// </summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private readonly SmtpSink _smtp = new();
    private readonly Receiver _webhook = new();
    private readonly Receiver _smsProvider = new();
    private ServiceFactory<NotificationStore> _factory = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _factory = new ServiceFactory<NotificationStore>(servers, await servers.CreateVirtualHostAsync());
        _factory.Settings["Notifications:Delivery:Smtp:Host"] = "127.0.0.1";
        _factory.Settings["Notifications:Delivery:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _factory.Settings["Notifications:Delivery:Sms:Endpoint"] = _smsProvider.Url;
        _factory.Settings["Notifications:Delivery:Sms:ApiKey"] = "sms-test-key";
        _factory.Settings["Notifications:Delivery:RequireHttpsWebhooks"] = "false";
        // The receivers listen on loopback, which webhooks may not reach unless allowed (see WebhookSsrfTests).
        _factory.Settings["Notifications:Delivery:Webhooks:AllowedHosts:0"] = "127.0.0.1";
        _factory.Settings["Notifications:Delivery:MaxAttempts"] = "3";
        _factory.Settings["Notifications:Delivery:FirstBackoff"] = "00:00:00.200";
        _factory.Settings["Notifications:Delivery:PollInterval"] = "00:00:00.100";
        using var _ = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
        _webhook.Dispose();
        _smsProvider.Dispose();
    }

    private async Task<JsonObject> SavePreferencesAsync(Guid personId, object preferences)
    {
        using var client = _factory.ClientWithToken(TestTokens.Seeker(personId));
        using var response = await client.PutAsJsonAsync("/api/notifications/preferences", preferences);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private Task NotifyAsync(Guid seekerId, string title) =>
        _factory.Bus.Publish(new MatchesFound(seekerId, [new MatchedPosting(Guid.NewGuid(), title, 0.9)], DateTimeOffset.UtcNow));

    private async Task<List<DeliveryResponse>> DeliveriesAsync(Guid personId)
    {
        using var client = _factory.ClientWithToken(TestTokens.Seeker(personId));
        return (await client.GetFromJsonAsync<List<DeliveryResponse>>("/api/notifications/deliveries"))!;
    }

    [Fact]
    public async Task A_match_is_mailed_over_smtp_in_the_persons_language()
    {
        var seekerId = Guid.NewGuid();
        var address = $"{seekerId:N}@example.cn";
        await SavePreferencesAsync(seekerId, new { language = "zh-CN", email = address, channels = new Dictionary<string, string[]> { ["new-matches"] = ["email"] } });

        await NotifyAsync(seekerId, "仓储叉车司机");

        var mail = await Eventually.GetAsync(() => Task.FromResult(_smtp.Received.FirstOrDefault(m => m.To.Contains(address))), m => m is not null, "the e-mail");
        Assert.Equal("有1个新岗位与您匹配", mail!.Subject);
        Assert.Contains("仓储叉车司机", mail.Body, StringComparison.Ordinal);
        var delivery = await Eventually.GetAsync(() => DeliveriesAsync(seekerId), d => d.Count == 1 && d[0].Status == "sent", "the delivery recorded as sent");
        Assert.Equal(Channels.Email, delivery[0].Channel);
    }

    [Fact]
    public async Task A_webhook_receives_the_notification_signed_with_its_secret()
    {
        var employerLikeId = Guid.NewGuid();
        var saved = await SavePreferencesAsync(employerLikeId, new
        {
            language = "en", webhookUrl = _webhook.Url, channels = new Dictionary<string, string[]> { ["new-matches"] = ["webhook"] },
        });
        var secret = saved["webhookSecret"]!.GetValue<string>();
        Assert.Null((await SavePreferencesAsync(employerLikeId, new
        {
            language = "en", webhookUrl = _webhook.Url, channels = new Dictionary<string, string[]> { ["new-matches"] = ["webhook"] },
        }))["webhookSecret"]); // shown once, when made

        await NotifyAsync(employerLikeId, "Forklift driver");

        var call = await Eventually.GetAsync(() => Task.FromResult(_webhook.Calls.FirstOrDefault(c => c.Body.Contains("Forklift driver", StringComparison.Ordinal))),
            c => c is not null, "the webhook call");
        Assert.Equal(WebhookSender.Sign(secret, call!.Headers[WebhookSender.TimestampHeader], call.Body), call.Headers[WebhookSender.SignatureHeader]);
        Assert.Equal("1 new job matches your profile", JsonNode.Parse(call.Body)!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_channel_is_retried_then_recorded_as_failed_while_the_others_are_delivered()
    {
        var seekerId = Guid.NewGuid();
        var address = $"{seekerId:N}@example.cn";
        _webhook.FailWith = HttpStatusCode.ServiceUnavailable;
        await SavePreferencesAsync(seekerId, new
        {
            email = address, phone = "13912345678", webhookUrl = _webhook.Url,
            channels = new Dictionary<string, string[]> { ["new-matches"] = ["email", "sms", "webhook"] },
        });

        await NotifyAsync(seekerId, "电焊工");

        var deliveries = await Eventually.GetAsync(() => DeliveriesAsync(seekerId),
            d => d.Count == 3 && d.All(x => x.Status != "pending"), "all three channels settled");
        Assert.Equal("sent", deliveries.Single(d => d.Channel == Channels.Email).Status);
        Assert.Equal("sent", deliveries.Single(d => d.Channel == Channels.Sms).Status);
        var webhook = deliveries.Single(d => d.Channel == Channels.Webhook);
        Assert.Equal("failed", webhook.Status);
        Assert.Equal(3, webhook.Attempts);
        Assert.Contains("503", webhook.LastError, StringComparison.Ordinal);
        // Each attempt POSTed once (the receiver is this test's own): the client's resilience handler retries no
        // write; the worker's back-off does the retrying.
        Assert.Equal(3, _webhook.Calls.Count);
        var sms = _smsProvider.Calls.Single(c => c.Body.Contains("13912345678", StringComparison.Ordinal));
        Assert.Equal("Bearer sms-test-key", sms.Headers["Authorization"]);
        Assert.Contains(_smtp.Received, m => m.To.Contains(address));
    }

    [Fact]
    public async Task A_refused_mailbox_fails_at_once_without_retrying()
    {
        var seekerId = Guid.NewGuid();
        var address = $"{seekerId:N}@example.cn";
        _smtp.Refused[address] = true;
        await SavePreferencesAsync(seekerId, new { email = address, channels = new Dictionary<string, string[]> { ["new-matches"] = ["email"] } });

        await NotifyAsync(seekerId, "护理员");

        var delivery = (await Eventually.GetAsync(() => DeliveriesAsync(seekerId), d => d.Count == 1 && d[0].Status == "failed", "the delivery failed")).Single();
        Assert.Equal(1, delivery.Attempts);
    }

    [Fact]
    public async Task Quiet_hours_hold_outside_channels_until_they_end_but_not_the_in_app_notification()
    {
        var seekerId = Guid.NewGuid();
        var nowInChina = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var start = nowInChina.AddMinutes(-30).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var end = nowInChina.AddMinutes(90).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await SavePreferencesAsync(seekerId, new
        {
            email = $"{seekerId:N}@example.cn", channels = new Dictionary<string, string[]> { ["new-matches"] = ["email"] },
            quietHours = new { start, end },
        });

        await NotifyAsync(seekerId, "夜班保安");

        var delivery = (await Eventually.GetAsync(() => DeliveriesAsync(seekerId), d => d.Count == 1, "the delivery scheduled")).Single();
        Assert.Equal("pending", delivery.Status);
        Assert.InRange(delivery.NextAttemptAt, DateTime.UtcNow.AddMinutes(80), DateTime.UtcNow.AddMinutes(100));
        using var client = _factory.ClientWithToken(TestTokens.Seeker(seekerId));
        Assert.Single((await client.GetFromJsonAsync<List<NotificationResponse>>("/api/notifications"))!);
    }

    [Fact]
    public async Task Preferences_are_validated_field_by_field_and_each_person_sees_only_their_own()
    {
        var seekerId = Guid.NewGuid();
        using var client = _factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using var bad = await client.PutAsJsonAsync("/api/notifications/preferences", new
        {
            language = "fr", email = "not-an-address", phone = "123", webhookUrl = "ftp://x",
            channels = new Dictionary<string, string[]> { ["new-matches"] = ["pigeon"], ["gossip"] = ["email"] },
            quietHours = new { start = "25:00", end = "07:00" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "language", "email", "phone", "webhookUrl", "quietHours", "channels.new-matches", "channels.gossip" }, errors);

        await SavePreferencesAsync(seekerId, new { email = "mine@example.cn" });
        using var other = _factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        var theirs = JsonNode.Parse(await other.GetStringAsync("/api/notifications/preferences"))!;
        Assert.Null(theirs["email"]);
        Assert.Equal("mine@example.cn", JsonNode.Parse(await client.GetStringAsync("/api/notifications/preferences"))!["email"]!.GetValue<string>());
    }

    /// <summary>An HTTP endpoint that records calls (webhook receiver, SMS provider) and can be told to fail.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        public Receiver()
        {
            Url = $"http://127.0.0.1:{TestServers.FreePort()}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ReceiveAsync);
        }

        public string Url { get; }
        public HttpStatusCode FailWith { get; set; } = HttpStatusCode.OK;
        public ConcurrentQueue<Call> Calls { get; } = new();

        private async Task ReceiveAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                Calls.Enqueue(new Call(body, context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!)));
                context.Response.StatusCode = (int)FailWith;
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }

    private sealed record Call(string Body, Dictionary<string, string> Headers);
}
