using System.Collections.Concurrent;
using System.Diagnostics;
using JobMatch.ServiceDefaults.Messaging;

namespace JobMatch.ServiceDefaults.Tests.Integration;

/// <summary>Counts the relay's successful publishes per message id, from its activities, in every host of the process.</summary>
public sealed class OutboxPublishes : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _succeeded = new();
    private readonly ActivityListener _listener;

    public OutboxPublishes()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OutboxTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int SucceededFor(Guid messageId) => _succeeded.GetValueOrDefault(messageId.ToString());

    private void Record(Activity activity)
    {
        if (activity.Status == ActivityStatusCode.Error) return;
        if (activity.GetTagItem(OutboxTelemetry.MessageIdTag) is string messageId)
            _succeeded.AddOrUpdate(messageId, 1, (_, count) => count + 1);
    }

    public void Dispose() => _listener.Dispose();
}
