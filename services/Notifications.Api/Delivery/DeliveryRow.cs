namespace Notifications.Api.Delivery;

public sealed class DeliveryRow
{
    public Guid Id { get; init; }
    public Guid NotificationId { get; init; }
    public Guid RecipientId { get; init; }
    public string Channel { get; init; } = "";
    public string Status { get; init; } = "";
    public int Attempts { get; init; }
    public DateTime NextAttemptAt { get; init; }
    public string? LastError { get; init; }
    public DateTime? SentAt { get; init; }
    public DateTime CreatedAt { get; init; }
}
