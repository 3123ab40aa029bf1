using JobMatch.Contracts;
using JobMatch.Domain.Regions;
using JobMatch.TextAnalysis;
using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Api.Outcomes;
using Matching.Api.Policy;
using Matching.Api.Ranking;
using Matching.Ranking;

namespace Matching.Evaluation;

/// <summary>
/// The offline evaluation: replays postings being published and closed into a real <see cref="CandidateIndex"/>, and at
/// each test seeker's query time ranks every posting open at that moment with each system, through the same
/// <see cref="MatchRanker"/> the service uses for the pipeline systems; then scores the top
/// <see cref="ListLength"/> against what the seeker went on to do.
/// </summary>
public static class OfflineEvaluation
{
    public const int ListLength = 50;
    public const string ColdStart = "learned (cold-start model)", Outcomes = "learned (trained on the training split)",
        Transparent = "skill overlap (transparent fit)", Popularity = "popularity", Text = "text similarity (bigram TF-IDF)",
        Bm25Name = "BM25 (shared analyzer)", Bm25History = "BM25 with past postings' titles", ItemKnn = "item-kNN (co-applied postings)";
    public static readonly string[] MetricNames = ["NDCG@10", "MAP@10", "Recall@10", "Recall@50", "MRR", "Coverage@10", "Empty"];
    public const string WithText = "with profile text", WithoutText = "without profile text";
    public static readonly string[] Subsets = [WithText, WithoutText];
    public static readonly string[] GroupNames = [.. SeekerKeyGroups.All, "none"];

