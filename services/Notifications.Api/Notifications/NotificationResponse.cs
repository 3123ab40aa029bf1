using System.Text.Json;

namespace Notifications.Api.Notifications;

public sealed record NotificationResponse(Guid Id, string Kind, string Title, string Body, JsonElement Data, DateTime CreatedAt, DateTime? ReadAt)
{
    public static NotificationResponse From(NotificationRow row, string language)
    {
        var (title, body) = NotificationText.Render(row.Kind, row.Data, language);
        using var data = JsonDocument.Parse(row.Data);
        return new NotificationResponse(row.Id, row.Kind, title, body, data.RootElement.Clone(), row.CreatedAt, row.ReadAt);
    }
}
