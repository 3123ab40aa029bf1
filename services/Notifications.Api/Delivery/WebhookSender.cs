using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifications.Api.Delivery;

/// <summary>
/// POSTs the notification as JSON, signed: X-JobMatch-Signature is "sha256=" + hex HMAC-SHA256 of
/// "{X-JobMatch-Timestamp}.{body}" with the receiver's secret, so a receiver can check origin and freshness.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock) : IChannelSender
{
    public const string SignatureHeader = "X-JobMatch-Signature";
    public const string TimestampHeader = "X-JobMatch-Timestamp";

    public string Channel => Channels.Webhook;

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"))).ToLowerInvariant();

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (message.WebhookUrl is null || message.WebhookSecret is null) throw new DeliveryFailure("No webhook is set up.", permanent: true);
        var body = new JsonObject
        {
            ["id"] = message.NotificationId,
            ["kind"] = message.Kind,
            ["title"] = message.Title,
            ["body"] = message.Body,
            ["data"] = JsonNode.Parse(message.DataJson),
            ["createdAt"] = message.CreatedAt,
        }.ToJsonString(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(message.WebhookSecret, timestamp, body));
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(nameof(WebhookSender)).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefusedException refused)
        {
            throw new DeliveryFailure(refused.Message + " Webhooks are not sent to it.", permanent: true, e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.ExecutionRejectedException)
        {
            // ExecutionRejectedException: the call timed out, or the receiver's circuit is open after repeated failures.
            throw new DeliveryFailure("The webhook could not be reached.", permanent: false, e);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var status = (int)response.StatusCode;
            // A receiver that says the request itself is wrong will say so again; overload and outages pass.
            var permanent = status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            throw new DeliveryFailure($"The webhook answered {status}.", permanent);
        }
    }
}
