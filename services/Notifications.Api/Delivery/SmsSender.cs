using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Notifications.Api.Delivery;

/// <summary>SMS through a provider's HTTP API (an adapter: swap the request shape for the provider in use).</summary>
public sealed class SmsSender(IHttpClientFactory clients, IOptions<DeliveryOptions> options) : IChannelSender
{
    public const int MaxLength = 300;

    public string Channel => Channels.Sms;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var sms = options.Value.Sms;
        if (sms.Endpoint is null) throw new DeliveryFailure("No SMS provider is configured (Notifications:Delivery:Sms:Endpoint).", permanent: true);
        if (message.Phone is null) throw new DeliveryFailure("No phone number.", permanent: true);
        var text = $"【JobMatch】{message.Title} {message.Body}";
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Endpoint)
        {
            Content = JsonContent.Create(new { to = message.Phone, text = text.Length > MaxLength ? text[..MaxLength] : text }),
        };
        if (sms.ApiKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.ApiKey);
        try
        {
            using var response = await clients.CreateClient(nameof(SmsSender)).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new DeliveryFailure($"The SMS provider answered {(int)response.StatusCode}.", permanent: (int)response.StatusCode is 400 or 422);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.ExecutionRejectedException)
        {
            throw new DeliveryFailure("The SMS provider could not be reached.", permanent: false, e);
        }
    }
}
