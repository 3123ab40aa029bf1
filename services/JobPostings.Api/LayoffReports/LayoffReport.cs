using JobMatch.ServiceDefaults.Problems;
using JobMatch.TextAnalysis;

namespace JobPostings.Api.LayoffReports;

/// <summary>
/// Why an organisation lays people off, in the words of 劳动合同法 第四十一条 (reorganisation under the bankruptcy law,
/// serious difficulty, a change of production or technology, a change in the circumstances the contracts rested on),
/// or another reduction (合同到期不续订, relocation, …) the free text explains.
/// </summary>
public static class LayoffReasons
{
    public const string Bankruptcy = "bankruptcyReorganisation";
    public const string Difficulty = "seriousDifficulty";
    public const string Restructuring = "restructuring";
    public const string Circumstances = "changedCircumstances";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Bankruptcy, Difficulty, Restructuring, Circumstances, Other];
}

/// <summary>
/// A lay-off report (规模性裁员减员报告): how many people (and, optionally, of how many employed), from when, the reason
/// code and what happened in the organisation's words.
/// </summary>
public sealed record FileLayoffReportRequest(int? Affected, int? Workforce, DateOnly? EffectiveOn, string? ReasonCode, string? Reason)
{
    public const int MaxPeople = 1_000_000;
    public const int MaxReason = 2000;

    /// <summary>The reason's text cleaned (NFKC, invisible characters out) and what is wrong with the request.</summary>
    public (string? Reason, Validation Validation) Check(DateOnly today)
    {
        var reason = Reason is null ? null : TextNormalizer.Clean(Reason).Trim();
        var validation = new Validation()
            .Require(Affected is >= 1 and <= MaxPeople, "affected", "Say how many people are affected: 1 to 1,000,000.")
            .Require(Workforce is null or (>= 1 and <= MaxPeople), "workforce", "The workforce is 1 to 1,000,000 people.")
            .Require(Workforce is null || Affected is null || Workforce >= Affected, "workforce", "The workforce cannot be smaller than the number affected.")
            .Require(EffectiveOn is not null, "effectiveOn", "Say from when the people are affected.")
            .Require(EffectiveOn is null || (EffectiveOn >= today.AddYears(-1) && EffectiveOn <= today.AddYears(1)), "effectiveOn",
                "The date is within a year before or after today.")
            .Require(ReasonCode is not null && LayoffReasons.All.Contains(ReasonCode), "reasonCode",
                "The reason is bankruptcyReorganisation, seriousDifficulty, restructuring, changedCircumstances or other.")
            .Require(!string.IsNullOrWhiteSpace(reason), "reason", "Explain what happened in a few words.")
            .Require(reason is null || reason.Length <= MaxReason, "reason", "The explanation is at most 2,000 characters.")
            .Require(TextNormalizer.FindForbidden(Reason) < 0, "reason",
                "This text contains a character that cannot be stored (a control character or a broken surrogate).");
        return (reason, validation);
    }
}

