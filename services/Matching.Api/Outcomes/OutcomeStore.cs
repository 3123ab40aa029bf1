using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;

namespace Matching.Api.Outcomes;

/// <summary>
/// Records what seekers did with postings, as graded interactions the ranker learns from and campaigns count:
/// applied 1, viewed 1, interview 2, offer 3, hired 4, rejected 0 (the employer said no), withdrawn — forgotten
/// (the seeker's own choice says little about the match). A follow-up still in the job confirms the hire.
/// </summary>
public static class OutcomeStore
{
    public static Task RecordAsync(ServiceTransaction transaction, ApplicationSubmitted submitted) =>
        RecordAsync(transaction, submitted.SeekerId, submitted.PostingId, "applied", 1, submitted.SubmittedAt);

    public static Task RecordAsync(ServiceTransaction transaction, ApplicationStatusChanged changed) => changed.To switch
    {
        "viewed" => RecordAsync(transaction, changed.SeekerId, changed.PostingId, "viewed", 1, changed.ChangedAt),
        "interview" => RecordAsync(transaction, changed.SeekerId, changed.PostingId, "interview", 2, changed.ChangedAt),
        "offer" => RecordAsync(transaction, changed.SeekerId, changed.PostingId, "offer", 3, changed.ChangedAt),
        "hired" => RecordAsync(transaction, changed.SeekerId, changed.PostingId, "hired", 4, changed.ChangedAt),
        "rejected" => RecordAsync(transaction, changed.SeekerId, changed.PostingId, "rejected", 0, changed.ChangedAt),
        "withdrawn" => transaction.ExecuteAsync(
            "DELETE FROM interactions WHERE seeker_id = @SeekerId AND posting_id = @PostingId", new { changed.SeekerId, changed.PostingId }),
        _ => Task.CompletedTask,
    };

    public static Task RecordAsync(ServiceTransaction transaction, FollowUpRecorded followUp) => followUp.Outcome switch
    {
        "hired" => RecordAsync(transaction, followUp.SeekerId, followUp.PostingId, "retained", 4, followUp.VisitedAt),
        "left-job" => RecordAsync(transaction, followUp.SeekerId, followUp.PostingId, "left-job", (short)(followUp.DaysInJob is >= 90 ? 3 : 2), followUp.VisitedAt),
        _ => Task.CompletedTask,
    };

    private static Task RecordAsync(ServiceTransaction transaction, Guid seekerId, Guid postingId, string kind, short grade, DateTimeOffset at) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO interactions (seeker_id, posting_id, kind, grade, occurred_at) VALUES (@seekerId, @postingId, @kind, @grade, @at)
            ON CONFLICT (seeker_id, posting_id, kind) DO UPDATE SET grade = excluded.grade, occurred_at = excluded.occurred_at
            """, new { seekerId, postingId, kind, grade, at = at.UtcDateTime });
}
