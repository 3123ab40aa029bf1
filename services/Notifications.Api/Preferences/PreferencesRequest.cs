using System.Text.RegularExpressions;
using JobMatch.ServiceDefaults.Problems;
using Notifications.Api.Delivery;
using Notifications.Api.Notifications;

namespace Notifications.Api.Preferences;

/// <summary>Quiet hours as "HH:mm" in China Standard Time.</summary>
public sealed record QuietHoursRequest(string? Start, string? End);

public sealed partial record PreferencesRequest(
    string? Language,
    string? Email,
    string? Phone,
    string? WebhookUrl,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Channels,
    QuietHoursRequest? QuietHours)
{
    public Validation Validate(bool requireHttpsWebhooks)
    {
        var validation = new Validation()
            .Require(Language is null or NotificationText.Chinese or NotificationText.English, "language", "The language is zh-CN or en.")
            .Require(Email is null || (Email.Length <= 254 && EmailPattern().IsMatch(Email)), "email", "Not an e-mail address.")
            .RequireMobileOrNone(Phone)
            .Require(WebhookUrl is null || (Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url)
                && (url.Scheme == Uri.UriSchemeHttps || (!requireHttpsWebhooks && url.Scheme == Uri.UriSchemeHttp))),
                "webhookUrl", requireHttpsWebhooks ? "The webhook is an https:// URL." : "The webhook is an http(s):// URL.")
            .Require(QuietHours is null || (TryTime(QuietHours.Start, out _) && TryTime(QuietHours.End, out _)), "quietHours",
                "Quiet hours are a start and an end as HH:mm, e.g. 22:00 and 07:00.");
        foreach (var (kind, channels) in Channels ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            validation.Require(NotificationKind.All.Contains(kind), $"channels.{kind}", $"Unknown kind of notification '{kind}'.");
            foreach (var channel in channels)
            {
                validation.Require(Delivery.Channels.All.Contains(channel), $"channels.{kind}", $"Unknown channel '{channel}'.")
                    .Require(channel != Delivery.Channels.Email || Email is not null, $"channels.{kind}", "E-mail needs an e-mail address.")
                    .Require(channel != Delivery.Channels.Sms || Phone is not null, $"channels.{kind}", "SMS needs a phone number.")
                    .Require(channel != Delivery.Channels.Webhook || WebhookUrl is not null, $"channels.{kind}", "A webhook needs its URL.");
            }
        }
        return validation;
    }

    public QuietHours? ParsedQuietHours() =>
        QuietHours is not null && TryTime(QuietHours.Start, out var start) && TryTime(QuietHours.End, out var end) ? new QuietHours(start, end) : null;

    private static bool TryTime(string? text, out TimeSpan time) =>
        TimeSpan.TryParseExact(text, @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture, out time);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

}