    public static EvaluationResult Run(
        EvaluationDataset dataset, ConceptVocabulary vocabulary, EvaluationOptions options, IReadOnlyList<CounterfactualVariant> variants,
        Action<string>? progress = null)
    {
        progress ??= _ => { };
        var split = TimeSplit.Of(dataset, options.Split);
        if (split.Queries.Count == 0) throw new InvalidDataException("No test seeker has a relevant posting after the cutoff: nothing to evaluate.");
        var postings = dataset.Postings;
        var postingIndex = Enumerable.Range(0, postings.Count).ToDictionary(i => postings[i].Snapshot.PostingId);
        var rates = ResponseRates(dataset, split.Train);
        // Behaviour as the service would know it: training-split events only, each question asked as of its own time.
        var behaviour = new BehaviourSignals();
        behaviour.Replace(split.Train.Select(i => new OutcomeEvent(i.SeekerId, i.PostingId, i.OccurredAt, i.Grade)));
        var policy = new KeyGroupPolicy([]);
        var replay = new IndexReplay(postings, vocabulary);

        progress($"split at {split.Cutoff:u}: {split.Train.Count} training and {split.Test.Count} test interactions, {split.Queries.Count} test seekers");
        MatchRanker RankerWith(IRanker? model) => OpenCatalogueJudge.RankerWith(model, vocabulary, policy, rates, behaviour);
        var models = ServedModels.Decide(dataset, split, replay, vocabulary, rates, behaviour, options, RankerWith, progress);
        var notes = models.Notes.ToList();

        var pipelines = new List<(string Name, string Description, MatchRanker Ranker)>
        {
            (ColdStart, $"LambdaRank ({options.Ranking.Trainer}) trained on the generated bootstrap set (what a new installation trains), through CandidateIndex + MatchRanker with the key-group policy", RankerWith(models.ColdStart)),
        };
        if (models.Outcomes is not null)
            pipelines.Add((Outcomes, "LambdaRank trained on the training split's outcomes, as the service's retraining does, same pipeline", RankerWith(models.Outcomes)));
        pipelines.Add((Transparent, "essential-skill coverage and nearness (the fit the service falls back to without a model), same pipeline", RankerWith(null)));

        var popularity = PopularityOrder(postings, split.Train);
        var text = new TextSimilarity(postings.Select(TextSimilarity.PostingText).ToList());
        var indexedPostings = postings.Select(p => IndexedPosting.From(p.Snapshot, vocabulary)).ToArray();
        var bm25 = new Bm25Baseline(indexedPostings.Select(p => p.Terms).ToList());
        var systemNames = pipelines.Select(p => p.Name).Concat([Popularity, Text, Bm25Name, Bm25History, ItemKnn]).ToArray();
        var descriptions = pipelines.Select(p => p.Description)
            .Concat(["open postings by their number of training-split interactions, newest first among equals",
                "cosine of character-bigram TF-IDF vectors, seeker skills and desired occupations against posting title and skills",
                "every open posting by BM25 of the seeker's words against its title and skills: the service's own scorer, analyzer and field weights, without reach or concepts",
                "the same BM25, the seeker's words joined by the titles of every posting they had acted on before the query (the reference's \"title + seeker history\"), without reach or concepts",
                "open postings by the item-to-item score of the seeker's training-split postings (co-applied by the same seekers, cosine), the service's behaviour signal alone"]).ToArray();

        var queries = split.Queries;
        var lists = systemNames.ToDictionary(name => name, _ => new List<Guid>[queries.Count]);
        var changed = variants.SelectMany(v => pipelines.Where(p => p.Name != Transparent).Select(p => (v.Name, p.Name)))
            .ToDictionary(key => key, _ => (Attributes: 0, Lists: 0));
        var kinds = postings.Select(p => InnerMongoliaRegions.KindOf(p.Snapshot.RegionCode)).ToArray();
        var activeByKind = new Dictionary<string, long>();
        var activeBySize = new Dictionary<string, long>();
        var reachableByKind = new Dictionary<string, long>();
        var reachableBySize = new Dictionary<string, long>();
        long reachableTotal = 0;
        var seekerShareByKind = new Dictionary<string, double>();
        var seekerShareBySize = new Dictionary<string, double>();
        var seekersReaching = 0;
        // Only the place matters for reach: light entries, not the full concept resolution.
        var placed = postings.Select(p => new IndexedPosting { Snapshot = p.Snapshot, Essential = [], Optional = [], Occupations = [], Education = EducationRank.Unknown }).ToArray();
        var activeEver = new HashSet<int>();
        long activeTotal = 0, candidateTotal = 0, relevantTotal = 0, relevantReachable = 0;

        for (var q = 0; q < queries.Count; q++)
        {
            var query = queries[q];
            replay.AdvanceTo(query.At);
            var open = new List<int>();
            for (var i = 0; i < postings.Count; i++)
            {
                if (!SyntheticDataset.OpenAt(postings[i].Snapshot, query.At)) continue;
                open.Add(i);
                activeEver.Add(i);
                activeByKind[kinds[i]] = activeByKind.GetValueOrDefault(kinds[i]) + 1;
                activeBySize[postings[i].EmployerSize] = activeBySize.GetValueOrDefault(postings[i].EmployerSize) + 1;
            }
            activeTotal += open.Count;

            var seeker = IndexedSeeker.From(query.Seeker.Snapshot, vocabulary);
            // Reach as the service sees it for this seeker's own list: the commute limit, and a commute around the places farther away where they had acted on postings.
            var reaching = SeekerRecommendations.WithPastPostings(replay.Index, pipelines[0].Ranker, seeker, query.At);
            var reachable = open.Where(i => Reach.Of(reaching, placed[i]).Reachable).ToList();
            foreach (var i in reachable)
            {
                reachableTotal++;
                reachableByKind[kinds[i]] = reachableByKind.GetValueOrDefault(kinds[i]) + 1;
                reachableBySize[postings[i].EmployerSize] = reachableBySize.GetValueOrDefault(postings[i].EmployerSize) + 1;
            }
            if (reachable.Count > 0)
            {
                seekersReaching++;
                foreach (var group in reachable.GroupBy(i => kinds[i])) seekerShareByKind[group.Key] = seekerShareByKind.GetValueOrDefault(group.Key) + group.Count() / (double)reachable.Count;
                foreach (var group in reachable.GroupBy(i => postings[i].EmployerSize)) seekerShareBySize[group.Key] = seekerShareBySize.GetValueOrDefault(group.Key) + group.Count() / (double)reachable.Count;
            }
            candidateTotal += replay.Index.Retrieve(seeker, query.At, Recommender.CandidateLimit).Count;
            foreach (var id in query.Relevant.Keys)
            {
                relevantTotal++;
                if (Reach.Of(reaching, placed[postingIndex[id]]).Reachable) relevantReachable++;
            }
            var popular = PopularAt(split.Train, query.At);
            var results = new Dictionary<string, List<(Guid Id, double Score)>>();
            foreach (var (name, _, ranker) in pipelines)
            {
                results[name] = Ranked(replay.Index, ranker, popular, seeker, query);
                lists[name][q] = results[name].Select(r => r.Id).ToList();
            }
            lists[Popularity][q] = popularity.Where(i => SyntheticDataset.OpenAt(postings[i].Snapshot, query.At))
                .Select(i => postings[i].Snapshot.PostingId).Where(id => !query.SeenBefore.Contains(id)).Take(ListLength).ToList();
            var seekerText = TextSimilarity.SeekerText(query.Seeker);
            lists[Text][q] = Best(open, text.Scores(seekerText), postings, query);
            lists[Bm25Name][q] = Best(open, bm25.Scores(seeker.Terms), postings, query);
            var past = query.SeenBefore.Select(id => indexedPostings[postingIndex[id]]).ToList();
            lists[Bm25History][q] = Best(open, bm25.Scores(seeker.WithPastPostings(past, vocabulary).Terms), postings, query);
            var coApplied = behaviour.For(query.Seeker.Snapshot.SeekerId, query.At).CoAppliedPostings;
            lists[ItemKnn][q] = Best(open, open.Select(i => coApplied.GetValueOrDefault(postings[i].Snapshot.PostingId)).ToArray(), postings, query, indexed: false);

            foreach (var variant in variants)
            {
                var flipped = variant.Seekers[query.Seeker.Snapshot.SeekerId];
                var attributesChanged = flipped.Gender != query.Seeker.Gender || flipped.BirthYear != query.Seeker.BirthYear;
                var flippedSeeker = IndexedSeeker.From(flipped.Snapshot, vocabulary);
                foreach (var (name, _, ranker) in pipelines.Where(p => p.Name != Transparent))
                {
                    var same = Ranked(replay.Index, ranker, popular, flippedSeeker, query).SequenceEqual(results[name]);
                    var (a, l) = changed[(variant.Name, name)];
                    changed[(variant.Name, name)] = (a + (attributesChanged ? 1 : 0), l + (same ? 0 : 1));
                }
            }
            if ((q + 1) % 200 == 0) progress($"{q + 1} of {queries.Count} test seekers ranked");
        }

        // The pipeline systems list only what a seeker can reach (their commute limit); the baselines ignore it.
        notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Of the test seekers' relevant postings, {relevantReachable:N0} of {relevantTotal:N0} ({100.0 * relevantReachable / Math.Max(relevantTotal, 1):F1} %) lie within the seeker's reach (their commute limit, or a commute from where they had acted on postings before): the most any pipeline system can find; the baselines ignore reach."));
        var withText = queries.Select(query => HasProfileText(query.Seeker.Snapshot)).ToArray();
        var systems = systemNames.Select((name, s) => Score(name, descriptions[s], pipelines.Any(p => p.Name == name), lists[name], queries,
            withText, activeEver.Count, options.Resamples) with { Served = name == models.Served }).ToList();
        var groups = GroupNames.Select(group =>
        {
            var members = Enumerable.Range(0, queries.Count).Where(q => group == "none"
                ? queries[q].Seeker.Snapshot.KeyGroups.Length == 0
                : queries[q].Seeker.Snapshot.KeyGroups.Contains(group, StringComparer.Ordinal)).ToArray();
            var bySystem = members.Length == 0 ? new Dictionary<string, (MetricEstimate, double)>()
                : systems.ToDictionary(system => system.Name, system => (
                    RankingMetrics.Bootstrap(members.Select(q => system.Ndcg[q]).ToList(), options.Resamples),
                    members.Count(q => system.Empty[q]) / (double)members.Length));
            return new GroupResult(group, members.Length, bySystem);
        }).ToList();

        var exposure = new List<ExposureResult>();
        foreach (var (dimension, valueOf, active, reachable, perSeeker) in new[]
        {
            ("region type", (Func<int, string>)(i => kinds[i]), activeByKind, reachableByKind, seekerShareByKind),
            ("employer size", i => postings[i].EmployerSize, activeBySize, reachableBySize, seekerShareBySize),
        })
        {
            foreach (var value in active.Keys.Order(StringComparer.Ordinal))
            {
                var top = systems.ToDictionary(system => system.Name, system =>
                {
                    var slots = lists[system.Name].SelectMany(list => list.Take(10)).ToList();
                    return slots.Count == 0 ? 0 : slots.Count(id => valueOf(postingIndex[id]) == value) / (double)slots.Count;
                });
                exposure.Add(new ExposureResult(dimension, value, active[value] / (double)activeTotal,
                    reachable.GetValueOrDefault(value) / (double)Math.Max(reachableTotal, 1), top, perSeeker.GetValueOrDefault(value) / Math.Max(seekersReaching, 1)));
            }
        }

        return new EvaluationResult
        {
            Seekers = dataset.Seekers.Count, Postings = postings.Count, Interactions = dataset.Interactions.Count, Split = split,
            Systems = systems, Groups = groups, Exposure = exposure,
            Counterfactuals = changed.Select(pair => new CounterfactualResult(pair.Key.Item1, pair.Key.Item2, queries.Count, pair.Value.Attributes, pair.Value.Lists)).ToList(),
            MeanActivePostings = activeTotal / (double)queries.Count, MeanCandidates = candidateTotal / (double)queries.Count, Notes = notes,
            Decisions = models.Decisions,
            SubsetSizes = new Dictionary<string, int> { [WithText] = withText.Count(w => w), [WithoutText] = withText.Count(w => !w) },
        };
    }

