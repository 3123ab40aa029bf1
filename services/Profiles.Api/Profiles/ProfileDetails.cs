namespace Profiles.Api.Profiles;

/// <summary>One school or course finished (or under way, when the graduation date is in the future).</summary>
public sealed record EducationEntry(string? Level, string? Major, string? Institution, DateOnly? GraduationDate);

/// <summary>One job held; To is null while it lasts.</summary>
public sealed record WorkEntry(string? Employer, string? Occupation, DateOnly? From, DateOnly? To);

/// <summary>Military service, kept so the occupation can be translated to civilian ones. Sealed at rest.</summary>
public sealed record VeteranService(DateOnly? DischargeDate, string? Branch, string? MilitaryOccupation);

/// <summary>A disability as certified (category, grade and number of the 残疾人证). Sealed at rest.</summary>
public sealed record Disability(string? Category, int? Grade, string? CertificateNumber = null);

/// <summary>A typed skill and the concept it was normalised to (the key matching compares).</summary>
public sealed record SkillEntry(string Text, string Concept);

/// <summary>The non-sensitive rest of a profile, stored as JSON: what matching may learn, and what the seeker typed.</summary>
public sealed record ProfileDetails(
    IReadOnlyList<EducationEntry> Education,
    IReadOnlyList<WorkEntry> WorkHistory,
    IReadOnlyList<string> Certificates,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> DesiredOccupations,
    decimal? SalaryExpectation,
    IReadOnlyList<string> EmploymentTypes,
    DateOnly? AvailableFrom,
    bool RuralResidence,
    DateOnly? UnemployedSince)
{
    public static readonly ProfileDetails Empty = new([], [], [], [], [], null, [], null, false, null);

    /// <summary>Education levels, lowest first; the highest finished one is what matching sees.</summary>
    public static readonly IReadOnlyList<string> EducationLevels =
        ["primary", "junior-secondary", "senior-secondary", "vocational", "junior-college", "bachelor", "master", "doctorate"];

    public static readonly IReadOnlyList<string> EmploymentTypeNames = ["full-time", "part-time", "seasonal", "temporary", "flexible"];

    public EducationEntry? HighestEducation(DateOnly today) => Education
        .Where(entry => entry.Level is not null && (entry.GraduationDate is null || entry.GraduationDate <= today))
        .MaxBy(entry => EducationLevels.IndexOf(entry.Level!));

    /// <summary>Years worked, overlapping jobs counted once per day, to one decimal.</summary>
    public double YearsOfExperience(DateOnly today)
    {
        var days = new HashSet<int>();
        foreach (var job in WorkHistory.Where(job => job.From is not null))
        {
            var end = job.To ?? today;
            for (var day = job.From!.Value; day <= end && day <= today; day = day.AddDays(1)) days.Add(day.DayNumber);
        }
        return Math.Round(days.Count / 365.25, 1);
    }
}

/// <summary>The sealed part of a profile: everything derived from the ID number, and special categories.</summary>
public sealed record PersonalDetails(
    DateOnly? BirthDate, string? Gender, VeteranService? Veteran, Disability? Disability, string? HealthNotes, bool LowIncomeHousehold);

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
