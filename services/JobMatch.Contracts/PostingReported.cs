namespace JobMatch.Contracts;

/// <summary>
/// Someone reported a published posting (a complaint of Category: discrimination, fee, fakePosting …); it is on the
/// review queue of the caseworkers of RegionCode. Neither the complainant nor their words travel: the complaint stays
/// in the job-posting service.
/// </summary>
public sealed record PostingReported(Guid PostingId, Guid ComplaintId, Guid EmployerId, string RegionCode, string Category, DateTimeOffset ReportedAt);
