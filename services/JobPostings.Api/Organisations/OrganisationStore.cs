using System.Security.Claims;
using Dapper;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using Npgsql;

namespace JobPostings.Api.Organisations;

/// <summary>
/// SQL for organisations. Contact details are sealed here, on the way in, and the phone's blind index written beside
/// them, so nothing above this class stores a phone in the clear.
/// </summary>
public sealed class OrganisationStore(NpgsqlDataSource dataSource, PersonalDataProtector protector, BlindIndex blindIndex)
{
    private const string Columns =
        "id, credit_code, legal_name, industry, size, region_code, address, contact_name_sealed, contact_phone_sealed, owner_user_id, " +
        "status, status_reason, registered_at, updated_at, decided_at, key_enterprise, key_enterprise_reason, key_enterprise_since";

    public PersonalDataProtector Protector => protector;

    /// <summary>The blind index of a contact phone: how the abnormal-account list finds it without storing it.</summary>
    public string PhoneIndex(string phone) => blindIndex.Of("organisation-contact-phone:" + phone);

    /// <summary>Stores a new organisation, pending; null when its id or credit code is already registered.</summary>
    public Task<Organisation?> InsertAsync(ServiceTransaction transaction, Guid id, Guid ownerUserId, RegisterOrganisationRequest request) =>
        transaction.QuerySingleOrDefaultAsync<Organisation>(
            $"""
            INSERT INTO organisations (id, credit_code, legal_name, industry, size, region_code, address, contact_name_sealed,
                contact_phone_sealed, contact_phone_index, owner_user_id)
            VALUES (@id, @CreditCode, @LegalName, @Industry, @size, @RegionCode, @Address, @contactName, @contactPhone, @phoneIndex, @ownerUserId)
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """, Parameters(request, new { id, ownerUserId }));

    /// <summary>The owner's corrected registration, waiting for a caseworker again.</summary>
    public Task<Organisation?> ResubmitAsync(ServiceTransaction transaction, Guid id, RegisterOrganisationRequest request) =>
        transaction.QuerySingleOrDefaultAsync<Organisation>(
            $"""
            UPDATE organisations SET credit_code = @CreditCode, legal_name = @LegalName, industry = @Industry, size = @size,
                region_code = @RegionCode, address = @Address, contact_name_sealed = @contactName, contact_phone_sealed = @contactPhone,
                contact_phone_index = @phoneIndex, status = 'pending', updated_at = now()
            WHERE id = @id
            RETURNING {Columns}
            """, Parameters(request, new { id }));

