using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Matching.Api.ReadModel;

namespace Matching.Evaluation;

/// <summary>
/// `evaluate convert`: a plain public job-interaction log into the dataset format (docs/evaluation.md).
/// In: interactions `seeker,posting,time` (ISO 8601 or Unix seconds; each row a view), posting titles `posting,title`,
/// and optionally seeker titles `seeker,title` (past job titles or positions of interest; several rows per seeker
/// allowed). Out: seekers.csv, postings.csv and interactions.csv. Source ids become stable GUIDs (a hash of the id),
/// a posting is open from a day before its first interaction to a day after its last, places and pay are unknown.
/// </summary>
public static class LogConverter
{
    public static readonly string[] InteractionColumns = ["seeker", "posting", "time"];
    public static readonly string[] PostingTitleColumns = ["posting", "title"];
    public static readonly string[] SeekerTitleColumns = ["seeker", "title"];

    public static EvaluationDataset Convert(string interactionsPath, string postingTitlesPath, string? seekerTitlesPath)
    {
        var events = Csv.Read(interactionsPath, InteractionColumns)
            .Select(row => (Seeker: row["seeker"], Posting: row["posting"], At: row.Parse("time", ParseTime))).ToList();
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Csv.Read(postingTitlesPath, PostingTitleColumns)) titles[row["posting"]] = row["title"];
        var seekerTitles = seekerTitlesPath is null ? [] : Csv.Read(seekerTitlesPath, SeekerTitleColumns)
            .GroupBy(row => row["seeker"]).ToDictionary(g => g.Key, g => g.Select(row => row["title"]).Where(t => t.Length > 0).Distinct().ToArray());
        if (events.FirstOrDefault(e => !titles.ContainsKey(e.Posting)) is { Posting: not null } orphan)
            throw new DatasetException(Path.GetFileName(postingTitlesPath), 0, "posting", $"no title for posting '{orphan.Posting}' of the interactions");

        var postings = events.GroupBy(e => e.Posting).Select(g => new EvaluationPosting(new PostingSnapshot
        {
            PostingId = IdOf("posting", g.Key), EmployerId = IdOf("employer", g.Key), Title = titles[g.Key],
            RegionCode = "", PublishedAt = g.Min(e => e.At).AddDays(-1), ValidUntil = g.Max(e => e.At).AddDays(1),
        }, "unknown")).ToList();
        var seekers = events.Select(e => e.Seeker).Distinct().Select(id => new EvaluationSeeker(new SeekerSnapshot
        {
            SeekerId = IdOf("seeker", id), RegionCode = "", UpdatedAt = events.Min(e => e.At),
            DesiredOccupations = [.. seekerTitles.GetValueOrDefault(id, []).Select(t => t.Replace(Csv.ListSeparator, '/'))],
        }, "", null)).ToList();
        var interactions = events.Select(e => new Interaction(IdOf("seeker", e.Seeker), IdOf("posting", e.Posting), "viewed", 1, e.At))
            .OrderBy(i => i.OccurredAt).ToList();
        return new EvaluationDataset(seekers, postings, interactions);
    }

    private static DateTime ParseTime(string field) =>
        long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
            : DateTime.Parse(field, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>The same source id always gives the same GUID, so a converted log can be re-converted and compared.</summary>
    private static Guid IdOf(string kind, string id) => new(MD5.HashData(Encoding.UTF8.GetBytes(kind + ":" + id)));
}
