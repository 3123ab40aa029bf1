using System.Text.RegularExpressions;
using JobMatch.ServiceDefaults.Problems;
using Notifications.Api.Delivery;
using Notifications.Api.Notifications;

namespace Notifications.Api.Preferences;

/// <summary>Quiet hours as "HH:mm" in China Standard Time.</summary>
public sealed record QuietHoursRequest(string? Start, string? End);

/// <summary>
/// The daily digest: these kinds are e-mailed once a day at Hour (0–23, China Standard Time), all of the day's in one
/// message, instead of one e-mail each. Other channels for them are unchanged.
/// </summary>
public sealed record DigestRequest(int? Hour, IReadOnlyList<string>? Kinds);

public sealed partial record PreferencesRequest(
    string? Language,
    string? Email,
    string? Phone,
    string? WebhookUrl,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Channels,
    QuietHoursRequest? QuietHours,
    DigestRequest? Digest = null)
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
        if (Digest is not null)
        {
            validation.Require(Digest.Hour is >= 0 and <= 23, "digest.hour", "The digest hour is 0 to 23 (China Standard Time).")
                .Require(Digest.Kinds is { Count: > 0 }, "digest.kinds", "Name the kinds of notification the digest collects.")
                .Require(Email is not null, "digest", "A digest is e-mailed: it needs an e-mail address.");
            foreach (var kind in Digest.Kinds ?? [])
                validation.Require(NotificationKind.All.Contains(kind), "digest.kinds", $"Unknown kind of notification '{kind}'.");
        }
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