    /// <summary>
    /// The pipeline's answer, built as the service builds a seeker's list (<see cref="SeekerRecommendations"/>: concepts,
    /// words, the labelled popular-nearby fallback; the model or the fit; the policy's boost), minus what the seeker had
    /// already acted on.
    /// </summary>
    private static List<(Guid Id, double Score)> Ranked(CandidateIndex index, MatchRanker ranker, PostingPopularity popular, IndexedSeeker seeker, TestQuery query) =>
        SeekerRecommendations.For(index, ranker, popular, seeker, query.At, ListLength + query.SeenBefore.Count)
            .Where(match => !query.SeenBefore.Contains(match.Posting.PostingId))
            .Take(ListLength).Select(match => (match.Posting.PostingId, match.Score)).ToList();

    /// <summary>
    /// Whether the seeker wrote anything matching could read: a skill or a desired occupation with text left after
    /// cleaning. About two thirds of real seekers have none.
    /// </summary>
    public static bool HasProfileText(Matching.Api.ReadModel.SeekerSnapshot seeker) =>
        seeker.Skills.Concat(seeker.DesiredOccupations).Any(text => !string.IsNullOrWhiteSpace(TextNormalizer.Clean(text)));

    /// <summary>The open postings with a positive score, best first (newest among equals), minus what the seeker had already acted on.</summary>
    private static List<Guid> Best(List<int> open, float[] scores, IReadOnlyList<EvaluationPosting> postings, TestQuery query, bool indexed = true)
    {
        var ranked = new List<(int Posting, float Score)>();
        for (var o = 0; o < open.Count; o++)
        {
            var score = indexed ? scores[open[o]] : scores[o];
            if (score > 0 && !query.SeenBefore.Contains(postings[open[o]].Snapshot.PostingId)) ranked.Add((open[o], score));
        }
        return [.. ranked.OrderByDescending(r => r.Score).ThenByDescending(r => postings[r.Posting].Snapshot.PublishedAt)
            .Take(ListLength).Select(r => postings[r.Posting].Snapshot.PostingId)];
    }

