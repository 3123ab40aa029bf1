using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Profiles.Api.Consent;
using Profiles.Api.Profiles;

namespace Profiles.Api.Applicants;

/// <summary>How much of an applicant the employer sees, and why.</summary>
public enum ApplicantSharing
{
    /// <summary>The seeker consents to sharing with employers: name, phone and the profile.</summary>
    Consented,
    /// <summary>No such consent, but the seeker accepted this employer's contact request: name and phone, for this application.</summary>
    ContactShared,
    /// <summary>Neither: a masked card (the family name's first character, no phone, no profile); the employer may ask for the contact.</summary>
    Masked,
    /// <summary>The seeker applied without writing a profile.</summary>
    NoProfile,
}

/// <summary>What the profile says of the applicant's work, without anything sensitive (no ID, birth date, gender, health, key groups).</summary>
public sealed record ApplicantSummary(
    IReadOnlyList<string> Skills, IReadOnlyList<string> DesiredOccupations, string? HighestEducation, IReadOnlyList<WorkEntry> WorkHistory,
    IReadOnlyList<string> Certificates, IReadOnlyList<string> Languages, DateOnly? AvailableFrom, string RegionCode);

/// <summary>An applicant as the posting's employer sees them for one application.</summary>
public sealed record ApplicantCard(Guid ApplicationId, Guid SeekerId, ApplicantSharing Sharing, string? Name, string? Phone, ApplicantSummary? Profile);

/// <summary>
/// Applicants as people (issue 15): the posting's employer reads the applicant of one application through the profile
/// service, with its own token. Which employer may is the job-posting service's word (ApplicationSubmitted names the
/// posting's employer); what it sees is the seeker's (employer-sharing consent, or an accepted contact request for
/// that application); everyone else gets 404.
/// </summary>
public static class ApplicantsApi
{
    public static IEndpointRouteBuilder MapApplicantsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var applicants = endpoints.MapApiGroup("/api/profiles/applicants", "Applicants", "Applicants as the posting's employer sees them, under the seeker's consent.")
            .RequireAuthorization(Policies.Employer);
        applicants.MapGet("/{applicationId:guid}/card", GetApplicant)
            .WithName("GetApplicantCard")
            .WithSummary("The applicant of one application to the caller's posting: name, phone and profile with employer-sharing consent, contact only after an accepted request, masked otherwise.");
        return endpoints;
    }

    public static async Task<Results<Ok<ApplicantCard>, NotFound>> GetApplicant(
        Guid applicationId, ClaimsPrincipal caller, ProfileStore profiles, ConsentStore consents, Transactions transactions,
        CancellationToken cancellationToken)
    {
        var card = await transactions.RunAsync<ApplicantCard?>(async transaction =>
        {
            var applicant = await transaction.QuerySingleOrDefaultAsync<ApplicantRow>(
                "SELECT application_id AS applicationid, seeker_id AS seekerid, employer_id AS employerid, contact_shared AS contactshared FROM applicants WHERE application_id = @applicationId", new { applicationId });
            if (applicant is null || !caller.ActsForEmployer(applicant.EmployerId)) return null;
            var profile = await profiles.FindAsync(transaction, applicant.SeekerId);
            if (profile is null) return new ApplicantCard(applicationId, applicant.SeekerId, ApplicantSharing.NoProfile, null, null, null);
            if (await consents.IsGrantedAsync(transaction, applicant.SeekerId, Purpose.EmployerSharing))
                return new ApplicantCard(applicationId, applicant.SeekerId, ApplicantSharing.Consented, profiles.NameOf(profile), profiles.PhoneOf(profile), Summary(profile));
            return applicant.ContactShared
                ? new ApplicantCard(applicationId, applicant.SeekerId, ApplicantSharing.ContactShared, profiles.NameOf(profile), profiles.PhoneOf(profile), null)
                : new ApplicantCard(applicationId, applicant.SeekerId, ApplicantSharing.Masked, Mask(profiles.NameOf(profile)), null, null);
        }, cancellationToken);
        return card is null ? TypedResults.NotFound() : TypedResults.Ok(card);
    }

    /// <summary>The first character and a star for each other (王** for 王小明; J*** for John).</summary>
    public static string Mask(string name)
    {
        var text = name.Trim();
        return text.Length == 0 ? "*" : text[..1] + new string('*', Math.Max(1, text.Length - 1));
    }

    private static ApplicantSummary Summary(ProfileRow profile)
    {
        var details = ProfileStore.DetailsOf(profile);
        return new ApplicantSummary(profile.Skills, details.DesiredOccupations, details.HighestEducation(DateOnly.FromDateTime(DateTime.UtcNow))?.Level,
            details.WorkHistory, details.Certificates, details.Languages, details.AvailableFrom, profile.RegionCode);
    }

    private sealed record ApplicantRow(Guid ApplicationId, Guid SeekerId, Guid EmployerId, bool ContactShared);
}
