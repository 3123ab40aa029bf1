using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;
using Notifications.Api.Delivery;
using Notifications.Api.Live;
using Notifications.Api.Notifications;

namespace Notifications.Api.Consumers;

/// <summary>Tells the seeker of an interview invitation, or of its new time or place: the job, the employer, when and where.</summary>
public sealed class InterviewScheduledConsumer(Transactions transactions, Notifier notifier, LiveUpdates live) : IConsumer<InterviewScheduled>
{
    public async Task Consume(ConsumeContext<InterviewScheduled> context)
    {
        var interview = context.Message;
        if (await transactions.RunOnceAsync(context, nameof(InterviewScheduledConsumer), transaction =>
            notifier.NotifyAsync(transaction, interview.SeekerId, NotificationKind.Interview, new NotificationText.InterviewData(
                interview.ApplicationId, interview.PostingId, interview.PostingTitle, interview.EmployerName, interview.At, interview.Place,
                interview.Revision, Cancelled: false))))
        {
            await live.AnnounceAsync(interview.SeekerId);
        }
    }
}

/// <summary>Tells the seeker an interview was called off.</summary>
public sealed class InterviewCancelledConsumer(Transactions transactions, Notifier notifier, LiveUpdates live) : IConsumer<InterviewCancelled>
{
    public async Task Consume(ConsumeContext<InterviewCancelled> context)
    {
        var interview = context.Message;
        if (await transactions.RunOnceAsync(context, nameof(InterviewCancelledConsumer), transaction =>
            notifier.NotifyAsync(transaction, interview.SeekerId, NotificationKind.Interview, new NotificationText.InterviewData(
                interview.ApplicationId, interview.PostingId, interview.PostingTitle, interview.EmployerName, interview.At, Place: null, Revision: 0,
                Cancelled: true))))
        {
            await live.AnnounceAsync(interview.SeekerId);
        }
    }
}

/// <summary>Tells the employer (the organisation, read by its users) whether the seeker accepted the interview.</summary>
public sealed class InterviewAnsweredConsumer(Transactions transactions, Notifier notifier, LiveUpdates live) : IConsumer<InterviewAnswered>
{
    public async Task Consume(ConsumeContext<InterviewAnswered> context)
    {
        var answer = context.Message;
        if (await transactions.RunOnceAsync(context, nameof(InterviewAnsweredConsumer), transaction =>
            notifier.NotifyAsync(transaction, answer.EmployerId, NotificationKind.InterviewAnswer, new NotificationText.InterviewAnswerData(
                answer.ApplicationId, answer.PostingId, answer.PostingTitle, answer.At, answer.Accepted))))
        {
            await live.AnnounceAsync(answer.EmployerId);
        }
    }
}

/// <summary>Asks the seeker whether an employer may have their contact for one application.</summary>
public sealed class ContactRequestedConsumer(Transactions transactions, Notifier notifier, LiveUpdates live) : IConsumer<ContactRequested>
{
    public async Task Consume(ConsumeContext<ContactRequested> context)
    {
        var request = context.Message;
        if (await transactions.RunOnceAsync(context, nameof(ContactRequestedConsumer), transaction =>
            notifier.NotifyAsync(transaction, request.SeekerId, NotificationKind.ContactRequest, new NotificationText.ContactRequestData(
                request.ApplicationId, request.PostingId, request.PostingTitle, request.EmployerName))))
        {
            await live.AnnounceAsync(request.SeekerId);
        }
    }
}
