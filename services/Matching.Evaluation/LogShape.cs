using System.Globalization;

namespace Matching.Evaluation;

/// <summary>
/// `evaluate synthetic --shape log`: a generated market written out the way a public job-interaction log arrives
/// (one `seeker,posting,time` row per view, posting titles, seeker titles) and read back through
/// <see cref="LogConverter"/>, so it loses exactly what a converted real log lacks: places, skills, pay, key groups and
/// employer sizes. The closest stand-in for the held-out real log the project is judged on outside it.
/// </summary>
public static class LogShape
{
    public static EvaluationDataset Of(EvaluationDataset market, string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var interactions = Path.Combine(workDirectory, "log-interactions.csv");
        var postingTitles = Path.Combine(workDirectory, "log-posting-titles.csv");
        var seekerTitles = Path.Combine(workDirectory, "log-seeker-titles.csv");
        Csv.Write(interactions, LogConverter.InteractionColumns, market.Interactions.Select(i => (IReadOnlyList<string?>)
            [i.SeekerId.ToString(), i.PostingId.ToString(), i.OccurredAt.ToString("O", CultureInfo.InvariantCulture)]));
        Csv.Write(postingTitles, LogConverter.PostingTitleColumns, market.Postings.Select(p => (IReadOnlyList<string?>)
            [p.Snapshot.PostingId.ToString(), p.Snapshot.Title]));
        // A seeker's own words: the titles they gave (desired or past occupations); listed skills have no place in a log.
        Csv.Write(seekerTitles, LogConverter.SeekerTitleColumns, market.Seekers.SelectMany(s => s.Snapshot.DesiredOccupations
            .Select(title => (IReadOnlyList<string?>)[s.Snapshot.SeekerId.ToString(), title])));
        return LogConverter.Convert(interactions, postingTitles, seekerTitles);
    }
}
