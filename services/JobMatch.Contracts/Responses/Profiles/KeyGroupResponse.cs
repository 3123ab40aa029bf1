namespace JobMatch.Contracts.Responses.Profiles;

/// <summary>
/// A key group as shown: evidence (the sentence and, for a derived group, its facts; for a rejection, the caseworker's
/// reason) opened only for the seeker and for staff who asked to see it (audited).
/// </summary>
public sealed record KeyGroupResponse(
    string KeyGroup, bool Applies, string Source, Guid SetBy, DateTime SetAt, Guid? VerifiedBy, DateTime? VerifiedAt, string? Evidence,
    string State = KeyGroupState.NotApplicable, IReadOnlyDictionary<string, string>? Facts = null, DateTime? RejectedAt = null,
    DateTime? RedeclaredAt = null, string? RedeclaredEvidence = null, IReadOnlyDictionary<string, string>? RedeclaredFacts = null);

/// <summary>Where a key group stands for the seeker: declared (derived from their facts, not yet checked), verified, rejected.</summary>
public static class KeyGroupState
{
    public const string Declared = "declared";
    public const string Verified = "verified";
    public const string Rejected = "rejected";
    public const string NotApplicable = "not-applicable";
}
