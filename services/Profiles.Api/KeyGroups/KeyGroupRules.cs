using JobMatch.Contracts;
using Profiles.Api.Profiles;

namespace Profiles.Api.KeyGroups;

/// <summary>
/// Derives key groups from the profile and the registers, each with the evidence it rests on. Rules follow the
/// employment-promotion practice: graduates within two years of leaving school (or on the unemployed-graduates
/// register); veterans by discharge; rural workers by registered rural residence; employment difficulties for
/// women from 40 and men from 50 (the "4050" rule), disability, 12 months or more out of work, or a low-income household.
/// Evidence names facts, never the ID number.
/// </summary>
public static class KeyGroupRules
{
    public static IReadOnlyList<KeyGroupStatus> Derive(ProfileDetails details, PersonalDetails personal, IReadOnlyList<RegisterEntry> registers, DateOnly today) =>
    [
        Graduate(details, registers, today),
        Veteran(personal),
        RuralWorker(details),
        EmploymentDifficulty(details, personal, registers, today),
    ];

    private static KeyGroupStatus Graduate(ProfileDetails details, IReadOnlyList<RegisterEntry> registers, DateOnly today)
    {
        if (registers.FirstOrDefault(entry => entry.Register == Register.UnemployedGraduates) is { } entry)
        {
            return new(SeekerKeyGroups.Graduate, true, $"On the register of unemployed graduates since {entry.RegisteredOn:yyyy-MM-dd}.",
                Facts((KeyGroupFact.Register, Register.UnemployedGraduates), (KeyGroupFact.RegisteredOn, Day(entry.RegisteredOn))));
        }
        var recent = details.Education
            .Where(school => school.GraduationDate is { } left && left <= today && left > today.AddYears(-2))
            .MaxBy(school => school.GraduationDate);
        return recent is null
            ? new(SeekerKeyGroups.Graduate, false, "No school left within the last two years, and not on the unemployed-graduates register.")
            : new(SeekerKeyGroups.Graduate, true, $"Left school ({recent.Level}) on {recent.GraduationDate:yyyy-MM-dd}, within the last two years.",
                Facts((KeyGroupFact.EducationLevel, recent.Level), (KeyGroupFact.Institution, recent.Institution), (KeyGroupFact.GraduatedOn, Day(recent.GraduationDate))));
    }

    private static KeyGroupStatus Veteran(PersonalDetails personal) =>
        personal.Veteran is { DischargeDate: { } discharged } service
            ? new(SeekerKeyGroups.Veteran, true, $"Discharged {discharged:yyyy-MM-dd}; branch {service.Branch ?? "not given"}; military occupation {service.MilitaryOccupation ?? "not given"}.",
                Facts((KeyGroupFact.DischargedOn, Day(discharged)), (KeyGroupFact.Branch, service.Branch)))
            : new(SeekerKeyGroups.Veteran, false, "No military service recorded.");

    private static KeyGroupStatus RuralWorker(ProfileDetails details) =>
        details.RuralResidence
            ? new(SeekerKeyGroups.RuralWorker, true, "Registered rural or pastoral residence, as declared by the seeker.", Facts((KeyGroupFact.RuralResidence, "declared")))
            : new(SeekerKeyGroups.RuralWorker, false, "No registered rural residence declared.");

    private static KeyGroupStatus EmploymentDifficulty(ProfileDetails details, PersonalDetails personal, IReadOnlyList<RegisterEntry> registers, DateOnly today)
    {
        var reasons = new List<string>();
        var facts = new List<(string, string?)>();
        if (personal.BirthDate is { } born && personal.Gender is { } gender)
        {
            var age = today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0);
            if (gender == "female" && age >= 40 || gender == "male" && age >= 50)
            {
                reasons.Add($"older worker (age {age})");
                facts.Add((KeyGroupFact.Age, age.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        if (personal.Disability is { } disability)
        {
            reasons.Add("disability certified");
            facts.Add((KeyGroupFact.Disability, "certified"));
            facts.Add((KeyGroupFact.DisabilityGrade, disability.Grade?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var unemployedSince = registers.Where(entry => entry.Register == Register.RegisteredUnemployed).Select(entry => (DateOnly?)entry.RegisteredOn)
            .Append(details.UnemployedSince).Where(since => since is not null).Min();
        if (unemployedSince is { } since && since <= today.AddMonths(-12))
        {
            reasons.Add($"unemployed since {since:yyyy-MM-dd}");
            facts.Add((KeyGroupFact.UnemployedSince, Day(since)));
        }
        if (personal.LowIncomeHousehold)
        {
            reasons.Add("low-income household (declared)");
            facts.Add((KeyGroupFact.LowIncomeHousehold, "declared"));
        }
        if (registers.Any(entry => entry.Register == Register.LowIncomeHouseholds))
        {
            reasons.Add("on the low-income household register");
            facts.Add((KeyGroupFact.LowIncomeRegister, "registered"));
        }
        return reasons.Count == 0
            ? new(SeekerKeyGroups.EmploymentDifficulty, false, "None of: older worker, disability, 12 months unemployed, low-income household.")
            : new(SeekerKeyGroups.EmploymentDifficulty, true, string.Join("; ", reasons) + ".", Facts([.. facts]));
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The facts given (a fact the seeker left empty is left out).</summary>
    private static IReadOnlyDictionary<string, string> Facts(params (string Name, string? Value)[] facts) =>
        facts.Where(fact => !string.IsNullOrWhiteSpace(fact.Value)).ToDictionary(fact => fact.Name, fact => fact.Value!.Trim());
}
