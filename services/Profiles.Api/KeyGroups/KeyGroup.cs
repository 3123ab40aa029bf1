namespace Profiles.Api.KeyGroups;

/// <summary>The groups public employment services give targeted help, as names used in the API, events and the database.</summary>
public static class KeyGroup
{
    public const string Graduate = "graduate";
    public const string Veteran = "veteran";
    public const string RuralWorker = "rural-worker";
    public const string EmploymentDifficulty = "employment-difficulty";

    public static readonly IReadOnlyList<string> All = [Graduate, Veteran, RuralWorker, EmploymentDifficulty];
}

/// <summary>The caseworkers' registers that count as evidence (CSV import).</summary>
public static class Register
{
    public const string UnemployedGraduates = "unemployed-graduates";
    public const string RegisteredUnemployed = "registered-unemployed";
    public const string LowIncomeHouseholds = "low-income-households";

    public static readonly IReadOnlyList<string> All = [UnemployedGraduates, RegisteredUnemployed, LowIncomeHouseholds];
}

/// <summary>Whether a group applies and why, as derived or as a caseworker set it.</summary>
public sealed record KeyGroupStatus(string KeyGroup, bool Applies, string Evidence);

/// <summary>A register entry found for the seeker's ID number.</summary>
public sealed record RegisterEntry(string Register, DateOnly RegisteredOn);
