namespace JobMatch.Contracts;

/// <summary>
/// A seeker's profile changed. Carries only what matching needs, under a pseudonymous id:
/// never a name, national ID number, phone number, date of birth, gender or health detail.
/// Fields after UpdatedAt were added later and are optional, so older publishers and consumers still agree.
/// Skills are as typed; SkillConcepts their normalised concepts. KeyGroups names the groups that apply
/// (graduate, veteran, rural-worker, employment-difficulty) and nothing of why. PastOccupations are the job titles of the
/// work history as typed (no employer, no dates); Certificates as typed: matching's lexical retrieval reads both.
/// NationalOccupationCode is the 细类 of 职业分类大典 2022 the seeker looks for, beside DesiredOccupations (issue 19).
/// </summary>
public sealed record ProfileUpdated(
    Guid SeekerId,
    IReadOnlyList<string> Skills,
    string RegionCode,
    double? Latitude,
    double? Longitude,
    int? MaxCommuteKm,
    bool WillingToRelocate,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string>? SkillConcepts = null,
    string? EducationLevel = null,
    string? EducationField = null,
    double? YearsOfExperience = null,
    IReadOnlyList<string>? DesiredOccupations = null,
    decimal? SalaryExpectation = null,
    IReadOnlyList<string>? EmploymentTypes = null,
    IReadOnlyList<string>? Languages = null,
    DateOnly? AvailableFrom = null,
    IReadOnlyList<string>? KeyGroups = null,
    bool SharedWithEmployers = false,
    IReadOnlyList<string>? PastOccupations = null,
    IReadOnlyList<string>? Certificates = null,
    string? NationalOccupationCode = null);
