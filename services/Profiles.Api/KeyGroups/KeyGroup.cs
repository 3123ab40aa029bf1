namespace Profiles.Api.KeyGroups;

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
