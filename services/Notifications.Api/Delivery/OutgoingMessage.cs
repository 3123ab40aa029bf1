namespace Notifications.Api.Delivery;

/// <summary>What a channel sends: the rendered words and where to. Addresses are opened only for the send.</summary>
public sealed record OutgoingMessage(
    Guid NotificationId, string Kind, string Title, string Body, string DataJson, DateTime CreatedAt,
    string? Email, string? Phone, string? WebhookUrl, string? WebhookSecret);
