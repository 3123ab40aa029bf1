using System.Text.Json;

namespace JobMatch.Contracts.Responses.Notifications;

/// <summary>A notification as its recipient reads it: title and body in the language asked for, the event's data as sent.</summary>
public sealed record NotificationResponse(Guid Id, string Kind, string Title, string Body, JsonElement Data, DateTime CreatedAt, DateTime? ReadAt);