    private static SystemResult Score(string name, string description, bool pipeline, List<Guid>[] lists, IReadOnlyList<TestQuery> queries,
        bool[] withText, int activeEver, int resamples)
    {
        var n = queries.Count;
        double[] ndcg = new double[n], map = new double[n], recall10 = new double[n], recall50 = new double[n], rr = new double[n], empty = new double[n];
        for (var q = 0; q < n; q++)
        {
            (ndcg[q], map[q], recall10[q], recall50[q], rr[q]) = Metrics(lists[q], queries[q].Relevant);
            empty[q] = lists[q].Count == 0 ? 1 : 0;
        }
        Dictionary<string, MetricEstimate> Over(int[] members)
        {
            MetricEstimate Of(double[] values) => RankingMetrics.Bootstrap(members.Select(q => values[q]).ToList(), resamples);
            return new Dictionary<string, MetricEstimate>
            {
                ["NDCG@10"] = Of(ndcg), ["MAP@10"] = Of(map), ["Recall@10"] = Of(recall10), ["Recall@50"] = Of(recall50), ["MRR"] = Of(rr),
                ["Coverage@10"] = Coverage(members.Select(q => lists[q]).ToList(), activeEver, resamples), ["Empty"] = Of(empty),
            };
        }
        var all = Enumerable.Range(0, n).ToArray();
        var bySubset = new Dictionary<string, IReadOnlyDictionary<string, MetricEstimate>>();
        foreach (var (subset, wanted) in new[] { (WithText, true), (WithoutText, false) })
        {
            var members = all.Where(q => withText[q] == wanted).ToArray();
            if (members.Length > 0) bySubset[subset] = Over(members);
        }
        return new SystemResult(name, description, pipeline, Over(all), bySubset, ndcg, lists.Select(list => list.Count == 0).ToArray());
    }

