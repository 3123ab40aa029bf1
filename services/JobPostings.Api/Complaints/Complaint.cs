using JobMatch.ServiceDefaults.Problems;
using JobMatch.TextAnalysis;

namespace JobPostings.Api.Complaints;

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

public sealed record FileComplaintRequest(ComplaintCategory? Category, string? Text)
{
    public const int MaxText = 2000;

    public Validation Validate() => new Validation()
        .Require(Category is { } category && Enum.IsDefined(category), "category",
            "Choose what the posting is reported for: discrimination, fee, trainingLoan, fakePosting, misleadingPay, privateContact or other.")
        .Require(!string.IsNullOrWhiteSpace(Text), "text", "Say what is wrong with the posting.")
        .Require(Text is null || Text.Length <= MaxText, "text", $"The complaint is at most {MaxText:N0} characters.")
        .Require(TextNormalizer.FindForbidden(Text) < 0, "text", "The complaint contains a character that cannot be stored (a control character or a broken surrogate).");
}

/// <summary>A complaint as the caseworker reviewing the posting sees it: not who filed it.</summary>
public sealed record ComplaintResponse(Guid Id, Guid PostingId, ComplaintCategory Category, string Text, DateTime FiledAt);
