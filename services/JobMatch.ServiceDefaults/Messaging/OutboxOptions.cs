namespace JobMatch.ServiceDefaults.Messaging;

public sealed class OutboxOptions
{
    /// <summary>How often the relay looks for unsent rows when nothing in this process signalled it (e.g. another instance wrote them).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>Sent outbox rows and inbox rows older than this are deleted; redeliveries come within minutes, not weeks.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
