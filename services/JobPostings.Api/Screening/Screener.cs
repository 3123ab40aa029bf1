using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JobPostings.Api.SalaryGuide;

namespace JobPostings.Api.Screening;

/// <summary>What screening reads of a posting.</summary>
public sealed record PostingContent(
    string Title, string Description, string? OccupationCode, IReadOnlyList<string> Skills, int? ExperienceYears, string? Education,
    decimal? SalaryMin, decimal? SalaryMax);

/// <summary>Screens a posting before publication: every rule over the text, the offered pay against the market, and copies.</summary>
public static class Screener
{
    /// <param name="copiesAnotherEmployer">The same content is already live (or on its way) under another employer.</param>
    /// <param name="market">The salary guide's entry for the posting's occupation and area; null when the guide has too few postings.</param>
    public static IReadOnlyList<ScreeningFlag> Screen(PostingContent posting, bool copiesAnotherEmployer, SalaryGuideEntry? market)
    {
        var text = ScreeningText.From(posting.Title + "\n" + posting.Description + "\n" + string.Join("、", posting.Skills));
        var flags = ScreeningRules.All.SelectMany(rule => rule.Find(text)).ToList();
        if (ScreeningRules.OfficialChannel.IsMatch(text.Folded)) flags.RemoveAll(flag => flag.Kind == ScreeningKinds.PrivateContact);
        if (ImplausiblePay(posting, market) is { } pay) flags.Add(pay);
        if (copiesAnotherEmployer) flags.Add(new ScreeningFlag("duplicate.other-employer", ScreeningKinds.Duplicate, posting.Title));
        return flags.DistinctBy(flag => (flag.Rule, flag.MatchedText)).ToList();
    }

    /// <summary>
    /// Pay far above the market for work that asks for nothing — no skills, experience or education — is a classic lure.
    /// The lowest pay offered is compared with the guide's far-out fence for the occupation and area.
    /// </summary>
    private static ScreeningFlag? ImplausiblePay(PostingContent posting, SalaryGuideEntry? market)
    {
        var offered = posting.SalaryMin ?? posting.SalaryMax;
        var asksNothing = posting.Skills.Count == 0 && posting.ExperienceYears is null or 0 && posting.Education is null or "None";
        if (market is null || offered is null || offered <= market.FarAbove || !asksNothing) return null;
        return new ScreeningFlag("implausible-pay.market", ScreeningKinds.ImplausiblePay,
            string.Create(CultureInfo.InvariantCulture, $"{posting.SalaryMin}–{posting.SalaryMax}, no requirements; market: {market.Describe()}"));
    }

    /// <summary>Content identity ignoring spacing, punctuation and case, so a copy with a changed comma is still a copy.</summary>
    public static string Fingerprint(string title, string description)
    {
        var normalised = new StringBuilder();
        foreach (var c in (title + "|" + description).Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c)) normalised.Append(char.ToLowerInvariant(c));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised.ToString())));
    }
}
