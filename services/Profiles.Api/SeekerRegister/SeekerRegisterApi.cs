using JobMatch.Contracts;
using System.Security.Claims;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.ServiceDefaults.Problems;
using JobMatch.TextAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Profiles.Api.Audit;
using Profiles.Api.KeyGroups;
using Profiles.Api.Profiles;

namespace Profiles.Api.SeekerRegister;

/// <summary>
/// 实名制 register: caseworkers list and search the seekers of the regions they serve. Every seeker a page shows is
/// in the audit log with the caller's reason, written in the transaction that read them.
/// </summary>
public static class SeekerRegisterApi
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>What a register line shows of each person, as the audit entry names it.</summary>
    private static readonly string[] ListedFields = ["name", "nationalId(masked)", "region", "keyGroups", "placement", "lastContact"];

    public static IEndpointRouteBuilder MapSeekerRegisterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var register = endpoints.MapApiGroup("/api/profiles/seekers", "Seeker register", "The caseworkers' register of the seekers of their regions: search by name, ID number, key group, placement and contact; every listed seeker audited.").RequireAuthorization(Policies.Staff);
        register.MapGet("/", ListSeekers)
            .WithName("ListRegisteredSeekers")
            .WithSummary("Lists and searches the seekers of the caller's regions: by name, ID number, key group, verification, a rejected group re-declared, placement, days since contact, or named seekers (audited).");
        return endpoints;
    }

    public static async Task<Results<Ok<SeekerRegisterPage>, ValidationProblem>> ListSeekers(
        [AsParameters] RegisterQuery query, ClaimsPrincipal caller, ProfileStore store, AuditLog audit, Transactions transactions, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var validation = query.Validate(DateOnly.FromDateTime(now), out var nationalId, out var after);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var filter = new RegisterFilter(
            RegionPrefixesFor(caller, query.RegionCode),
            string.IsNullOrWhiteSpace(query.Name) ? null : store.NameIndexOf(query.Name),
            nationalId is null ? null : store.IndexOf(nationalId.Value),
            query.KeyGroup,
            query.Verified,
            query.Placed,
            query.NotContactedForDays is { } days ? now.AddDays(-days) : null,
            after,
            query.Limit ?? DefaultPageSize,
            query.SeekerId is { Length: > 0 } ids ? ids.Distinct().ToArray() : null,
            query.Redeclared);
        var rows = await transactions.RunAsync(async transaction =>
        {
            var found = await SeekerRegisterStore.ListAsync(transaction, filter);
            await audit.RecordEachAsync(transaction, caller, "list-register", found.Select(row => row.SeekerId), ListedFields, query.Reason!);
            return found;
        }, cancellationToken);

        var language = ProblemLanguage.Of(query.Http.Request) == ProblemLanguage.English ? "en" : "zh";
        var seekers = rows.Select(row => new RegisteredSeeker(
            row.SeekerId, store.Open(row.NameProtected), store.OpenOptional(row.NationalIdProtected) is { } id ? NationalId.Mask(id) : null,
            row.RegionCode, InnerMongoliaRegions.DisplayName(row.RegionCode, language), row.KeyGroups, row.VerifiedKeyGroups,
            row.PlacedAt, row.LastContactAt, row.LastContactAt is { } at ? (int)(now - at).TotalDays : null, row.CreatedAt, row.RedeclaredKeyGroups)).ToList();
        var next = rows.Count == filter.Limit ? new RegisterCursor(rows[^1].CreatedAt, rows[^1].SeekerId).Encode() : null;
        return TypedResults.Ok(new SeekerRegisterPage(seekers, next));
    }

    /// <summary>
    /// The caller's regions, narrowed to the one asked for. A region the caller does not serve narrows to nothing:
    /// its seekers never appear, as if there were none.
    /// </summary>
    private static IReadOnlyList<string>? RegionPrefixesFor(ClaimsPrincipal caller, string? regionCode)
    {
        var served = SeekerRegisterStore.PrefixesOf(caller.Regions(), caller.IsInRole(Roles.Administrator));
        if (regionCode is null) return served;
        return caller.MayServeRegion(regionCode) ? [RegionCodes.Prefix(regionCode)] : [];
    }
}

/// <summary>The register's query string.</summary>
public sealed class RegisterQuery
{
    public string? Reason { get; init; }
    public string? Name { get; init; }
    public string? NationalId { get; init; }
    public string? KeyGroup { get; init; }
    public bool? Verified { get; init; }
    public bool? Placed { get; init; }
    /// <summary>Seekers with (true) or without (false) a rejected key group re-declared since; with KeyGroup, that group.</summary>
    public bool? Redeclared { get; init; }
    public int? NotContactedForDays { get; init; }
    public string? RegionCode { get; init; }
    public int? Limit { get; init; }
    public string? After { get; init; }
    /// <summary>Only these seekers (repeated, at most a page): to name the people a campaign's results are for.</summary>
    public Guid[]? SeekerId { get; init; }
    public HttpContext Http { get; init; } = null!;

    public Validation Validate(DateOnly today, out NationalId? nationalId, out RegisterCursor? after)
    {
        nationalId = null;
        string? idError = null;
        var idValid = string.IsNullOrWhiteSpace(NationalId)
                      || JobMatch.ServiceDefaults.PersonalData.NationalId.TryParse(TextNormalizer.Clean(NationalId), today, out nationalId, out idError);
        after = RegisterCursor.Decode(After);
        var validation = StaffReads.RequireReason(Reason)
            .Require(Name is null || TextNormalizer.Clean(Name).Length is > 0 and <= 100, "name", "The name searched for is 1 to 100 characters.")
            .Require(idValid, "nationalId", idError ?? "The national ID number has 17 digits and a check digit (0-9 or X).")
            .Require(KeyGroup is null || SeekerKeyGroups.All.Contains(KeyGroup), "keyGroup", KeyGroupsApi.KnownGroups)
            .Require(NotContactedForDays is null or (>= 0 and <= 3650), "notContactedForDays", "Days without contact are between 0 and 3,650.")
            .Require(Limit is null or (>= 1 and <= SeekerRegisterApi.MaxPageSize), "limit", $"A page holds 1 to {SeekerRegisterApi.MaxPageSize} seekers.")
            .Require(After is null || after is not null, "after", "The page position is not one this register gave out.")
            .Require(SeekerId is null || SeekerId.Length <= SeekerRegisterApi.MaxPageSize, "seekerId", $"At most {SeekerRegisterApi.MaxPageSize} seekers at a time.");
        return RegionCode is null ? validation : validation.RequireRegionCode(RegionCode);
    }
}
