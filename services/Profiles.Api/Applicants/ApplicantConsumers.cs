using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using MassTransit;

namespace Profiles.Api.Applicants;

/// <summary>A seeker applied: the posting's employer may read their card for this application (what it shows is the seeker's consent's).</summary>
public sealed class ApplicationSubmittedConsumer(Transactions transactions) : IConsumer<ApplicationSubmitted>
{
    public Task Consume(ConsumeContext<ApplicationSubmitted> context) =>
        context.Message.EmployerId is not { } employerId
            ? Task.CompletedTask
            : transactions.RunOnceAsync(context, nameof(ApplicationSubmittedConsumer), transaction => transaction.ExecuteAsync(
                """
                INSERT INTO applicants (application_id, seeker_id, employer_id, applied_at, posting_id, posting_title, employer_name)
                VALUES (@ApplicationId, @SeekerId, @employerId, @appliedAt, @PostingId, @PostingTitle, @EmployerName)
                ON CONFLICT (application_id) DO UPDATE SET posting_id = excluded.posting_id, posting_title = excluded.posting_title,
                    employer_name = excluded.employer_name
                """, new
                {
                    context.Message.ApplicationId, context.Message.SeekerId, employerId, appliedAt = context.Message.SubmittedAt.UtcDateTime,
                    context.Message.PostingId, context.Message.PostingTitle, context.Message.EmployerName,
                }));
}

/// <summary>The seeker answered the employer's contact request: an acceptance opens name and phone for that application.</summary>
public sealed class ContactRequestAnsweredConsumer(Transactions transactions) : IConsumer<ContactRequestAnswered>
{
    public Task Consume(ConsumeContext<ContactRequestAnswered> context) =>
        transactions.RunOnceAsync(context, nameof(ContactRequestAnsweredConsumer), transaction => transaction.ExecuteAsync(
            """
            INSERT INTO applicants (application_id, seeker_id, employer_id, contact_shared, applied_at, posting_id)
            VALUES (@ApplicationId, @SeekerId, @EmployerId, @Accepted, @at, @PostingId)
            ON CONFLICT (application_id) DO UPDATE SET contact_shared = excluded.contact_shared
            """, new { context.Message.ApplicationId, context.Message.SeekerId, context.Message.EmployerId, context.Message.Accepted,
                at = context.Message.AnsweredAt.UtcDateTime, context.Message.PostingId }));
}
