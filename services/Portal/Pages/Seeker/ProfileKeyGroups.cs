using System.Text.Json.Nodes;
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
    public IEnumerable<JsonNode> ShownKeyGroups => Profile?["keyGroups"] is JsonArray groups
        ? groups.OfType<JsonNode>().Where(group => group.Bool("applies") || group.Str("state") == "rejected")
        : [];

    private void ShowKeyGroupFacts(JsonNode profile)
    {
        var details = profile["details"];
        if (LatestSchool(details?["education"] as JsonArray) is { } school)
        {
            SchoolLevel = school.Str("level");
            School = school.Str("institution");
            GraduatedOn = school.Str("graduationDate");
        }
        DischargedOn = profile["veteran"].Str("dischargeDate");
        Branch = profile["veteran"].Str("branch");
        RuralResidence = details.Bool("ruralResidence");
        UnemployedSince = details.Str("unemployedSince");
        DisabilityCertificate = profile["disability"].Str("certificateNumber");
        DisabilityCategory = profile["disability"].Str("category");
        DisabilityGrade = profile["disability"]?["grade"]?.ToString();
    }

    /// <summary>Writes the declared facts into the profile to save; the rest of each section stays as saved.</summary>
    private void DeclareKeyGroupFacts(JsonObject body, JsonNode? existing)
    {
        var details = existing?["details"];
        var graduated = ReadDay(GraduatedOn, "education");
        var discharged = ReadDay(DischargedOn, "veteran");
        var unemployed = ReadDay(UnemployedSince, "unemployedSince");

        var education = details?["education"]?.DeepClone() as JsonArray ?? [];
        var latest = LatestSchool(education);
        if (latest is not null) education.Remove(latest);
        if (!string.IsNullOrWhiteSpace(SchoolLevel) || !string.IsNullOrWhiteSpace(School) || graduated is not null)
        {
            education.Add(new JsonObject
            {
                ["level"] = string.IsNullOrWhiteSpace(SchoolLevel) ? null : SchoolLevel,
                ["major"] = latest?["major"]?.DeepClone(),
                ["institution"] = string.IsNullOrWhiteSpace(School) ? null : School.Trim(),
                ["graduationDate"] = graduated,
            });
        }
        body["education"] = education;

        body["veteran"] = discharged is null && string.IsNullOrWhiteSpace(Branch) ? null : new JsonObject
        {
            ["dischargeDate"] = discharged,
            ["branch"] = string.IsNullOrWhiteSpace(Branch) ? null : Branch,
            ["militaryOccupation"] = existing?["veteran"]?["militaryOccupation"]?.DeepClone(),
        };
        body["ruralResidence"] = RuralResidence;
        body["unemployedSince"] = unemployed;
        var grade = int.TryParse(DisabilityGrade, out var g) ? g : (int?)null;
        body["disability"] = string.IsNullOrWhiteSpace(DisabilityCertificate) && string.IsNullOrWhiteSpace(DisabilityCategory) && grade is null ? null : new JsonObject
        {
            ["category"] = string.IsNullOrWhiteSpace(DisabilityCategory) ? null : DisabilityCategory,
            ["grade"] = grade,
            ["certificateNumber"] = string.IsNullOrWhiteSpace(DisabilityCertificate) ? null : DisabilityCertificate.Trim(),
        };
    }

    private string? ReadDay(string? text, string field)
    {
        var (day, error) = TypedDates.Day(text);
        if (error) Refuse(field, "input.date");
        return day is null ? null : TypedDates.Text(day);
    }

    /// <summary>The school left most recently (the one the form shows and edits).</summary>
    private static JsonNode? LatestSchool(JsonArray? education) =>
        education?.OfType<JsonNode>().MaxBy(school => school.Str("graduationDate") is { Length: > 0 } left ? left : "");
}
