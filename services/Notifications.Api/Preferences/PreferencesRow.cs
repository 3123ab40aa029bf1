namespace Notifications.Api.Preferences;

public sealed class PreferencesRow
{
    public Guid PersonId { get; init; }
    public string Language { get; init; } = "zh-CN";
    public string? EmailProtected { get; init; }
    public string? PhoneProtected { get; init; }
    public string? WebhookUrl { get; init; }
    public string? WebhookSecretProtected { get; init; }
    public string Channels { get; init; } = "{}";
    public TimeSpan? QuietStart { get; init; }
    public TimeSpan? QuietEnd { get; init; }
    public short? DigestHour { get; init; }
    public string[] DigestKinds { get; init; } = [];
}
