using System.Text;
using Dapper;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults.Messaging;

namespace Profiles.Api.SeekerRegister;

/// <summary>What a caseworker asked the register for, already checked; null filters are not applied.</summary>
public sealed record RegisterFilter(
    IReadOnlyList<string>? RegionPrefixes,
    string? NameIndex,
    string? NationalIdIndex,
    string? KeyGroup,
    bool? Verified,
    bool? Placed,
    DateTime? NotContactedSince,
    RegisterCursor? After,
    int Limit,
    Guid[]? SeekerIds = null,
    bool? Redeclared = null);

/// <summary>Where a page ended: the last seeker's registration time and id (pages run newest first).</summary>
public sealed record RegisterCursor(DateTime CreatedAt, Guid SeekerId)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CreatedAt.Ticks}:{SeekerId:N}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static RegisterCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 100) return null;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/').PadRight((text.Length + 3) / 4 * 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 2 && long.TryParse(parts[0], out var ticks) && ticks >= 0 && ticks <= DateTime.MaxValue.Ticks
                   && Guid.TryParseExact(parts[1], "N", out var id)
                ? new RegisterCursor(new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>A register row as stored: name and ID number still sealed.</summary>
public sealed class RegisterRow
{
    public Guid SeekerId { get; init; }
    public string NameProtected { get; init; } = "";
    public string? NationalIdProtected { get; init; }
    public string RegionCode { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? PlacedAt { get; init; }
    public DateTime? LastContactAt { get; init; }
    public string[] KeyGroups { get; init; } = [];
    public string[] VerifiedKeyGroups { get; init; } = [];
    public string[] RedeclaredKeyGroups { get; init; } = [];
}

/// <summary>
/// The register query: one statement whose WHERE holds only the filters asked for (fixed fragments, values as
/// parameters), so PostgreSQL plans each combination on its own indexes.
/// </summary>
public static class SeekerRegisterStore
{
    public static async Task<IReadOnlyList<RegisterRow>> ListAsync(ServiceTransaction transaction, RegisterFilter filter)
    {
        var conditions = new List<string>();
        if (filter.RegionPrefixes is not null) conditions.Add("p.region_code LIKE ANY (@patterns)");
        if (filter.NameIndex is not null) conditions.Add("p.name_index = @NameIndex");
        if (filter.SeekerIds is not null) conditions.Add("p.seeker_id = ANY(@SeekerIds)");
        if (filter.NationalIdIndex is not null) conditions.Add("p.national_id_index = @NationalIdIndex");
        // With "re-declared", the key group names the rejected group re-declared (it does not apply), not one that applies.
        if (filter.KeyGroup is not null && filter.Redeclared is not true)
        {
            conditions.Add(filter.Verified is null
                ? "EXISTS (SELECT 1 FROM key_groups g WHERE g.seeker_id = p.seeker_id AND g.applies AND g.key_group = @KeyGroup)"
                : "EXISTS (SELECT 1 FROM key_groups g WHERE g.seeker_id = p.seeker_id AND g.applies AND g.key_group = @KeyGroup AND (g.verified_at IS NOT NULL) = @Verified)");
        }
        else if (filter.Verified is not null)
        {
            conditions.Add("EXISTS (SELECT 1 FROM key_groups g WHERE g.seeker_id = p.seeker_id AND g.applies AND (g.verified_at IS NOT NULL) = @Verified)");
        }
        if (filter.Redeclared is not null)
        {
            // A rejected group the seeker has declared new facts for since: to look at again (with keyGroup, that group).
            conditions.Add(
                "EXISTS (SELECT 1 FROM key_groups g WHERE g.seeker_id = p.seeker_id AND g.redeclared_at IS NOT NULL AND (@KeyGroup::text IS NULL OR g.key_group = @KeyGroup)) = @Redeclared");
        }
        if (filter.Placed is not null) conditions.Add(filter.Placed.Value ? "p.placed_at IS NOT NULL" : "p.placed_at IS NULL");
        if (filter.NotContactedSince is not null) conditions.Add("(p.last_contact_at IS NULL OR p.last_contact_at < @NotContactedSince)");
        if (filter.After is not null) conditions.Add("(p.created_at, p.seeker_id) < (@afterCreatedAt, @afterSeekerId)");
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);

        return (await transaction.QueryAsync<RegisterRow>(
            $"""
            SELECT p.seeker_id, p.name_protected, p.national_id_protected, p.region_code, p.created_at, p.placed_at, p.last_contact_at,
                   ARRAY(SELECT k.key_group FROM key_groups k WHERE k.seeker_id = p.seeker_id AND k.applies ORDER BY k.key_group) AS key_groups,
                   ARRAY(SELECT k.key_group FROM key_groups k WHERE k.seeker_id = p.seeker_id AND k.applies AND k.verified_at IS NOT NULL
                         ORDER BY k.key_group) AS verified_key_groups,
                   ARRAY(SELECT k.key_group FROM key_groups k WHERE k.seeker_id = p.seeker_id AND k.redeclared_at IS NOT NULL
                         ORDER BY k.key_group) AS redeclared_key_groups
            FROM profiles p
            {where}
            ORDER BY p.created_at DESC, p.seeker_id DESC
            LIMIT @Limit
            """,
            new
            {
                patterns = filter.RegionPrefixes?.Select(prefix => prefix + "%").ToArray(),
                filter.NameIndex,
                filter.NationalIdIndex,
                filter.SeekerIds,
                filter.KeyGroup,
                filter.Verified,
                filter.Redeclared,
                filter.NotContactedSince,
                afterCreatedAt = filter.After?.CreatedAt,
                afterSeekerId = filter.After?.SeekerId,
                filter.Limit,
            })).AsList();
    }

    /// <summary>The code prefixes a caller's regions cover (150100 → 1501); null for administrators, who serve all.</summary>
    public static IReadOnlyList<string>? PrefixesOf(IReadOnlyList<string> regions, bool administrator) =>
        administrator ? null : regions.Select(RegionCodes.Prefix).Where(prefix => prefix.Length > 0).Distinct().ToList();
}
