using JobMatch.ServiceDefaults.Problems;
using JobMatch.TextAnalysis;

namespace JobPostings.Api.Complaints;

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

