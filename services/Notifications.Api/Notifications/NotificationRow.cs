namespace Notifications.Api.Notifications;

public sealed class NotificationRow
{
    public Guid Id { get; init; }
    public Guid RecipientId { get; init; }
    public string Kind { get; init; } = "";
    public string Data { get; init; } = "{}";
    public DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; init; }
}
