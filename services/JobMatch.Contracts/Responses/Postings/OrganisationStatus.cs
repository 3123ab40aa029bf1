namespace JobMatch.Contracts.Responses.Postings;

/// <summary>
/// Where an organisation's verification stands: registered and waiting (pending), checked by a caseworker of its
/// region against its business licence (verified), asked for more (needsInformation: the owner corrects and resubmits),
/// or refused (rejected). Only a verified organisation publishes postings.
/// </summary>
public enum OrganisationStatus
{
    Pending,
    Verified,
    NeedsInformation,
    Rejected,
}
