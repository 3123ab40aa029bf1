using System.Security.Claims;
using Dapper;
using JobMatch.Domain.Organisations;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Problems;
using JobMatch.TextAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace JobPostings.Api.Organisations;

/// <summary>Lists a credit code, a contact phone, or both; or an organisation, which lists its own code and phone.</summary>
public sealed record ListAbnormalRequest(Guid? OrganisationId, string? CreditCode, string? ContactPhone, string? Reason)
{
    public Validation Validate() => new Validation()
        .Require(OrganisationId is not null || !string.IsNullOrWhiteSpace(CreditCode) || !string.IsNullOrWhiteSpace(ContactPhone), "creditCode",
            "Give the credit code or the contact phone to list.")
        .Require(CreditCode is null || JobMatch.Domain.Organisations.CreditCode.IsValid(JobMatch.Domain.Organisations.CreditCode.Normalise(CreditCode)), "creditCode",
            "The unified social credit code is 18 characters with a valid check character (GB 32100-2015), e.g. 91150100MA0N0ABC16.")
        .Require(ContactPhone is null || Validation.IsMobile(ContactPhone.Trim()), "contactPhone", "The phone is an 11-digit mainland mobile number, e.g. 13800138000.")
        .Require(!string.IsNullOrWhiteSpace(Reason), "reason", "Say why, so the employer knows what to do.")
        .Require(Reason is null || Reason.Length <= 2000, "reason", "The reason is at most 2,000 characters.")
        .Require(TextNormalizer.FindForbidden(Reason) < 0, "reason", "This text contains a character that cannot be stored (a control character or a broken surrogate).");
}

/// <summary>An entry of the list as staff see it: the phone only as "listed", never in the clear (it is kept as a blind index).</summary>
public sealed record AbnormalAccount(Guid Id, Guid? OrganisationId, string? CreditCode, bool PhoneListed, string Reason, Guid ListedBy, DateTime ListedAt);

/// <summary>
/// The abnormal-account list (异常账户名单, 2026 rules): caseworkers and administrators list an organisation, a credit
/// code or a contact phone with a reason; registering (or resubmitting) with a listed code or phone is refused.
/// Listing is audited like every staff decision on an organisation.
/// </summary>
public static class AbnormalAccounts
{
    public static IEndpointRouteBuilder MapAbnormalAccountsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var list = endpoints.MapApiGroup("/api/organisations/abnormal", "Organisations", "Employer organisations: registration, verification by caseworkers, public company pages and the abnormal-account list.").RequireAuthorization(Policies.Staff);
        list.MapPost("/", Add).WithName("ListAbnormalAccount")
            .WithSummary("Puts an organisation, a credit code or a contact phone on the abnormal-account list, with the reason; it cannot register again.");
        list.MapGet("/", List).WithName("ListAbnormalAccounts").WithSummary("The abnormal-account list, newest first.");
        return endpoints;
    }

    public static async Task<Results<Created<AbnormalAccount>, ValidationProblem, NotFound>> Add(
        ListAbnormalRequest request, ClaimsPrincipal caller, OrganisationStore store, Transactions transactions, CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var reason = TextNormalizer.Clean(request.Reason).Trim();
        return await transactions.RunAsync<Results<Created<AbnormalAccount>, ValidationProblem, NotFound>>(async transaction =>
        {
            string? code = request.CreditCode is null ? null : CreditCode.Normalise(request.CreditCode);
            string? phoneIndex = request.ContactPhone is null ? null : store.PhoneIndex(request.ContactPhone.Trim());
            if (request.OrganisationId is { } organisationId)
            {
                var organisation = await store.LockAsync(transaction, organisationId);
                // An organisation outside the caseworker's regions is not theirs to list.
                if (organisation is null || !organisation.MayBeVerifiedBy(caller)) return TypedResults.NotFound();
                code ??= organisation.CreditCode;
                phoneIndex ??= await transaction.QuerySingleOrDefaultAsync<string>(
                    "SELECT contact_phone_index FROM organisations WHERE id = @organisationId", new { organisationId });
                await store.RecordAsync(transaction, caller, organisationId, "listed-abnormal", reason);
            }
            var entry = await transaction.QuerySingleOrDefaultAsync<AbnormalAccount>(
                $"""
                INSERT INTO abnormal_accounts (id, organisation_id, credit_code, contact_phone_index, reason, listed_by)
                VALUES (@id, @organisationId, @code, @phoneIndex, @reason, @listedBy) RETURNING {Columns}
                """, new { id = Guid.CreateVersion7(), organisationId = request.OrganisationId, code, phoneIndex, reason, listedBy = caller.UserId() });
            return TypedResults.Created($"/api/organisations/abnormal/{entry!.Id}", entry);
        }, cancellationToken);
    }

    public static async Task<Ok<IReadOnlyList<AbnormalAccount>>> List(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AbnormalAccount>>((await connection.QueryAsync<AbnormalAccount>(new CommandDefinition(
            $"SELECT {Columns} FROM abnormal_accounts ORDER BY listed_at DESC, id LIMIT 1000", cancellationToken: cancellationToken))).AsList());
    }

    /// <summary>The field a registration is refused on because the list holds it (credit code first); null when neither is listed.</summary>
    public static async Task<string?> ListedFieldAsync(ServiceTransaction transaction, OrganisationStore store, RegisterOrganisationRequest request)
    {
        var listed = await transaction.QuerySingleOrDefaultAsync<string>(
            """
            SELECT CASE WHEN credit_code = @code THEN 'creditCode' ELSE 'contactPhone' END FROM abnormal_accounts
            WHERE credit_code = @code OR contact_phone_index = @phoneIndex
            ORDER BY credit_code = @code DESC LIMIT 1
            """, new { code = request.CreditCode, phoneIndex = store.PhoneIndex(request.ContactPhone!) });
        return listed;
    }

    private const string Columns =
        "id, organisation_id, credit_code, contact_phone_index IS NOT NULL AS phone_listed, reason, listed_by, listed_at";
}
