using System.Security.Claims;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Organisations;

/// <summary>
/// Only verified organisations publish (the 2026 rules' real-name employer accounts). An employer with an organisation
/// publishes once a caseworker has verified it; a self-registered employer (organisation_required) without one must
/// register it first. Employers the bureau provisioned before organisations existed (no organisation, no such claim)
/// publish as before until they are moved over (docs/decisions/061).
/// </summary>
public static class OrganisationPublishing
{
    public const string Field = "organisation";

    /// <summary>Why the caller may not publish for the employer now, as a field-level problem; null when they may.</summary>
    public static async Task<ValidationProblem?> RefusalAsync(ServiceTransaction transaction, OrganisationStore store, Guid employerId, ClaimsPrincipal caller)
    {
        var status = await store.StatusAsync(transaction, employerId);
        if (status == OrganisationStatus.Verified) return null;
        if (status is { } unverified)
            return Refused($"Your organisation is {Organisation.Name(unverified)}: only verified organisations publish postings.");
        return caller.HasClaim(JobMatchClaims.OrganisationRequired, "true")
            ? Refused("Register your organisation first: postings are published by verified organisations.")
            : null;
    }

    private static ValidationProblem Refused(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Field] = [message] }, title: message);
}
