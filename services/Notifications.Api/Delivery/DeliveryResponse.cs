namespace Notifications.Api.Delivery;

public sealed record DeliveryResponse(
    Guid Id, Guid NotificationId, string Channel, string Status, int Attempts, DateTime NextAttemptAt, string? LastError, DateTime? SentAt)
{
    public static DeliveryResponse From(DeliveryRow row) =>
        new(row.Id, row.NotificationId, row.Channel, row.Status, row.Attempts, row.NextAttemptAt, row.LastError, row.SentAt);
}
