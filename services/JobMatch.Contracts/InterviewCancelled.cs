namespace JobMatch.Contracts;

/// <summary>The employer called off an interview it had scheduled; the seeker is told which one.</summary>
public sealed record InterviewCancelled(
    Guid InterviewId, Guid ApplicationId, Guid PostingId, Guid SeekerId, string PostingTitle, string? EmployerName, DateTimeOffset At,
    DateTimeOffset CancelledAt);
