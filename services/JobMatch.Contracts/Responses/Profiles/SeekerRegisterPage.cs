namespace JobMatch.Contracts.Responses.Profiles;

/// <summary>
/// A seeker as the register lists them: the ID number masked, key groups that apply, placement, last contact, and the
/// rejected groups the seeker has declared new facts for since (to look at again).
/// </summary>
public sealed record RegisteredSeeker(
    Guid SeekerId,
    string Name,
    string? NationalId,
    string RegionCode,
    string Place,
    IReadOnlyList<string> KeyGroups,
    IReadOnlyList<string> VerifiedKeyGroups,
    DateTime? PlacedAt,
    DateTime? LastContactAt,
    int? DaysSinceContact,
    DateTime RegisteredAt,
    IReadOnlyList<string>? RedeclaredKeyGroups = null);

/// <summary>One page of the register, newest registrations first; Next fetches the following page (null on the last).</summary>
public sealed record SeekerRegisterPage(IReadOnlyList<RegisteredSeeker> Seekers, string? Next);