    /// <summary>One query's NDCG@10 (graded), AP@10, recall@10 and @50 and reciprocal rank (grade ≥ 1 relevant) of a ranked list.</summary>
    public static (double Ndcg, double AveragePrecision, double Recall10, double Recall50, double ReciprocalRank) Metrics(
        IReadOnlyList<Guid> ranked, IReadOnlyDictionary<Guid, int> relevant)
    {
        var grades = ranked.Select(id => (double)relevant.GetValueOrDefault(id)).ToList();
        var hits = grades.Select(grade => grade > 0).ToList();
        var total = relevant.Values.Count(grade => grade > 0);
        return (RankingMetrics.NdcgAt(grades, relevant.Values.Select(v => (double)v).ToList(), 10), RankingMetrics.AveragePrecisionAt(hits, total, 10),
            RankingMetrics.RecallAt(hits, total, 10), RankingMetrics.RecallAt(hits, total, 50), RankingMetrics.ReciprocalRank(hits));
    }

    /// <summary>
    /// Distinct postings in any top 10 over postings open at any query time. Coverage is not a mean over seekers, and a
    /// resample (seekers repeated, others missing) covers less than the whole, so the plain percentile interval would sit
    /// below the estimate: the interval is the resamples' 2.5–97.5 % percentiles shifted by the bootstrap bias
    /// (estimate − mean of the resamples). An indication of spread, not an exact 95 % interval.
    /// </summary>
    public static MetricEstimate Coverage(IReadOnlyList<List<Guid>> lists, int catalogue, int resamples, int seed = 7)
    {
        double Of(IEnumerable<int> queries) => queries.SelectMany(q => lists[q].Take(10)).Distinct().Count() / (double)Math.Max(catalogue, 1);
        var n = lists.Count;
        var random = new Random(seed);
        var values = new double[resamples];
        for (var r = 0; r < resamples; r++) values[r] = Of(Enumerable.Range(0, n).Select(_ => random.Next(n)).ToArray());
        Array.Sort(values);
        var estimate = Of(Enumerable.Range(0, n));
        var bias = estimate - values.Average();
        var low = values[(int)(0.025 * (resamples - 1))];
        var high = values[(int)Math.Ceiling(0.975 * (resamples - 1))];
        return new MetricEstimate(estimate, Math.Max(0, low + bias), Math.Min(1, high + bias), n);
    }

    /// <summary>What the fallback's popularity would have been at <paramref name="at"/>: distinct seekers per posting in the window before it, training-split events only.</summary>
    public static PostingPopularity PopularAt(IReadOnlyList<Interaction> train, DateTime at)
    {
        var popularity = new PostingPopularity();
        popularity.Replace(train.Where(i => i.OccurredAt >= at - PostingPopularity.Window && i.OccurredAt <= at)
            .GroupBy(i => i.PostingId).Select(g => KeyValuePair.Create(g.Key, g.Select(i => i.SeekerId).Distinct().Count())));
        return popularity;
    }

    /// <summary>Posting indices by training-split interactions, most first, newest first among equals.</summary>
    private static int[] PopularityOrder(IReadOnlyList<EvaluationPosting> postings, IReadOnlyList<Interaction> train)
    {
        var counts = train.GroupBy(i => i.PostingId).ToDictionary(g => g.Key, g => g.Count());
        return [.. Enumerable.Range(0, postings.Count)
            .OrderByDescending(i => counts.GetValueOrDefault(postings[i].Snapshot.PostingId))
            .ThenByDescending(i => postings[i].Snapshot.PublishedAt)];
    }

    /// <summary>Employers' response rates as the service computes them, from training-split interactions only.</summary>
    private static EmployerResponseRates ResponseRates(EvaluationDataset dataset, IReadOnlyList<Interaction> train)
    {
        var employerOf = dataset.Postings.ToDictionary(p => p.Snapshot.PostingId, p => p.Snapshot.EmployerId);
        var rates = new EmployerResponseRates();
        rates.Replace(train.Where(i => employerOf.ContainsKey(i.PostingId)).GroupBy(i => employerOf[i.PostingId])
            .Select(g => (Employer: g.Key, Applications: g.Count(i => i.Kind == "applied"),
                Answered: g.Where(i => i.Kind != "applied").Select(i => (i.SeekerId, i.PostingId)).Distinct().Count()))
            .Where(e => e.Applications >= EmployerResponseRates.MinimumApplications)
            .Select(e => KeyValuePair.Create(e.Employer, (float)Math.Min(1.0, (double)e.Answered / e.Applications))));
        return rates;
    }
}
