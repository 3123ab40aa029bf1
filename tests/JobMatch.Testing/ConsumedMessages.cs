using System.Collections.Concurrent;
using MassTransit;

namespace JobMatch.Testing;

/// <summary>Counts the deliveries consumers finished, by MessageId, so a test knows when duplicates have been handled.</summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _finished = new();

    public int Finished(Guid messageId) => _finished.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id) _finished.AddOrUpdate(id, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
