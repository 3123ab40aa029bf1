using JobPostings.Api.SalaryGuide;

namespace JobPostings.Tests.Screening;

/// <summary>
/// A fixed salary guide for tests that screen without a database: one entry per major group of the national
/// occupation classification (the code's first digit), with the rough Inner Mongolia medians screening used to
/// hard-code and quartiles at 0.8 and 1.25 of the median. Synthetic: the real guide is PostgreSQL's, from published
/// postings, and is tested against the database in SalaryGuideTests.
/// </summary>
public static class TestMarket
{
    private static readonly Dictionary<char, decimal> MedianByMajorGroup = new()
    {
        ['1'] = 9000m,
        ['2'] = 7000m,
        ['3'] = 5000m,
        ['4'] = 4500m,
        ['5'] = 4000m,
        ['6'] = 5000m,
    };

    public static SalaryGuideEntry? For(string? occupationCode) =>
        occupationCode is { Length: > 1 } code && code[1] == '-' && MedianByMajorGroup.TryGetValue(code[0], out var median)
            ? new SalaryGuideEntry(SalaryGuideEntry.GroupScope, code[..1], "15", 100, median * 0.8m, median, median * 1.25m)
            : null;
}
