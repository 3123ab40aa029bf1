using System.Text.Json;
using JobMatch.ServiceDefaults.PersonalData;

namespace Notifications.Api.Preferences;

/// <summary>A person's own preferences. The webhook secret is only shown when it is made (WebhookSecret), never again.</summary>
public sealed record PreferencesResponse(
    string Language,
    string? Email,
    string? Phone,
    string? WebhookUrl,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Channels,
    QuietHoursRequest? QuietHours,
    string? WebhookSecret,
    DigestRequest? Digest = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PreferencesResponse From(PreferencesRow row, PersonalDataProtector protector, string? newWebhookSecret = null) => new(
        row.Language,
        protector.UnprotectOptional(row.EmailProtected),
        protector.UnprotectOptional(row.PhoneProtected),
        row.WebhookUrl,
        JsonSerializer.Deserialize<Dictionary<string, IReadOnlyList<string>>>(row.Channels, Json) ?? [],
        row is { QuietStart: { } start, QuietEnd: { } end } ? new QuietHoursRequest(start.ToString(@"hh\:mm"), end.ToString(@"hh\:mm")) : null,
        newWebhookSecret,
        row.DigestHour is { } hour ? new DigestRequest(hour, row.DigestKinds) : null);

    public static PreferencesResponse Default() => new("zh-CN", null, null, null, new Dictionary<string, IReadOnlyList<string>>(), null, null);
}
