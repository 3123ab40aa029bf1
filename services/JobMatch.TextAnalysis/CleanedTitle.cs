namespace JobMatch.TextAnalysis;

/// <summary>
/// What names the job in a posting title, without the advertising around it. <see cref="Core"/> is the parts that
/// remain, joined by a space; the flags keep what was taken off (an internship, a post for new graduates, seasonal
/// work, a grade such as 高级 or "senior"), since those describe the post, not the occupation.
/// </summary>
public sealed record CleanedTitle(string Core, IReadOnlyList<string> Parts, bool Internship, bool Graduate, bool Seasonal, string? Grade)
{
    public static readonly CleanedTitle Empty = new("", [], false, false, false, null);
}
