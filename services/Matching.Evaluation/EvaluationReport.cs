using System.Globalization;
using System.Text;
using Matching.Ranking;

namespace Matching.Evaluation;

/// <summary>The evaluation's results as Markdown: ranking quality with 95 % bootstrap intervals, then the fairness report.</summary>
public static class EvaluationReport
{
    public static string Markdown(EvaluationResult result, string title = "Offline evaluation")
    {
        var md = new StringBuilder();
        var split = result.Split;
        md.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"{result.Seekers:N0} seekers, {result.Postings:N0} postings, {result.Interactions:N0} interactions. Split by time at {split.Cutoff:yyyy-MM-dd HH:mm} UTC: " +
            $"{split.Train.Count:N0} interactions train, {split.Test.Count:N0} test; {split.Queries.Count:N0} test seekers with at least one relevant posting " +
            $"({split.Queries.Sum(q => q.Relevant.Count):N0} relevant postings, mean grade {split.Queries.SelectMany(q => q.Relevant.Values).Average():F2}; " +
            $"{split.RelevantNotYetOpen:N0} more were not yet open at the seeker's query time and are left out).");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Each test seeker is ranked against every posting open at their query time (mean {result.MeanActivePostings:N0}); the pipeline systems rank " +
            $"the candidate index's answer (mean {result.MeanCandidates:N0} candidates, at most 2,000). Lists of {OfflineEvaluation.ListLength}.").AppendLine();
        foreach (var note in result.Notes) md.AppendLine(note);
        md.AppendLine();

        md.AppendLine("How the service would decide, by its own promotion rule (docs/decisions/033):").AppendLine();
        foreach (var decision in result.Decisions) md.AppendLine("- " + decision);
        md.AppendLine();
        QualityTable(md, "all test seekers", result.Split.Queries.Count, result.Systems, system => system.Metrics);
        foreach (var subset in OfflineEvaluation.Subsets)
            QualityTable(md, subset, result.SubsetSizes.GetValueOrDefault(subset), result.Systems, system => system.BySubset.GetValueOrDefault(subset));
        foreach (var system in result.Systems) md.AppendLine(CultureInfo.InvariantCulture, $"- *{system.Name}*: {system.Description}.");
        md.AppendLine();
        md.AppendLine("Grades: applied or viewed 1, interview 2, offer 3, hired 4 (the best a seeker reached with a posting); NDCG uses gain 2^grade − 1; " +
            "MAP, recall and MRR count grade ≥ 1 as relevant; MRR is over the 50-long list (0 when nothing relevant is in it); an empty list scores 0 on all of them; coverage is the share of " +
            "postings open at some query time that appear in at least one top 10 (coverage is not a mean over seekers: its interval is the " +
            "bootstrap percentiles shifted by the bootstrap bias, an indication of spread).").AppendLine();

        md.AppendLine("### Fairness: NDCG@10 and empty results per key group").AppendLine();
        md.AppendLine("| Key group | Test seekers | " + string.Join(" | ", result.Systems.Select(s => $"NDCG@10 {Short(s.Name)} | empty {Short(s.Name)}")) + " |");
        md.AppendLine("|---|---:|" + string.Concat(result.Systems.Select(_ => "---|---:|")));
        foreach (var group in result.Groups)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {group.Group} | {group.Queries:N0} |");
            foreach (var system in result.Systems)
                md.Append(group.BySystem.TryGetValue(system.Name, out var row) ? $" {Estimate(row.Ndcg)} | {Percent(row.EmptyRate)} |" : " – | – |");
            md.AppendLine();
        }
        md.AppendLine();
        md.AppendLine("A seeker in several key groups counts in each; \"none\" is seekers in no key group. The pipeline systems apply the key-group policy's boosts.").AppendLine();

        md.AppendLine("### Fairness: exposure of postings (share of top-10 slots against share of open postings)").AppendLine();
        md.AppendLine("| Dimension | Value | Share of open postings | Share of open postings within reach | Mean over seekers of their within-reach share | " +
            string.Join(" | ", result.Systems.Select(s => $"top-10 share {Short(s.Name)}")) + " |");
        md.AppendLine("|---|---|---:|---:|---:|" + string.Concat(result.Systems.Select(_ => "---:|")));
        foreach (var row in result.Exposure)
        {
            md.AppendLine("| " + row.Dimension + " | " + row.Value + " | " + Percent(row.ActiveShare) + " | " + Percent(row.ReachableShare) + " | " + Percent(row.SeekerReachableShare) + " | " +
                string.Join(" | ", result.Systems.Select(s => Percent(row.TopTenShare[s.Name]))) + " |");
        }

        md.AppendLine();
        md.AppendLine("Open postings are counted at every test seeker's query time (pooled); \"within reach\" counts only those within the " +
            "seeker's commute limit (anywhere if they would relocate; or within a commute of where they had acted on postings farther away), the fairer yardstick for systems that respect reach; pooled, it weighs seekers who can reach many postings more, while every seeker's top 10 weighs the same, so the mean over seekers of their own within-reach share is given beside it. Region type: \"city\" for districts and county-level cities, " +
            "\"banner-county\" for banners (旗) and counties (县).").AppendLine();

        md.AppendLine("### Fairness: counterfactual check").AppendLine();
        md.AppendLine("| Change to every test seeker | System | Seekers | Records changed | Result lists changed |");
        md.AppendLine("|---|---|---:|---:|---:|");
        foreach (var row in result.Counterfactuals)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {row.Variant} | {row.System} | {row.Seekers:N0} | {row.AttributesChanged:N0} | {row.ListsChanged:N0} |");
        md.AppendLine();
        md.AppendLine("The changed seekers were written to a seekers.csv and read back through the same reader that builds the snapshots; a list counts as " +
            "changed if any posting, its position or its score differs. Must be 0: matching never sees gender or age.");
        return md.ToString();
    }

    /// <summary>One table of ranking quality; "(served)" marks the system the service would serve on this data.</summary>
    private static void QualityTable(StringBuilder md, string over, int queries, IReadOnlyList<SystemResult> systems,
        Func<SystemResult, IReadOnlyDictionary<string, MetricEstimate>?> metricsOf)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"### Ranking quality, {over} ({queries:N0}; mean [95 % bootstrap interval])").AppendLine();
        if (queries == 0)
        {
            md.AppendLine("None.").AppendLine();
            return;
        }
        md.AppendLine("| System | " + string.Join(" | ", OfflineEvaluation.MetricNames.Select(m => m == "Empty" ? "Empty lists" : m)) + " |");
        md.AppendLine("|---|" + string.Concat(OfflineEvaluation.MetricNames.Select(_ => "---|")));
        foreach (var system in systems)
        {
            if (metricsOf(system) is not { } metrics) continue;
            md.AppendLine("| " + Label(system) + " | " + string.Join(" | ", OfflineEvaluation.MetricNames.Select(m => m == "Empty"
                ? string.Create(CultureInfo.InvariantCulture, $"{metrics[m].Mean * 100:F1} % [{metrics[m].Lower * 100:F1}, {metrics[m].Upper * 100:F1}]")
                : Estimate(metrics[m]))) + " |");
        }
        md.AppendLine();
    }

    public static string Label(SystemResult system) => system.Served ? system.Name + " (served)" : system.Name;

    public static string Estimate(MetricEstimate estimate) =>
        string.Create(CultureInfo.InvariantCulture, $"{estimate.Mean:F3} [{estimate.Lower:F3}, {estimate.Upper:F3}]");

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:F1} %");

    private static string Short(string system) => system switch
    {
        OfflineEvaluation.ColdStart => "cold-start",
        OfflineEvaluation.Outcomes => "outcomes",
        OfflineEvaluation.Transparent => "overlap",
        OfflineEvaluation.Popularity => "popularity",
        OfflineEvaluation.Text => "text",
        OfflineEvaluation.Bm25Name => "BM25",
        OfflineEvaluation.ItemKnn => "item-kNN",
        _ => system,
    };
}
