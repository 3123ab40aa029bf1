using JobMatch.Domain.Regions;
using Matching.Api.ReadModel;
using Matching.Taxonomy;

namespace Matching.Evaluation;

/// <summary>
/// The "realistic" synthetic mode (`evaluate synthetic --mode realistic`): a market shaped like the public job logs
/// matching has to survive, and deliberately not the family the cold-start model learns from
/// (<see cref="Matching.Api.Ranking.SyntheticMarket"/>: clean ESCO labels, listed skills, applications graded by fit).
/// Here postings are known by titles written the way ads are — 急招, 招聘…若干名, employer and place names inside,
/// plurals, punctuation, "(Seasonal)", exclamation marks, English mixed in — and only one in five lists any skill;
/// about two thirds of seekers have no profile text at all, the rest a past job title or a wanted position in their
/// own words; the only signal is views, over four months, driven as much by what is popular and near as by the
/// seeker's own line of work. Deterministic for a seed.
/// </summary>
public static class RealisticDataset
{
    public const int WindowDays = 120, OpenDays = 45;
    public const double NoTextShare = 2.0 / 3;
    public static readonly DateTime End = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Companies =
        ["伊利", "蒙牛", "鹿城物流", "草原兴发", "北方重工", "包钢", "Grassland Dairy", "Northern Logistics", "Steppe Foods", "Blue Sky Hotels"];
    private static readonly string[] ChineseTemplates =
        ["急招{0}", "招聘{0}若干名", "{1}招聘{0}", "【{2}】{0}急聘", "{0}（包吃住）", "高薪诚聘{0}!!", "{2}{1}{0} 五险一金", "{0}/{0}助理 月薪6-8k"];
    private static readonly string[] EnglishTemplates =
        ["{0}s Needed!", "{1} is hiring: {0}", "{0} (Seasonal)", "URGENT!! {0} - {2}", "{0} wanted in {2}", "Experienced {0}s", "{0}!!! Start today", "{3} {0}"];

    public static EvaluationDataset Generate(SkillTaxonomy taxonomy, int seekerCount, int postingCount, int seed)
    {
        var random = new Random(seed);
        var start = End.AddDays(-WindowDays);
        var counties = InnerMongoliaRegions.Counties;
        var occupations = taxonomy.Occupations.Where(o => o.LabelZh is not null && o.IscoCode is { Length: >= 4 }).ToArray();
        var pool = occupations.OrderBy(_ => random.Next()).Take(Math.Clamp(postingCount / 20, 30, occupations.Length)).ToArray();

        var postings = new List<(EvaluationPosting Posting, Concept Occupation, double Appeal)>();
        for (var i = 0; i < postingCount; i++)
        {
            var occupation = pool[Zipf(random, pool.Length)];
            var county = counties[random.Next(counties.Count)];
            var published = Second(start.AddMinutes(random.NextDouble() * (WindowDays - 3) * 1440));
            var skills = random.NextDouble() < 0.2
                ? taxonomy.EssentialSkills(occupation.Id).ToArray().OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(id => taxonomy[id].LabelZh ?? taxonomy[id].Label).ToArray()
                : [];
            var snapshot = new PostingSnapshot
            {
                PostingId = Id(random), EmployerId = Id(random), Title = Title(random, occupation, county), Skills = skills,
                RegionCode = county.Code, Latitude = Jitter(random, county.Latitude), Longitude = Jitter(random, county.Longitude),
                SalaryMin = random.NextDouble() < 0.5 ? 3000 + 500 * random.Next(0, 10) : null, PublishedAt = published,
                ValidUntil = published.AddDays(OpenDays), EmploymentType = random.NextDouble() < 0.15 ? "PartTime" : "FullTime",
            };
            // Some ads simply draw more eyes (pay, a known employer, a catchy title): a heavy-tailed appeal.
            postings.Add((new EvaluationPosting(snapshot, random.NextDouble() < 0.7 ? "small" : "medium"), occupation, Math.Exp(1.2 * Gaussian(random))));
        }

        var byOccupation = postings.Select((p, i) => (p.Occupation.IscoCode![..3], i)).ToLookup(p => p.Item1, p => p.i);
        var seekers = new List<EvaluationSeeker>();
        var interactions = new List<Interaction>();
        for (var s = 0; s < seekerCount; s++)
        {
            var occupation = pool[Zipf(random, pool.Length)];
            var county = random.NextDouble() < 0.7 ? counties[random.Next(counties.Count)] : counties.First(c => c.ParentCode == "1501");
            var hasText = random.NextDouble() >= NoTextShare;
            var snapshot = new SeekerSnapshot
            {
                SeekerId = Id(random), RegionCode = county.Code, Latitude = Jitter(random, county.Latitude), Longitude = Jitter(random, county.Longitude),
                MaxCommuteKm = random.Next(2, 9) * 10, UpdatedAt = start,
                DesiredOccupations = hasText ? [PastTitle(random, occupation, taxonomy, pool)] : [],
                Skills = hasText && random.NextDouble() < 0.3 ? [.. taxonomy.EssentialSkills(occupation.Id).ToArray().Take(2).Select(id => taxonomy[id].Label)] : [],
            };
            seekers.Add(new EvaluationSeeker(snapshot, random.NextDouble() < 0.5 ? "female" : "male", 1965 + random.Next(0, 42)));
            interactions.AddRange(Views(random, snapshot, occupation, postings, byOccupation[occupation.IscoCode![..3]].ToArray(), start));
        }
        return new EvaluationDataset(seekers, postings.Select(p => p.Posting).ToList(), [.. interactions.OrderBy(i => i.OccurredAt)]);
    }

