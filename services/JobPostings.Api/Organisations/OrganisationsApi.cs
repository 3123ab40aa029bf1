using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Problems;
using JobPostings.Api.Postings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Organisations;

/// <summary>
/// Employer organisations: an employer registers its organisation (its id is the caller's employer_id and the caller
/// becomes its owner); a caseworker of its region verifies it, asks for more, or rejects it, with a reason, audited
/// (docs/decisions/061).
/// </summary>
public static class OrganisationsApi
{
    private const int QueueLength = 200;

    public static IEndpointRouteBuilder MapOrganisationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var organisations = endpoints.MapApiGroup("/api/organisations", "Organisations", "Employer organisations: registration, verification by caseworkers, public company pages and the abnormal-account list.");
        organisations.MapPost("/", Register).RequireAuthorization(Policies.Employer).WithName("RegisterOrganisation")
            .WithSummary("Registers the caller's employer organisation (统一社会信用代码, legal name, industry, size, place, contact); it waits for verification.");
        organisations.MapGet("/{id:guid}", GetCompanyPage).AllowAnonymous().WithName("GetCompanyPage")
            .WithSummary("The public company page: name, verification label, industry, size, place and open postings.");
        organisations.MapGet("/mine", GetMine).RequireAuthorization(Policies.Employer).WithName("GetMyOrganisation")
            .WithSummary("The caller's organisation with its contact details and verification status.");
        organisations.MapPut("/mine", Resubmit).RequireAuthorization(Policies.Employer).WithName("ResubmitMyOrganisation")
            .WithSummary("The owner corrects the registration (asked for more information, or still pending); it waits for verification again.");
        organisations.MapGet("/verification", ListWaiting).RequireAuthorization(Policies.Staff).WithName("ListOrganisationsToVerify")
            .WithSummary("Organisations of the caller's regions waiting for verification, oldest first.");
        organisations.MapPost("/{id:guid}/decision", Decide).RequireAuthorization(Policies.Staff).WithName("DecideOrganisation")
            .WithSummary("A caseworker of the organisation's region verifies it, asks for more information, or rejects it, with the reason (audited).");
        organisations.MapGet("/{id:guid}/audit", GetAudit).RequireAuthorization(Policies.Staff).WithName("GetOrganisationAudit")
            .WithSummary("Every staff decision on an organisation: who, what, why and when.");
        organisations.MapPost("/key-enterprises", SetKeyEnterprise).RequireAuthorization(Policies.Staff).WithName("SetKeyEnterprise")
            .WithSummary("A caseworker of the organisation's region marks or unmarks it (by credit code) as a key enterprise (重点企业), with the reason (audited).");
        organisations.MapGet("/key-enterprises", ListKeyEnterprises).RequireAuthorization(Policies.Staff).WithName("ListKeyEnterprises")
            .WithSummary("Key enterprises of a region the caller serves and whether each has filed the month's vacancy report, those that have not first.");
        return endpoints;
    }

    public static async Task<Results<Created<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterOrganisationRequest request, ClaimsPrincipal caller, OrganisationStore store, Transactions transactions, CancellationToken cancellationToken)
    {
        var (organisation, validation) = request.Check();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var employerId = caller.EmployerId()!.Value;
        return await transactions.RunAsync<Results<Created<OrganisationResponse>, ValidationProblem, ProblemHttpResult>>(async transaction =>
        {
            if (await store.LockAsync(transaction, employerId) is not null) return AlreadyRegistered();
            if (await RefusalAsync(transaction, store, organisation, employerId) is { } refused) return refused;
            var stored = await store.InsertAsync(transaction, employerId, caller.UserId(), organisation);
            // Another registration with the same id or code committed between the checks and the insert.
            if (stored is null) return AlreadyRegistered();
            return TypedResults.Created("/api/organisations/mine", OrganisationResponse.From(stored, store.Protector));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<CompanyPage>, NotFound>> GetCompanyPage(
        Guid id, OrganisationStore store, PostingStore postings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisation = await store.FindAsync(id, cancellationToken);
        if (organisation is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var open = (await postings.ListByEmployerAsync(id, cancellationToken)).Where(posting => posting.IsLive(now))
            .OrderByDescending(posting => posting.PublishedAt)
            .Select(posting => new CompanyPosting(posting.Id, posting.Title, posting.RegionCode, posting.PublishedAt, posting.ValidUntil)).ToList();
        return TypedResults.Ok(CompanyPage.From(organisation, open));
    }

    public static async Task<Results<Ok<OrganisationResponse>, NotFound>> GetMine(ClaimsPrincipal caller, OrganisationStore store, CancellationToken cancellationToken)
    {
        var organisation = await store.FindAsync(caller.EmployerId()!.Value, cancellationToken);
        return organisation is null ? TypedResults.NotFound() : TypedResults.Ok(OrganisationResponse.From(organisation, store.Protector));
    }

    public static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> Resubmit(
        RegisterOrganisationRequest request, ClaimsPrincipal caller, OrganisationStore store, Transactions transactions, CancellationToken cancellationToken)
    {
        var (corrected, validation) = request.Check();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var employerId = caller.EmployerId()!.Value;
        return await transactions.RunAsync<Results<Ok<OrganisationResponse>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>>(async transaction =>
        {
            var organisation = await store.LockAsync(transaction, employerId);
            if (organisation is null) return TypedResults.NotFound();
            if (organisation.OwnerUserId != caller.UserId()) return TypedResults.Forbid();
            if (organisation.State is OrganisationStatus.Verified or OrganisationStatus.Rejected)
            {
                return TypedResults.Problem(title: "This registration cannot be changed now.",
                    detail: $"The organisation is {Organisation.Name(organisation.State)}.", statusCode: StatusCodes.Status409Conflict);
            }

            if (await RefusalAsync(transaction, store, corrected, employerId) is { } refused) return refused;
            var stored = await store.ResubmitAsync(transaction, employerId, corrected);
            return TypedResults.Ok(OrganisationResponse.From(stored!, store.Protector));
        }, cancellationToken);
    }

    public static async Task<Ok<IReadOnlyList<VerificationItem>>> ListWaiting(ClaimsPrincipal caller, OrganisationStore store, CancellationToken cancellationToken)
    {
        var prefixes = caller.IsInRole(Roles.Administrator) ? null : caller.Regions().Select(RegionCodes.Prefix).ToList();
        var waiting = await store.ListWaitingAsync(prefixes, QueueLength, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<VerificationItem>>(
            waiting.Where(organisation => organisation.MayBeVerifiedBy(caller)).Select(VerificationItem.From).ToList());
    }

    public static async Task<Results<Ok<VerificationItem>, ValidationProblem, NotFound>> Decide(
        Guid id, OrganisationDecisionRequest request, ClaimsPrincipal caller, OrganisationStore store, Transactions transactions,
        CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var reason = JobMatch.TextAnalysis.TextNormalizer.Clean(request.Reason).Trim();
        return await transactions.RunAsync<Results<Ok<VerificationItem>, ValidationProblem, NotFound>>(async transaction =>
        {
            var organisation = await store.LockAsync(transaction, id);
            if (organisation is null || !organisation.MayBeVerifiedBy(caller)) return TypedResults.NotFound();
            var decided = await store.DecideAsync(transaction, id, request.Status!.Value, reason);
            await store.RecordAsync(transaction, caller, id, Organisation.Name(request.Status.Value), reason);
            return TypedResults.Ok(VerificationItem.From(decided!));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<IReadOnlyList<OrganisationAuditEntry>>, NotFound>> GetAudit(
        Guid id, ClaimsPrincipal caller, OrganisationStore store, CancellationToken cancellationToken)
    {
        var organisation = await store.FindAsync(id, cancellationToken);
        if (organisation is null || !organisation.MayBeVerifiedBy(caller)) return TypedResults.NotFound();
        return TypedResults.Ok(await store.AuditAsync(id, cancellationToken));
    }

    /// <summary>
    /// Marks or unmarks a key enterprise; the change, its audit entry and <see cref="KeyEnterpriseStatusChanged"/> commit
    /// together. An organisation outside the caller's regions (or none with that code) is 404.
    /// </summary>
    public static async Task<Results<Ok<KeyEnterpriseStatus>, ValidationProblem, NotFound>> SetKeyEnterprise(
        KeyEnterpriseRequest request, ClaimsPrincipal caller, OrganisationStore store, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (cleaned, validation) = request.Check();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return await transactions.RunAsync<Results<Ok<KeyEnterpriseStatus>, ValidationProblem, NotFound>>(async transaction =>
        {
            var organisation = await store.LockByCreditCodeAsync(transaction, cleaned.CreditCode!);
            if (organisation is null || !organisation.MayBeVerifiedBy(caller)) return TypedResults.NotFound();
            var keyEnterprise = cleaned.KeyEnterprise!.Value;
            var changed = await store.SetKeyEnterpriseAsync(transaction, organisation.Id, keyEnterprise, cleaned.Reason!);
            await store.RecordAsync(transaction, caller, organisation.Id, keyEnterprise ? "marked-key-enterprise" : "unmarked-key-enterprise", cleaned.Reason!);
            await transaction.PublishAsync(new KeyEnterpriseStatusChanged(organisation.Id, organisation.RegionCode, keyEnterprise, caller.UserId(), clock.GetUtcNow()));
            return TypedResults.Ok(KeyEnterpriseStatus.From(changed!));
        }, cancellationToken);
    }

    /// <summary>The key enterprises of a region and their report for a month (default: this month in Beijing); a region the caller does not serve is 404.</summary>
    public static async Task<Results<Ok<IReadOnlyList<KeyEnterpriseItem>>, ValidationProblem, NotFound>> ListKeyEnterprises(
        ClaimsPrincipal caller, OrganisationStore store, TimeProvider clock, CancellationToken cancellationToken, string? region = null, string? month = null)
    {
        var now = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime;
        month ??= now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var validation = new Validation().RequireRegionCode(region, "region")
            .Require(VacancyReports.VacancyReportMonth.IsValid(month, now), "month", "The month is yyyy-MM, no later than next month.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (!caller.MayServeRegion(region!)) return TypedResults.NotFound();
        var rows = await store.ListKeyEnterprisesAsync(RegionCodes.Prefix(region!), month, QueueLength, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<KeyEnterpriseItem>>(rows.Where(row => caller.MayServeRegion(row.RegionCode))
            .Select(row => KeyEnterpriseItem.From(row, month)).ToList());
    }

    /// <summary>Why a registration cannot be stored as given: a code or phone on the abnormal-account list, a credit code another organisation holds.</summary>
    private static async Task<ValidationProblem?> RefusalAsync(ServiceTransaction transaction, OrganisationStore store, RegisterOrganisationRequest request,
        Guid employerId)
    {
        switch (await AbnormalAccounts.ListedFieldAsync(transaction, store, request))
        {
            case "creditCode":
                return Refused("creditCode", "This credit code is on the abnormal-account list and cannot register. Ask the employment service bureau.");
            case "contactPhone":
                return Refused("contactPhone", "This contact phone is on the abnormal-account list and cannot register. Ask the employment service bureau.");
        }
        if (await store.CreditCodeTakenAsync(transaction, request.CreditCode!, except: employerId))
            return Refused("creditCode", "Another organisation has registered with this credit code. If it is yours, ask the employment service bureau.");
        return null;
    }

    private static ValidationProblem Refused(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: message);

    private static ProblemHttpResult AlreadyRegistered() => TypedResults.Problem(
        title: "Your organisation is already registered.", detail: "Change the registration instead (PUT /api/organisations/mine).",
        statusCode: StatusCodes.Status409Conflict);
}
