namespace Notifications.Api.Delivery;

/// <summary>Outside channels a notification can also go to; in-app is always on and needs no delivery.</summary>
public static class Channels
{
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Webhook = "webhook";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Email, Sms, Webhook };
}
