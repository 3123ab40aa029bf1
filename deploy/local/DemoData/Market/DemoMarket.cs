namespace JobMatch.DemoData.Market;

/// <summary>How big a demo market to make: the full demo region, or a small one for tests.</summary>
public sealed record DemoScale(int Employers, int Postings, int Seekers)
{
    public static DemoScale Full { get; } = new(320, 3200, 5200);
}

/// <summary>An employer with its organisation as it registers it, its HR user, and the league caseworker who verifies it.</summary>
public sealed record DemoEmployer(
    Guid EmployerId, Guid UserId, string LegalName, string ShortName, string CreditCode, string Industry, string Size, string RegionCode,
    string Address, string ContactName, string ContactPhone);

/// <summary>A posting as the employer writes it (the job-posting service's CreatePostingRequest), and how long ago it was published.</summary>
public sealed record DemoPosting(
    int Employer, string Occupation, string Title, string Description, IReadOnlyList<string> Skills, IReadOnlyList<string> OptionalSkills,
    string RegionCode, double Latitude, double Longitude, decimal? SalaryMin, decimal? SalaryMax, bool SalaryNegotiable, int Vacancies,
    string Education, int ExperienceYears, string EmploymentType, IReadOnlyList<string> KeyGroups, int PublishedDaysAgo, int ValidForDays);

/// <summary>
/// A seeker and the profile they save (the profile service's UpdateProfileRequest, in its JSON names), with the key
/// groups the profile service should derive from it (for the distribution test; the service derives them itself).
/// </summary>
public sealed record DemoSeeker(Guid UserId, string Occupation, DemoProfile Profile, IReadOnlyList<string> ExpectedKeyGroups, int RegisteredDaysAgo)
{
    public string RegionCode => Profile.RegionCode;
}

public sealed record DemoProfile(
    string Name, string Phone, IReadOnlyList<string> Skills, string RegionCode, double Latitude, double Longitude, int MaxCommuteKm,
    bool WillingToRelocate, string NationalId, IReadOnlyList<DemoEducation> Education, IReadOnlyList<DemoWork> WorkHistory,
    IReadOnlyList<string> Languages, IReadOnlyList<string> DesiredOccupations, decimal SalaryExpectation, IReadOnlyList<string> EmploymentTypes,
    DemoVeteran? Veteran, DemoDisability? Disability, bool RuralResidence, DateOnly? UnemployedSince, bool LowIncomeHousehold,
    IReadOnlyDictionary<string, bool> Consents);

public sealed record DemoEducation(string Level, string? Major, string? Institution, DateOnly GraduationDate);

public sealed record DemoWork(string Employer, string Occupation, DateOnly From, DateOnly? To);

public sealed record DemoVeteran(DateOnly DischargeDate, string Branch, string MilitaryOccupation);

public sealed record DemoDisability(string Category, int Grade);

/// <summary>
/// One application and how it went: the statuses the employer moved it through after submission (viewed, interview,
/// offer, hired or rejected), the seeker's withdrawal, and the caseworker's follow-up visit if there was one.
/// </summary>
public sealed record DemoApplication(int Seeker, int Posting, int AppliedDaysAgo, IReadOnlyList<string> Moves, string? RejectionReason,
    bool Withdrawn, DemoFollowUp? FollowUp)
{
    public string FinalStatus => Withdrawn ? "withdrawn" : Moves.Count == 0 ? "submitted" : Moves[^1];
}

public sealed record DemoFollowUp(string Outcome, int? DaysInJob, int VisitedDaysAgo, string Note, int? NextContactInDays);

/// <summary>A caseworker of one league: verifies its organisations and records its follow-up visits.</summary>
public sealed record DemoCaseworker(Guid UserId, string LeagueCode, string Name);

/// <summary>The whole demo market. Days are counted back from the day it is loaded, so it is always "the last 12 weeks".</summary>
public sealed record DemoMarket(
    IReadOnlyList<DemoCaseworker> Caseworkers, IReadOnlyList<DemoEmployer> Employers, IReadOnlyList<DemoPosting> Postings,
    IReadOnlyList<DemoSeeker> Seekers, IReadOnlyList<DemoApplication> Applications)
{
    /// <summary>The seed run.sh loads; the distribution test checks the market it makes.</summary>
    public const int Seed = 20260116;

    /// <summary>Twelve weeks of history.</summary>
    public const int HistoryDays = 84;

    public static DemoMarket Generate(int seed, DemoScale scale, DateOnly today) => new DemoMarketGenerator(seed, scale, today).Generate();
}