    public async Task<Organisation?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Organisation>(new CommandDefinition(
            $"SELECT {Columns} FROM organisations WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public Task<Organisation?> LockAsync(ServiceTransaction transaction, Guid id) =>
        transaction.QuerySingleOrDefaultAsync<Organisation>($"SELECT {Columns} FROM organisations WHERE id = @id FOR UPDATE", new { id });

    /// <summary>The verification status of an employer's organisation; null when it has registered none.</summary>
    public async Task<OrganisationStatus?> StatusAsync(ServiceTransaction transaction, Guid id) =>
        await transaction.QuerySingleOrDefaultAsync<string>("SELECT status FROM organisations WHERE id = @id", new { id }) is { } status
            ? Enum.Parse<OrganisationStatus>(status, ignoreCase: true)
            : null;

    /// <summary>Another organisation's use of a credit code (an organisation may keep its own when it resubmits).</summary>
    public async Task<bool> CreditCodeTakenAsync(ServiceTransaction transaction, string creditCode, Guid except) =>
        await transaction.QuerySingleOrDefaultAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM organisations WHERE credit_code = @creditCode AND id <> @except)", new { creditCode, except });

    /// <summary>Organisations waiting for verification (pending first by age), within region prefixes (null: everywhere).</summary>
    public async Task<IReadOnlyList<Organisation>> ListWaitingAsync(IReadOnlyList<string>? regionPrefixes, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Organisation>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM organisations
            WHERE status IN ('pending', 'needsInformation') AND (@all OR region_code LIKE ANY(@prefixes))
            ORDER BY status = 'needsInformation', registered_at, id LIMIT @limit
            """,
            new { all = regionPrefixes is null, prefixes = (regionPrefixes ?? []).Select(prefix => prefix + "%").ToArray(), limit },
            cancellationToken: cancellationToken))).AsList();
    }

    public Task<Organisation?> DecideAsync(ServiceTransaction transaction, Guid id, OrganisationStatus status, string reason) =>
        transaction.QuerySingleOrDefaultAsync<Organisation>(
            $"""
            UPDATE organisations SET status = @status, status_reason = @reason, decided_at = now(), updated_at = now()
            WHERE id = @id RETURNING {Columns}
            """, new { id, status = Organisation.Name(status), reason });

    public Task<Organisation?> LockByCreditCodeAsync(ServiceTransaction transaction, string creditCode) =>
        transaction.QuerySingleOrDefaultAsync<Organisation>($"SELECT {Columns} FROM organisations WHERE credit_code = @creditCode FOR UPDATE", new { creditCode });

    /// <summary>Marks or unmarks a key enterprise; the reason and since when are kept beside the flag (and in the audit).</summary>
    public Task<Organisation?> SetKeyEnterpriseAsync(ServiceTransaction transaction, Guid id, bool keyEnterprise, string reason) =>
        transaction.QuerySingleOrDefaultAsync<Organisation>(
            $"""
            UPDATE organisations SET key_enterprise = @keyEnterprise, key_enterprise_reason = @reason,
                key_enterprise_since = CASE WHEN @keyEnterprise THEN COALESCE(CASE WHEN key_enterprise THEN key_enterprise_since END, now()) END,
                updated_at = now()
            WHERE id = @id RETURNING {Columns}
            """, new { id, keyEnterprise, reason });

    /// <summary>Whether an employer's organisation is marked as a key enterprise (false when it has registered none).</summary>
    public async Task<bool> IsKeyEnterpriseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<bool>(new CommandDefinition(
            "SELECT key_enterprise FROM organisations WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Key enterprises within a region prefix with the vacancy report they filed for a month, if any: those that have
    /// not filed first, then by name.
    /// </summary>
    public async Task<IReadOnlyList<KeyEnterpriseRow>> ListKeyEnterprisesAsync(string regionPrefix, string month, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<KeyEnterpriseRow>(new CommandDefinition(
            """
            SELECT o.id, o.credit_code, o.legal_name, o.region_code, o.status, o.key_enterprise_reason, o.key_enterprise_since,
                   r.filed_at AS report_filed_at, r.total_vacancies AS report_vacancies
            FROM organisations o LEFT JOIN vacancy_reports r ON r.employer_id = o.id AND r.month = @month
            WHERE o.key_enterprise AND o.region_code LIKE @prefix
            ORDER BY r.filed_at IS NOT NULL, o.legal_name, o.id LIMIT @limit
            """, new { prefix = regionPrefix + "%", month, limit }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Appends a staff action to the organisation's audit, in the transaction of its effect.</summary>
    public Task RecordAsync(ServiceTransaction transaction, ClaimsPrincipal staff, Guid organisationId, string action, string reason) =>
        transaction.ExecuteAsync(
            "INSERT INTO organisation_audit (organisation_id, staff_id, staff_role, action, reason) VALUES (@organisationId, @staffId, @role, @action, @reason)",
            new
            {
                organisationId,
                staffId = staff.UserId(),
                role = staff.IsInRole(Roles.Administrator) ? Roles.Administrator : Roles.Caseworker,
                action,
                reason,
            });

    public async Task<IReadOnlyList<OrganisationAuditEntry>> AuditAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<OrganisationAuditEntry>(new CommandDefinition(
            "SELECT staff_id, staff_role, action, reason, at FROM organisation_audit WHERE organisation_id = @organisationId ORDER BY id",
            new { organisationId }, cancellationToken: cancellationToken))).AsList();
    }

    private object Parameters(RegisterOrganisationRequest request, object key)
    {
        var parameters = new DynamicParameters(key);
        parameters.AddDynamicParams(new
        {
            request.CreditCode,
            request.LegalName,
            request.Industry,
            size = Organisation.Name(request.Size!.Value),
            request.RegionCode,
            request.Address,
            contactName = protector.Protect(request.ContactName!),
            contactPhone = protector.Protect(request.ContactPhone!),
            phoneIndex = PhoneIndex(request.ContactPhone!),
        });
        return parameters;
    }
}
