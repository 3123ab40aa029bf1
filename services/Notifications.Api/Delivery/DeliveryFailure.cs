namespace Notifications.Api.Delivery;

/// <summary>A channel refused a message. Permanent failures are not retried (a bad address will stay bad).</summary>
public sealed class DeliveryFailure(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
