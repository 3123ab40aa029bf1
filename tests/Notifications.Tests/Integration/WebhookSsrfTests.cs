using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Dapper;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Api.Delivery;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Integration;

/// <summary>
/// Webhooks cannot be pointed inside the network (OWASP API7): refused when saved, and refused again at connect time,
/// so a URL that got past the first check (DNS rebinding, or a row written otherwise) still reaches nothing internal.
/// No allow-list is configured here, unlike the delivery tests.
/// </summary>
public sealed class WebhookSsrfTests : IAsyncLifetime
{
    private readonly TcpListener _internal = new(IPAddress.Loopback, 0);
    private ServiceFactory<NotificationStore> _factory = null!;

    public async Task InitializeAsync()
    {
        _internal.Start();
        var servers = await TestServers.GetAsync();
        _factory = new ServiceFactory<NotificationStore>(servers, await servers.CreateVirtualHostAsync());
        _factory.Settings["Notifications:Delivery:RequireHttpsWebhooks"] = "false";
        _factory.Settings["Notifications:Delivery:PollInterval"] = "00:00:00.100";
        using var _ = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _internal.Stop();
    }

    private int InternalPort => ((IPEndPoint)_internal.LocalEndpoint).Port;

    [Fact]
    public async Task Registering_a_webhook_on_a_loopback_private_link_local_or_metadata_address_is_a_field_error()
    {
        using var client = _factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        foreach (var url in new[]
        {
            $"http://127.0.0.1:{InternalPort}/hook", $"http://localhost:{InternalPort}/hook", "http://[::1]/hook", "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.8/hook", "http://192.168.0.1/hook", "http://100.64.1.1/hook", "http://[fe80::1]/hook", "http://0.0.0.0/hook",
        })
        {
            using var response = await client.PutAsJsonAsync("/api/notifications/preferences",
                new { webhookUrl = url, channels = new Dictionary<string, string[]> { ["new-matches"] = ["webhook"] } });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, url);
            var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
            Assert.Equal(["webhookUrl"], errors.Select(error => error.Key));
        }
        using var publicAddress = await client.PutAsJsonAsync("/api/notifications/preferences", new { webhookUrl = "https://1.1.1.1/hook" });
        Assert.Equal(HttpStatusCode.OK, publicAddress.StatusCode);
        Assert.False(_internal.Pending());
    }

    [Fact]
    public async Task A_webhook_that_leads_to_an_internal_address_at_send_time_is_refused_for_good_and_never_connected()
    {
        var personId = Guid.NewGuid();
        var protector = _factory.Services.GetRequiredService<PersonalDataProtector>();
        await using (var connection = await _factory.DataSource.OpenConnectionAsync())
        {
            // As if the name had resolved to a public address when saved and to loopback now (DNS rebinding).
            await connection.ExecuteAsync(
                """
                INSERT INTO preferences (person_id, webhook_url, webhook_secret_protected, channels)
                VALUES (@personId, @url, @secret, '{"new-matches": ["webhook"]}')
                """, new { personId, url = $"http://localhost:{InternalPort}/hook", secret = protector.Protect("s3cret") });
        }

        await _factory.Bus.Publish(new MatchesFound(personId, [new MatchedPosting(Guid.NewGuid(), "焊工", 0.9)], DateTimeOffset.UtcNow));

        using var client = _factory.ClientWithToken(TestTokens.Seeker(personId));
        var delivery = (await Eventually.GetAsync(async () => (await client.GetFromJsonAsync<List<DeliveryResponse>>("/api/notifications/deliveries"))!,
            list => list.Count == 1 && list[0].Status == "failed", "the webhook delivery refused")).Single();
        Assert.Equal(1, delivery.Attempts);
        Assert.Contains("not a public internet address", delivery.LastError, StringComparison.Ordinal);
        Assert.False(_internal.Pending());
    }
}
