using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobMatch.Contracts.Responses;
using JobMatch.Contracts.Responses.Profiles;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Seeker;

/// <summary>
/// The key-group facts a seeker declares on the profile form (docs/decisions/062): the school left most recently and
/// when, military discharge, rural or pastoral household registration, unemployment since, the disability certificate.
/// The profile service derives the groups from them (sealing what is personal); a typed date the portal cannot read is
/// refused beside its field, never saved empty.
/// </summary>
public sealed partial class ProfileModel
{
    public static readonly string[] EducationLevels = ["primary", "junior-secondary", "senior-secondary", "vocational", "junior-college", "bachelor", "master", "doctorate"];
    public static readonly string[] Branches = ["army", "navy", "air-force", "rocket-force", "armed-police", "other"];
    public static readonly string[] DisabilityCategories = ["visual", "hearing", "speech", "physical", "intellectual", "mental", "multiple"];

    [BindProperty] public string? SchoolLevel { get; set; }
    [BindProperty] public string? School { get; set; }
    [BindProperty] public string? GraduatedOn { get; set; }
    [BindProperty] public string? DischargedOn { get; set; }
    [BindProperty] public string? Branch { get; set; }
    [BindProperty] public bool RuralResidence { get; set; }
    [BindProperty] public string? UnemployedSince { get; set; }
    [BindProperty] public string? DisabilityCertificate { get; set; }
    [BindProperty] public string? DisabilityCategory { get; set; }
    [BindProperty] public string? DisabilityGrade { get; set; }

    /// <summary>The groups to show the seeker: those that apply, and those a caseworker rejected (with the reason).</summary>
    public IEnumerable<KeyGroupResponse> ShownKeyGroups =>
        (Profile?.KeyGroups ?? []).Where(group => group.Applies || group.State == KeyGroupState.Rejected);

    private void ShowKeyGroupFacts(ProfileResponse profile)
    {
        if (LatestSchool(profile.Details?.Education) is { } school)
        {
            SchoolLevel = school.Level ?? "";
            School = school.Institution ?? "";
            GraduatedOn = TypedDates.Text(school.GraduationDate);
        }
        DischargedOn = TypedDates.Text(profile.Veteran?.DischargeDate);
        Branch = profile.Veteran?.Branch ?? "";
        RuralResidence = profile.Details?.RuralResidence ?? false;
        UnemployedSince = TypedDates.Text(profile.Details?.UnemployedSince);
        DisabilityCertificate = profile.Disability?.CertificateNumber ?? "";
        DisabilityCategory = profile.Disability?.Category ?? "";
        DisabilityGrade = profile.Disability?.Grade?.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the declared facts into the profile to save; the rest of each section stays as saved.</summary>
    private void DeclareKeyGroupFacts(JsonObject body, ProfileResponse? existing)
    {
        var graduated = ReadDay(GraduatedOn, "education");
        var discharged = ReadDay(DischargedOn, "veteran");
        var unemployed = ReadDay(UnemployedSince, "unemployedSince");

        var saved = existing?.Details?.Education ?? [];
        var latest = LatestSchool(saved);
        var education = saved.ToList();
        if (latest is not null) education.Remove(latest);
        if (!string.IsNullOrWhiteSpace(SchoolLevel) || !string.IsNullOrWhiteSpace(School) || graduated is not null)
        {
            education.Add(new EducationEntry(string.IsNullOrWhiteSpace(SchoolLevel) ? null : SchoolLevel, latest?.Major,
                string.IsNullOrWhiteSpace(School) ? null : School.Trim(), graduated));
        }
        body["education"] = JsonSerializer.SerializeToNode(education, ApiJson.Options);

        body["veteran"] = discharged is null && string.IsNullOrWhiteSpace(Branch) ? null : new JsonObject
        {
            ["dischargeDate"] = Iso(discharged),
            ["branch"] = string.IsNullOrWhiteSpace(Branch) ? null : Branch,
            ["militaryOccupation"] = existing?.Veteran?.MilitaryOccupation,
        };
        body["ruralResidence"] = RuralResidence;
        body["unemployedSince"] = Iso(unemployed);
        var grade = int.TryParse(DisabilityGrade, out var g) ? g : (int?)null;
        body["disability"] = string.IsNullOrWhiteSpace(DisabilityCertificate) && string.IsNullOrWhiteSpace(DisabilityCategory) && grade is null ? null : new JsonObject
        {
            ["category"] = string.IsNullOrWhiteSpace(DisabilityCategory) ? null : DisabilityCategory,
            ["grade"] = grade,
            ["certificateNumber"] = string.IsNullOrWhiteSpace(DisabilityCertificate) ? null : DisabilityCertificate.Trim(),
        };
    }

    private DateOnly? ReadDay(string? text, string field)
    {
        var (day, error) = TypedDates.Day(text);
        if (error) Refuse(field, "input.date");
        return day;
    }

    private static string? Iso(DateOnly? day) => day is null ? null : TypedDates.Text(day);

    /// <summary>The school left most recently (the one the form shows and edits).</summary>
    private static EducationEntry? LatestSchool(IReadOnlyList<EducationEntry>? education) =>
        education?.MaxBy(school => school.GraduationDate ?? DateOnly.MinValue);
}
