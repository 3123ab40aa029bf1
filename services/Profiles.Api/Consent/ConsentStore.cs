using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using Npgsql;

namespace Profiles.Api.Consent;

/// <summary>What a seeker may agree to, separately.</summary>
public static class Purpose
{
    /// <summary>Their profile (pseudonymous) goes to matching for recommendations.</summary>
    public const string Matching = "matching";
    /// <summary>Employers may find them among candidates.</summary>
    public const string EmployerSharing = "employer-sharing";
    /// <summary>Caseworkers may contact them.</summary>
    public const string CaseworkerContact = "caseworker-contact";

    public static readonly IReadOnlyList<string> All = [Matching, EmployerSharing, CaseworkerContact];
}

public sealed class ConsentStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Every purpose gets a row, so the seeker sees what they have not agreed to: the seeker's own answer where they
    /// gave one (the portal asks at registration), otherwise consent to matching only (saving a profile through the
    /// API is asking to be matched). Purposes already answered keep their answer.
    /// </summary>
    public Task EnsureDefaultsAsync(ServiceTransaction transaction, Guid seekerId, IReadOnlyDictionary<string, bool>? answers = null) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO consents (seeker_id, purpose, granted)
            SELECT @seekerId, p.purpose, p.granted FROM unnest(@purposes, @granted) AS p(purpose, granted)
            ON CONFLICT DO NOTHING
            """, new
            {
                seekerId,
                purposes = Purpose.All.ToArray(),
                granted = Purpose.All.Select(purpose => answers?.TryGetValue(purpose, out var answer) == true ? answer : purpose == Purpose.Matching).ToArray(),
            });

    public async Task<IReadOnlyList<ConsentResponse>> ListAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ConsentResponse>(new CommandDefinition(
            "SELECT purpose, granted, changed_at AS changedat FROM consents WHERE seeker_id = @seekerId ORDER BY purpose", new { seekerId },
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<bool> IsGrantedAsync(ServiceTransaction transaction, Guid seekerId, string purpose) =>
        await transaction.QuerySingleOrDefaultAsync<bool?>(
            "SELECT granted FROM consents WHERE seeker_id = @seekerId AND purpose = @purpose", new { seekerId, purpose }) ?? false;

    /// <summary>Records the seeker's choice; returns it with its time, or null when nothing changed.</summary>
    public Task<ConsentResponse?> SetAsync(ServiceTransaction transaction, Guid seekerId, string purpose, bool granted) =>
        transaction.QuerySingleOrDefaultAsync<ConsentResponse>(
            """
            INSERT INTO consents (seeker_id, purpose, granted, changed_at) VALUES (@seekerId, @purpose, @granted, clock_timestamp())
            ON CONFLICT (seeker_id, purpose) DO UPDATE SET granted = excluded.granted, changed_at = excluded.changed_at
            WHERE consents.granted <> excluded.granted
            RETURNING purpose, granted, changed_at AS changedat
            """, new { seekerId, purpose, granted });
}
