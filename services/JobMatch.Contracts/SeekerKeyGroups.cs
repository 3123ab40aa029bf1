namespace JobMatch.Contracts;

/// <summary>
/// The key groups public employment services give targeted help, by the names the profile service derives and
/// verifies, events carry (<see cref="ProfileUpdated.KeyGroups"/>), matching's policy and campaigns select on and the
/// portal shows. One list for every service.
/// </summary>
public static class SeekerKeyGroups
{
    public const string Graduate = "graduate";
    public const string Veteran = "veteran";
    public const string RuralWorker = "rural-worker";
    public const string EmploymentDifficulty = "employment-difficulty";

    public static readonly IReadOnlyList<string> All = [Graduate, Veteran, RuralWorker, EmploymentDifficulty];
}
