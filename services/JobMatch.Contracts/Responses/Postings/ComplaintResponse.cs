namespace JobMatch.Contracts.Responses.Postings;

/// <summary>A complaint as the caseworker reviewing the posting sees it: not who filed it.</summary>
public sealed record ComplaintResponse(Guid Id, Guid PostingId, ComplaintCategory Category, string Text, DateTime FiledAt);

/// <summary>What a posting is reported for, in the words of the 2026 rules' bans.</summary>
public enum ComplaintCategory
{
    /// <summary>就业歧视: gender, age, ethnicity, origin, hukou, religion, marital status, health …</summary>
    Discrimination,
    /// <summary>收取费用: fees or deposits asked of applicants.</summary>
    Fee,
    /// <summary>招转培 / 培训贷: the job turns into paid training or a loan.</summary>
    TrainingLoan,
    /// <summary>虚假招聘: the job does not exist or is something else (刷单, sales, recruiting others).</summary>
    FakePosting,
    /// <summary>薪酬不实: pay or conditions that are not what the posting says.</summary>
    MisleadingPay,
    /// <summary>The employer insists on private messaging instead of the platform.</summary>
    PrivateContact,
    Other,
}
