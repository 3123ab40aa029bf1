using JobMatch.Contracts;
using System.ComponentModel;
using System.Text.RegularExpressions;
using JobMatch.ServiceDefaults.Problems;
using Matching.Taxonomy;
using NationalIdNumber = JobMatch.ServiceDefaults.PersonalData.NationalId;

namespace Profiles.Api.Profiles;

/// <summary>
/// The whole profile, as the seeker saves it. Everything after WillingToRelocate is optional, so clients of the
/// first version (name, phone, skills, region, commute) keep working. <see cref="Consents"/> are the seeker's
/// answers per purpose (asked at registration) for purposes not answered yet; later changes go through
/// /me/consents. Without them a new profile consents to matching only. NationalOccupationCode is the 细类 of 职业分类大典
/// 2022 the seeker is looking for (4-02-02-02); without one it is derived from the desired occupations (docs/decisions/060).
/// NationalOccupationSource "derived" beside a code (a profile sent back as read) derives it afresh; a code given
/// without it is the seeker's choice.
/// </summary>
public sealed partial record UpdateProfileRequest(
    string? Name,
    string? Phone,
    IReadOnlyList<string>? Skills,
    string? RegionCode,
    double? Latitude,
    double? Longitude,
    int? MaxCommuteKm,
    bool? WillingToRelocate,
    string? NationalId = null,
    IReadOnlyList<EducationEntry>? Education = null,
    IReadOnlyList<WorkEntry>? WorkHistory = null,
    IReadOnlyList<string>? Certificates = null,
    IReadOnlyList<string>? Languages = null,
    IReadOnlyList<string>? DesiredOccupations = null,
    decimal? SalaryExpectation = null,
    IReadOnlyList<string>? EmploymentTypes = null,
    DateOnly? AvailableFrom = null,
    VeteranService? Veteran = null,
    Disability? Disability = null,
    string? HealthNotes = null,
    bool? RuralResidence = null,
    DateOnly? UnemployedSince = null,
    bool? LowIncomeHousehold = null,
    IReadOnlyDictionary<string, bool>? Consents = null,
    string? NationalOccupationCode = null,
    [property: Description("Leave out, or \"chosen\", when nationalOccupationCode is the seeker's choice; \"derived\" derives the code " +
        "afresh from the desired occupations, whatever code is sent (as when a profile read is sent back).")]
    NationalOccupationSource? NationalOccupationSource = null)
{
    public Validation Validate() => Validate(DateOnly.FromDateTime(DateTime.UtcNow), out _);

    /// <summary>Checks every field; a valid national ID number comes back parsed (date of birth and gender derived from it).</summary>
    public Validation Validate(DateOnly today, out NationalIdNumber? nationalId)
    {
        nationalId = null;
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(Name), "name", "A name is required.")
            .Require(Name is null || Name.Length <= 100, "name", "The name is at most 100 characters.")
            .RequireMobileOrNone(Phone)
            .RequireRegionCode(RegionCode)
            .RequireCoordinates(Latitude, Longitude)
            .Require(MaxCommuteKm is null or (>= 1 and <= 2000), "maxCommuteKm", "The commute limit is between 1 and 2,000 km.")
            .RequireItems(Skills, "skills", 100)
            .RequireItems(Certificates, "certificates", 50)
            .RequireItems(Languages, "languages", 20)
            .RequireItems(DesiredOccupations, "desiredOccupations", 20)
            .Require(NationalOccupationCode is null || NationalClassification.Shared.IsOccupationCode(NationalOccupationCode), "nationalOccupationCode",
                NationalClassification.NotAnOccupationCode)
            .Require(NationalOccupationSource is null || Enum.IsDefined(NationalOccupationSource.Value), "nationalOccupationSource",
                "The source is chosen or derived.")
            .RequireItems(EmploymentTypes, "employmentTypes", 5)
            .Require(EmploymentTypes is null || EmploymentTypes.All(type => ProfileDetails.EmploymentTypeNames.Contains(type)), "employmentTypes",
                "Employment types are " + string.Join(", ", ProfileDetails.EmploymentTypeNames) + ".")
            .Require(SalaryExpectation is null or (>= 0 and <= 1_000_000), "salaryExpectation", "The monthly salary expectation is between 0 and 1,000,000 yuan.")
            .Require(Education is null || Education.Count <= 10, "education", "At most 10 education entries.")
            .Require(Education is null || Education.All(entry => entry.Level is not null && ProfileDetails.EducationLevels.Contains(entry.Level)), "education",
                "Each education entry has a level: " + string.Join(", ", ProfileDetails.EducationLevels) + ".")
            .Require(WorkHistory is null || WorkHistory.Count <= 30, "workHistory", "At most 30 jobs.")
            .Require(WorkHistory is null || WorkHistory.All(job => job.From is not null && (job.To is null || job.To >= job.From) && job.From <= today),
                "workHistory", "Each job has a start date, not in the future, and ends after it starts.")
            .Require(Veteran is null || Veteran.DischargeDate is not null && Veteran.DischargeDate <= today, "veteran", "A veteran's discharge date is required and not in the future.")
            .Require(Disability is null || Disability.Grade is null or (>= 1 and <= 4), "disability", "A disability grade is 1 to 4.")
            .Require(Disability?.CertificateNumber is null || CertificateNumberPattern().IsMatch(JobMatch.TextAnalysis.TextNormalizer.Clean(Disability.CertificateNumber)),
                "disability", CertificateNumberMessage)
            .Require(HealthNotes is null || HealthNotes.Length <= 1000, "healthNotes", "Health notes are at most 1,000 characters.")
            .Require(UnemployedSince is null || UnemployedSince <= today, "unemployedSince", "Unemployment cannot start in the future.")
            .Require(Consents is null || Consents.Keys.All(Consent.Purpose.All.Contains), "consents", "The purpose is one of " + string.Join(", ", Consent.Purpose.All) + ".");
        if (NationalId is not null)
        {
            if (!NationalIdNumber.TryParse(NationalId, today, out nationalId, out var error)) validation.Add("nationalId", error!);
        }
        return validation;
    }

    public ProfileDetails Details() => new(
        Education ?? [], WorkHistory ?? [], Trimmed(Certificates), Trimmed(Languages), Trimmed(DesiredOccupations), SalaryExpectation,
        EmploymentTypes?.Distinct().ToList() ?? [], AvailableFrom, RuralResidence ?? false, UnemployedSince);

    public PersonalDetails Personal(NationalIdNumber? nationalId) =>
        new(nationalId?.BirthDate, nationalId?.Gender, Veteran, DisabilityKept, HealthNotes, LowIncomeHousehold ?? false);

    internal const string CertificateNumberMessage = "A disability certificate number is 6 to 30 letters or digits.";

    [GeneratedRegex("^[0-9A-Za-z]{6,30}$")]
    private static partial Regex CertificateNumberPattern();

    /// <summary>The disability as kept: the certificate number in its clean form, upper-cased (the X of an ID number).</summary>
    private Disability? DisabilityKept => Disability is null ? null
        : Disability with { CertificateNumber = Disability.CertificateNumber is { } number ? JobMatch.TextAnalysis.TextNormalizer.Clean(number).ToUpperInvariant() : null };

    private static List<string> Trimmed(IReadOnlyList<string>? items) =>
        items?.Select(item => item.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];

}
