namespace Notifications.Api.Delivery;

/// <summary>One outside channel. Throws <see cref="DeliveryFailure"/> when the message did not go.</summary>
public interface IChannelSender
{
    string Channel { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
