using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using JobMatch.ServiceDefaults.Problems;
using Profiles.Api.Audit;
using Profiles.Api.Consent;
using Profiles.Api.Profiles;

namespace Profiles.Api.Applicants;

/// <summary>A page of applicants' cards of one posting, read in one call (at most <see cref="ApplicantsApi.BatchLimit"/> ids).</summary>
public sealed record ApplicantCardsRequest(Guid? PostingId, IReadOnlyList<Guid>? ApplicationIds)
{
    public Validation Validate() => new Validation()
        .Require(PostingId is not null && PostingId != Guid.Empty, "postingId", "Name the posting.")
        .Require(ApplicationIds is { Count: > 0 }, "applicationIds", "Name at least one application.")
        .Require(ApplicationIds is null || ApplicationIds.Count <= ApplicantsApi.BatchLimit, "applicationIds",
            $"At most {ApplicantsApi.BatchLimit} applications.");
}

/// <summary>
/// Applicants as people (issue 15): the posting's employer reads the applicant of one application (or a page of them)
/// through the profile service, with its own token. Which employer may is the job-posting service's word
/// (ApplicationSubmitted names the posting's employer); what it sees is the seeker's (employer-sharing consent, or an
/// accepted contact request for that application); everyone else gets 404. Every card that shows contact details
/// leaves an entry in the seeker's audit log, in the read's transaction (docs/decisions/061).
/// </summary>
public static class ApplicantsApi
{
    /// <summary>The most cards one batch read returns: a page of the employer's applicants list.</summary>
    public const int BatchLimit = 50;

    /// <summary>The audit action of an employer's read of an applicant's contact details.</summary>
    public const string ContactReadAction = "employer-read-contact";

    public static IEndpointRouteBuilder MapApplicantsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var applicants = endpoints.MapApiGroup("/api/profiles/applicants", "Applicants", "Applicants as the posting's employer sees them, under the seeker's consent.")
            .RequireAuthorization(Policies.Employer);
        applicants.MapGet("/{applicationId:guid}/card", GetApplicant)
            .WithName("GetApplicantCard")
            .WithSummary("The applicant of one application to the caller's posting: name, phone and profile with employer-sharing consent, contact only after an accepted request, masked otherwise.");
        applicants.MapPost("/cards", GetApplicants)
            .WithName("GetApplicantCards")
            .WithSummary("The cards of up to 50 applications to one of the caller's postings in one call; applications of other postings or employers are left out (404 when none is the caller's).");
        return endpoints;
    }

    public static async Task<Results<Ok<ApplicantCard>, NotFound>> GetApplicant(
        Guid applicationId, ClaimsPrincipal caller, ProfileStore profiles, AuditLog audit, Transactions transactions,
        CancellationToken cancellationToken)
    {
        var cards = await transactions.RunAsync(async transaction =>
        {
            var rows = await transaction.QueryAsync<ApplicantRow>($"{SelectRows} WHERE a.application_id = @applicationId", new { applicationId, purpose = Purpose.EmployerSharing });
            return await CardsAsync(transaction, caller, rows, profiles, audit);
        }, cancellationToken);
        return cards.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(cards[0]);
    }

    public static async Task<Results<Ok<IReadOnlyList<ApplicantCard>>, ValidationProblem, NotFound>> GetApplicants(
        ApplicantCardsRequest request, ClaimsPrincipal caller, ProfileStore profiles, AuditLog audit, Transactions transactions,
        CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var cards = await transactions.RunAsync(async transaction =>
        {
            // Rows stored before they kept their posting (posting_id null) are checked against the employer only, as a single read is.
            var rows = await transaction.QueryAsync<ApplicantRow>(
                $"{SelectRows} WHERE a.application_id = ANY(@ids) AND (a.posting_id = @PostingId OR a.posting_id IS NULL)",
                new { ids = request.ApplicationIds!.Distinct().ToArray(), request.PostingId, purpose = Purpose.EmployerSharing });
            return await CardsAsync(transaction, caller, rows, profiles, audit);
        }, cancellationToken);
        return cards.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(cards);
    }

    /// <summary>The applicant rows with the seeker's employer-sharing consent as it stands (no row: not granted), in one query for a page.</summary>
    private const string SelectRows =
        """
        SELECT a.application_id AS applicationid, a.seeker_id AS seekerid, a.employer_id AS employerid, a.contact_shared AS contactshared,
               COALESCE(c.granted, false) AS employersharing
        FROM applicants a LEFT JOIN consents c ON c.seeker_id = a.seeker_id AND c.purpose = @purpose
        """;

    /// <summary>The cards of the rows the caller's organisation may read, each as the seeker's choice says; contact reads audited.</summary>
    private static async Task<IReadOnlyList<ApplicantCard>> CardsAsync(
        ServiceTransaction transaction, ClaimsPrincipal caller, IEnumerable<ApplicantRow> rows, ProfileStore profiles, AuditLog audit)
    {
        var cards = new List<ApplicantCard>();
        foreach (var applicant in rows.Where(row => caller.ActsForEmployer(row.EmployerId)))
            cards.Add(await CardAsync(transaction, applicant, profiles));
        await audit.RecordContactReadsAsync(transaction, caller, cards.Where(card => card.Sharing is ApplicantSharing.Consented or ApplicantSharing.ContactShared)
            .Select(card => new ContactRead(card.ApplicationId, card.SeekerId, Fields(card))));
        return cards;
    }

    private static async Task<ApplicantCard> CardAsync(ServiceTransaction transaction, ApplicantRow applicant, ProfileStore profiles)
    {
        var applicationId = applicant.ApplicationId;
        var profile = await profiles.FindAsync(transaction, applicant.SeekerId);
        if (profile is null) return new ApplicantCard(applicationId, applicant.SeekerId, ApplicantSharing.NoProfile, null, null, null);
        if (applicant.EmployerSharing)
            return new ApplicantCard(applicationId, applicant.SeekerId, ApplicantSharing.Consented, profiles.NameOf(profile), profiles.PhoneOf(profile), Summary(profile));
        return applicant.ContactShared
            ? new ApplicantCard(applicationId, applicant.SeekerId, ApplicantSharing.ContactShared, profiles.NameOf(profile), profiles.PhoneOf(profile), null)
            : new ApplicantCard(applicationId, applicant.SeekerId, ApplicantSharing.Masked, Mask(profiles.NameOf(profile)), null, null);
    }

    private static string[] Fields(ApplicantCard card) => card.Profile is null ? ["name", "phone"] : ["name", "phone", "profile"];

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

    private sealed record ApplicantRow(Guid ApplicationId, Guid SeekerId, Guid EmployerId, bool ContactShared, bool EmployerSharing);
}
