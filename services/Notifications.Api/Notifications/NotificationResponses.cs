using System.Text.Json;

namespace Notifications.Api.Notifications;

/// <summary>The notification's answer record (JobMatch.Contracts.Responses.Notifications, shared with the portal) made from a row.</summary>
public static class NotificationResponses
{
    extension(NotificationResponse)
    {
        public static NotificationResponse From(NotificationRow row, string language)
        {
            var (title, body) = NotificationText.Render(row.Kind, row.Data, language);
            using var data = JsonDocument.Parse(row.Data);
            return new NotificationResponse(row.Id, row.Kind, title, body, data.RootElement.Clone(), row.CreatedAt, row.ReadAt);
        }
    }
}
