namespace Profiles.Api.KeyGroups;

/// <summary>The caseworkers' registers that count as evidence (CSV import).</summary>
public static class Register
{
    public const string UnemployedGraduates = "unemployed-graduates";
    public const string RegisteredUnemployed = "registered-unemployed";
    public const string LowIncomeHouseholds = "low-income-households";

    public static readonly IReadOnlyList<string> All = [UnemployedGraduates, RegisteredUnemployed, LowIncomeHouseholds];
}

/// <summary>
/// Whether a group applies and why, as derived or as a caseworker set it. <see cref="Facts"/> are the derivation's
/// evidence as named facts (see <see cref="KeyGroupFact"/>), for the portal to word in the reader's language; the
/// sentence is the same evidence in English, for the API's readers and the logs of nobody (it is sealed).
/// </summary>
public sealed record KeyGroupStatus(string KeyGroup, bool Applies, string Evidence, IReadOnlyDictionary<string, string>? Facts = null);

/// <summary>The names of the facts a derived key group rests on (values are dates yyyy-MM-dd, codes or numbers).</summary>
public static class KeyGroupFact
{
    public const string Register = "register";
    public const string RegisteredOn = "registeredOn";
    public const string EducationLevel = "educationLevel";
    public const string Institution = "institution";
    public const string GraduatedOn = "graduatedOn";
    public const string DischargedOn = "dischargedOn";
    public const string Branch = "branch";
    public const string RuralResidence = "ruralResidence";
    public const string Age = "age";
    public const string DisabilityGrade = "disabilityGrade";
    public const string Disability = "disability";
    public const string UnemployedSince = "unemployedSince";
    public const string LowIncomeHousehold = "lowIncomeHousehold";
    public const string LowIncomeRegister = "lowIncomeRegister";
}

/// <summary>A register entry found for the seeker's ID number.</summary>
public sealed record RegisterEntry(string Register, DateOnly RegisteredOn);
