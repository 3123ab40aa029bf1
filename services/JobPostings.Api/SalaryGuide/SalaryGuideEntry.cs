using System.Globalization;

namespace JobPostings.Api.SalaryGuide;

/// <summary>
/// Posted monthly pay (CNY) of one occupation, or occupation group, in one area — a league or city (the region
/// code's first four digits, e.g. 1502) or the whole region (15) — over the last 12 months: how many postings, and
/// their quartiles.
/// </summary>
public sealed record SalaryGuideEntry(string Scope, string Occupation, string Area, int Postings, decimal LowerQuartile, decimal Median, decimal UpperQuartile)
{
    public const string OccupationScope = "occupation";
    public const string GroupScope = "group";

    /// <summary>
    /// Pay above which an offer is far out of this market: Tukey's far-out fence (upper quartile plus three
    /// interquartile ranges), and never below twice the median, so a market where every posting pays the same
    /// (公益性岗位 at the minimum wage, an interquartile range of zero) does not make every raise look implausible.
    /// </summary>
    public decimal FarAbove => Math.Max(UpperQuartile + 3 * (UpperQuartile - LowerQuartile), 2 * Median);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Scope} {Occupation} in {Area}: median {Median:0}, quartiles {LowerQuartile:0}–{UpperQuartile:0}, {Postings} postings; far above {FarAbove:0}");
}
