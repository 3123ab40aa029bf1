using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using JobMatch.DemoData.Market;

namespace JobMatch.DemoData.Loading;

/// <summary>What a load made, for the summary and the tests.</summary>
public sealed record LoadResult(int Organisations, int Published, int HeldForReview, int Profiles, int Applications, int Moves, int FollowUps,
    IReadOnlyDictionary<string, TimeSpan> Phases, IReadOnlyList<Guid> PostingIds, IReadOnlyList<Guid?> ApplicationIds);

/// <summary>
/// Loads a demo market through the services' own APIs, called directly on their ports with tokens signed for each
/// employer, seeker and caseworker (docs/decisions/065): organisations registered and verified, postings created and
/// published (screened like any other), profiles saved (sealed, key groups derived), applications moved on and
/// follow-ups recorded — so every event leaves through the services' outboxes as it would in use.
/// </summary>
public sealed class DemoLoader(ServiceClient postings, ServiceClient profiles, DemoTokens tokens, int parallelism = 12)
{
    private readonly ConcurrentDictionary<string, TimeSpan> phases = new(StringComparer.Ordinal);

    /// <summary>
    /// Loads the market. Follow-up visits are dated when they happened, which the API accepts only on or after the day
    /// of the application they follow up: so they are recorded after <paramref name="backdate"/> has moved the
    /// applications back to their days (History.BackdateAsync), and not at all without it.
    /// </summary>
    public async Task<LoadResult> LoadAsync(DemoMarket market, DateTime now, Func<LoadResult, Task>? backdate = null)
    {
        var caseworkers = market.Caseworkers.ToDictionary(caseworker => caseworker.LeagueCode, StringComparer.Ordinal);
        var postingIds = new Guid[market.Postings.Count];
        var published = new bool[market.Postings.Count];
        // Profiles do not depend on employers or postings: they load beside them (two services, so both cores work).
        var employersAndPostings = Task.Run(async () =>
        {
            await TimedAsync("organisations", () => ForEachAsync(market.Employers, employer => RegisterAsync(employer, caseworkers)));
            await TimedAsync("postings", () => ForEachAsync(Enumerable.Range(0, market.Postings.Count), async index =>
            {
                (postingIds[index], published[index]) = await PublishAsync(market.Employers[market.Postings[index].Employer], market.Postings[index], now);
            }));
        });
        var seekers = TimedAsync("profiles", () => ForEachAsync(market.Seekers, seeker =>
            profiles.SendAsync(tokens.Seeker(seeker.UserId), HttpMethod.Put, "api/profiles/me", seeker.Profile)));
        await Task.WhenAll(employersAndPostings, seekers);

        var applicationIds = new Guid?[market.Applications.Count];
        var moves = 0;
        var followUps = 0;
        await TimedAsync("applications", () => ForEachAsync(Enumerable.Range(0, market.Applications.Count), async index =>
        {
            var application = market.Applications[index];
            if (!published[application.Posting]) return; // held for a caseworker's review: nobody can apply yet
            var (id, moved) = await ApplyAsync(market, application, postingIds[application.Posting]);
            applicationIds[index] = id;
            Interlocked.Add(ref moves, moved);
        }));

        var load = new LoadResult(market.Employers.Count, published.Count(p => p), published.Count(p => !p), market.Seekers.Count,
            applicationIds.Count(id => id is not null), moves, 0, phases, postingIds, applicationIds);
        if (backdate is null)
        {
            Console.WriteLine("demo data: the history is not moved back, so no follow-up visits (they are dated in the past)");
            return load;
        }
        await backdate(load);
        await TimedAsync("follow-ups", () => ForEachAsync(Enumerable.Range(0, market.Applications.Count), async index =>
        {
            if (applicationIds[index] is not { } id || market.Applications[index].FollowUp is not { } visit) return;
            await VisitAsync(market, market.Applications[index], id, visit, caseworkers, now);
            Interlocked.Increment(ref followUps);
        }));
        return load with { FollowUps = followUps };
    }

