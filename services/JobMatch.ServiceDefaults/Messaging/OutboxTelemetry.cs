namespace JobMatch.ServiceDefaults.Messaging;

/// <summary>
/// The relay traces one activity per publish attempt, tagged with the outbox row's message id (never the body, which
/// may name a person), and marks a failed attempt with an error status.
/// </summary>
public static class OutboxTelemetry
{
    public const string SourceName = "JobMatch.Outbox";
    public const string MessageIdTag = "messaging.message.id";
}