    /// <summary>
    /// A seeker's views over a few weeks: half of them postings of their own line of work (near ones more often), a
    /// third whatever is popular, the rest anything open nearby.
    /// </summary>
    private static IEnumerable<Interaction> Views(Random random, SeekerSnapshot seeker, Concept occupation,
        List<(EvaluationPosting Posting, Concept Occupation, double Appeal)> postings, int[] ownLine, DateTime start)
    {
        var looking = Second(start.AddDays(10).AddMinutes(random.NextDouble() * (WindowDays - 20) * 1440));
        var open = Enumerable.Range(0, postings.Count).Where(i => Open(postings[i].Posting.Snapshot, looking)).ToArray();
        if (open.Length == 0) yield break;
        var own = ownLine.Where(i => Open(postings[i].Posting.Snapshot, looking)).ToArray();
        var count = 1 + (int)Math.Min(12, -Math.Log(1 - random.NextDouble()) * 3);
        var viewed = new HashSet<int>();
        for (var v = 0; v < count; v++)
        {
            var roll = random.NextDouble();
            var pick = roll < 0.5 && own.Length > 0 ? Nearest(random, seeker, postings, own)
                : roll < 0.83 ? ByAppeal(random, postings, open)
                : Nearest(random, seeker, postings, open);
            if (!viewed.Add(pick)) continue;
            var at = Second(looking.AddMinutes(random.NextDouble() * 21 * 1440));
            var closes = postings[pick].Posting.Snapshot.ValidUntil!.Value;
            if (at >= closes) at = Second(looking.AddMinutes(random.NextDouble() * Math.Max(1, (closes - looking).TotalMinutes - 1)));
            yield return new Interaction(seeker.SeekerId, postings[pick].Posting.Snapshot.PostingId, "viewed", 1, at);
        }
    }

    private static int Nearest(Random random, SeekerSnapshot seeker, List<(EvaluationPosting Posting, Concept, double)> postings, int[] among)
    {
        // The closer of a few random draws: people look near home first.
        var best = among[random.Next(among.Length)];
        for (var t = 0; t < 3; t++)
        {
            var other = among[random.Next(among.Length)];
            if (Distance(seeker, postings[other].Posting.Snapshot) < Distance(seeker, postings[best].Posting.Snapshot)) best = other;
        }
        return best;
    }

    private static int ByAppeal(Random random, List<(EvaluationPosting, Concept, double Appeal)> postings, int[] among)
    {
        var best = among[random.Next(among.Length)];
        for (var t = 0; t < 4; t++)
        {
            var other = among[random.Next(among.Length)];
            if (postings[other].Appeal > postings[best].Appeal) best = other;
        }
        return best;
    }

    private static double Distance(SeekerSnapshot s, PostingSnapshot p) =>
        Math.Pow(s.Latitude!.Value - p.Latitude!.Value, 2) + Math.Pow(s.Longitude!.Value - p.Longitude!.Value, 2);

    private static string Title(Random random, Concept occupation, Region county)
    {
        var company = Companies[random.Next(Companies.Length)];
        if (random.NextDouble() < 0.5)
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, ChineseTemplates[random.Next(ChineseTemplates.Length)],
                occupation.LabelZh, company, county.Name);
        }

        var english = random.NextDouble() < 0.5 ? Capitalised(occupation.Label) : occupation.Label.ToUpperInvariant();
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, EnglishTemplates[random.Next(EnglishTemplates.Length)],
            english, company, county.Name, occupation.LabelZh);
    }

    /// <summary>What a seeker types: their last job or the one they want, in either language, sometimes a neighbouring one.</summary>
    private static string PastTitle(Random random, Concept occupation, SkillTaxonomy taxonomy, Concept[] pool)
    {
        var said = random.NextDouble() < 0.2 ? pool.FirstOrDefault(o => o.Id != occupation.Id && o.IscoCode![..3] == occupation.IscoCode![..3]) ?? occupation : occupation;
        return random.NextDouble() switch
        {
            < 0.35 => said.LabelZh!,
            < 0.55 => "曾任" + said.LabelZh,
            < 0.8 => "former " + said.Label,
            _ => Capitalised(said.Label) + " / " + taxonomy[said.Id].LabelZh,
        };
    }

    private static string Capitalised(string text) =>
        string.Join(' ', text.Split(' ').Select(word => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..]));

    private static bool Open(PostingSnapshot posting, DateTime at) => posting.PublishedAt <= at && posting.ValidUntil > at;

    private static int Zipf(Random random, int n)
    {
        var total = 0.0;
        for (var i = 1; i <= n; i++) total += 1.0 / i;
        var target = random.NextDouble() * total;
        for (var i = 1; i <= n; i++) if ((target -= 1.0 / i) <= 0) return i - 1;
        return n - 1;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Jitter(Random random, double value) => Math.Round(value + (random.NextDouble() - 0.5) * 0.1, 5);

    private static Guid Id(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static DateTime Second(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