    private async Task RegisterAsync(DemoEmployer employer, Dictionary<string, DemoCaseworker> caseworkers)
    {
        var token = tokens.Employer(employer.UserId, employer.EmployerId, employer.LegalName);
        await postings.SendAsync(token, HttpMethod.Post, "api/organisations", new
        {
            employer.CreditCode, employer.LegalName, employer.Industry, employer.Size, employer.RegionCode, employer.Address,
            employer.ContactName, employer.ContactPhone,
        }, HttpStatusCode.Created);
        var caseworker = caseworkers[employer.RegionCode[..4] + "00"];
        await postings.SendAsync(tokens.Caseworker(caseworker.UserId, caseworker.LeagueCode, caseworker.Name), HttpMethod.Post,
            $"api/organisations/{employer.EmployerId}/decision",
            new { status = "verified", reason = "营业执照与国家企业信用信息公示系统一致（演示数据）" });
    }

    private async Task<(Guid Id, bool Published)> PublishAsync(DemoEmployer employer, DemoPosting posting, DateTime now)
    {
        var token = tokens.Employer(employer.UserId, employer.EmployerId, employer.LegalName);
        var created = await postings.SendAsync(token, HttpMethod.Post, "api/postings", new
        {
            posting.Title, posting.Description, posting.Skills, posting.OptionalSkills, posting.RegionCode, posting.Latitude, posting.Longitude,
            posting.SalaryMin, posting.SalaryMax, posting.SalaryNegotiable, posting.Vacancies, posting.Education, posting.ExperienceYears,
            posting.EmploymentType, posting.KeyGroups,
            ValidUntil = now.AddDays(Math.Max(7, posting.ValidForDays - posting.PublishedDaysAgo)),
        }, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var answer = await postings.SendAsync(token, HttpMethod.Post, $"api/postings/{id}/publish");
        return (id, answer["status"]?.GetValue<string>() == "published");
    }

    private async Task<(Guid Id, int Moves)> ApplyAsync(DemoMarket market, DemoApplication application, Guid postingId)
    {
        var seeker = market.Seekers[application.Seeker];
        var posting = market.Postings[application.Posting];
        var employer = market.Employers[posting.Employer];
        var seekerToken = tokens.Seeker(seeker.UserId);
        var created = await postings.SendAsync(seekerToken, HttpMethod.Post, $"api/postings/{postingId}/applications",
            new { coverNote = (string?)null }, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var employerToken = tokens.Employer(employer.UserId, employer.EmployerId, employer.LegalName);
        foreach (var status in application.Moves)
        {
            await postings.SendAsync(employerToken, HttpMethod.Post, $"api/applications/{id}/status",
                new { status, reason = status == "rejected" ? application.RejectionReason : null });
        }
        if (application.Withdrawn) await postings.SendAsync(seekerToken, HttpMethod.Post, $"api/applications/{id}/withdraw");
        return (id, application.Moves.Count);
    }

    private async Task VisitAsync(DemoMarket market, DemoApplication application, Guid id, DemoFollowUp visit, Dictionary<string, DemoCaseworker> caseworkers, DateTime now)
    {
        var posting = market.Postings[application.Posting];
        var caseworker = caseworkers[posting.RegionCode[..4] + "00"];
        var visitedAt = now.AddDays(-visit.VisitedDaysAgo);
        await postings.SendAsync(tokens.Caseworker(caseworker.UserId, caseworker.LeagueCode, caseworker.Name), HttpMethod.Post,
            $"api/applications/{id}/follow-ups", new
            {
                visit.Outcome, visit.DaysInJob, visit.Note, VisitedAt = visitedAt,
                NextContactOn = visit.NextContactInDays is { } days && visitedAt.AddDays(days) > now
                    ? DateOnly.FromDateTime(visitedAt.AddDays(days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : null,
            }, HttpStatusCode.Created);
    }

    private async Task TimedAsync(string phase, Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        phases[phase] = watch.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo data: {phase} loaded in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    private Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> body) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await body(item));
}
