namespace JobMatch.Contracts.Responses.Profiles;

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
    DateOnly? UnemployedSince);
