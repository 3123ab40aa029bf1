using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.Contracts;
using JobMatch.TextAnalysis;
using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Profiles.Api.Audit;
using Profiles.Api.Profiles;

namespace Profiles.Api.KeyGroups;

public sealed record VerifyKeyGroupRequest(string? Reason);

public sealed record CorrectKeyGroupRequest(bool? Applies, string? Evidence, string? Reason);

/// <summary>Why the caseworker finds the group false (it goes to the audit log and becomes the group's evidence).</summary>
public sealed record RejectKeyGroupRequest(string? Reason);

/// <summary>
/// Caseworkers of the seeker's region confirm a key group, set it on their own evidence, or reject one that applies
/// (derived from the seeker's declared facts or set before) as false, with the reason. Every change is audited.
/// </summary>
public static class KeyGroupsApi
{
    public static IEndpointRouteBuilder MapKeyGroupsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapApiGroup("/api/profiles/{seekerId:guid}/key-groups", "Key groups", "Key-group status of seekers (graduates, veterans, rural and pastoral workers, employment difficulty): verification and correction by staff.").RequireAuthorization(Policies.Staff);
        staff.MapPost("/{keyGroup}/verification", VerifyKeyGroup)
            .WithName("VerifyKeyGroup").WithSummary("Confirm a derived key group of a seeker of the caller's region.");
        staff.MapPut("/{keyGroup}", CorrectKeyGroup)
            .WithName("CorrectKeyGroup").WithSummary("Set a seeker's key group on the caseworker's own evidence.");
        staff.MapPost("/{keyGroup}/rejection", RejectKeyGroup)
            .WithName("RejectKeyGroup").WithSummary("Reject a key group that applies to a seeker of the caller's region as false, with the reason.");
        return endpoints;
    }

    /// <summary>
    /// Confirms a group as it stands; a rejected group the seeker re-declared since is confirmed on the new facts (it
    /// applies again, and matching hears of it with the change).
    /// </summary>
    public static async Task<Results<Ok<KeyGroupResponse>, NotFound, ValidationProblem>> VerifyKeyGroup(
        Guid seekerId, string keyGroup, VerifyKeyGroupRequest request, ClaimsPrincipal caller, ProfileStore store, KeyGroupStore keyGroups,
        ProfileAnnouncer announcer, AuditLog audit, Transactions transactions, CancellationToken cancellationToken)
    {
        var validation = StaffReads.RequireReason(request.Reason).Require(SeekerKeyGroups.All.Contains(keyGroup), "keyGroup", KnownGroups);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var row = await transactions.RunAsync<KeyGroupRow?>(async transaction =>
        {
            var profile = await store.FindAsync(transaction, seekerId);
            if (profile is null || !caller.MayServeRegion(profile.RegionCode)) return null;
            var redeclared = (await keyGroups.ListAsync(transaction, seekerId)).SingleOrDefault(group => group.KeyGroup == keyGroup)?.RedeclaredAt is not null;
            if (!await keyGroups.VerifyAsync(transaction, seekerId, keyGroup, caller.UserId())) return null;
            await audit.RecordAsync(transaction, caller, "verify-key-group", seekerId, [keyGroup], request.Reason!);
            if (redeclared) await announcer.AnnounceAsync(transaction, (await store.TouchAsync(transaction, seekerId))!);
            return (await keyGroups.ListAsync(transaction, seekerId)).Single(group => group.KeyGroup == keyGroup);
        }, cancellationToken);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(KeyGroupResponse.From(row, null));
    }

    public static async Task<Results<Ok<KeyGroupResponse>, NotFound, ValidationProblem>> CorrectKeyGroup(
        Guid seekerId, string keyGroup, CorrectKeyGroupRequest request, ClaimsPrincipal caller, ProfileStore store, KeyGroupStore keyGroups,
        ProfileAnnouncer announcer, AuditLog audit, Transactions transactions, CancellationToken cancellationToken)
    {
        var validation = StaffReads.RequireReason(request.Reason)
            .Require(SeekerKeyGroups.All.Contains(keyGroup), "keyGroup", KnownGroups)
            .Require(request.Applies is not null, "applies", "Say whether the group applies.")
            .Require(!string.IsNullOrWhiteSpace(request.Evidence) && request.Evidence.Length <= 1000, "evidence",
                "Name the evidence (a certificate, a register, a document seen), at most 1,000 characters.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var row = await transactions.RunAsync<KeyGroupRow?>(async transaction =>
        {
            var profile = await store.FindAsync(transaction, seekerId);
            if (profile is null || !caller.MayServeRegion(profile.RegionCode)) return null;
            await keyGroups.CorrectAsync(transaction, seekerId, keyGroup, request.Applies!.Value, request.Evidence!.Trim(), caller.UserId());
            await audit.RecordAsync(transaction, caller, "correct-key-group", seekerId, [keyGroup], request.Reason!);
            // Matching hears of the new flag with the change; the profile's timestamp moves so this event is the newest.
            await announcer.AnnounceAsync(transaction, (await store.TouchAsync(transaction, seekerId))!);
            return (await keyGroups.ListAsync(transaction, seekerId)).Single(group => group.KeyGroup == keyGroup);
        }, cancellationToken);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(KeyGroupResponse.From(row, null));
    }

    public static async Task<Results<Ok<KeyGroupResponse>, NotFound, ValidationProblem>> RejectKeyGroup(
        Guid seekerId, string keyGroup, RejectKeyGroupRequest request, ClaimsPrincipal caller, ProfileStore store, KeyGroupStore keyGroups,
        ProfileAnnouncer announcer, AuditLog audit, Transactions transactions, CancellationToken cancellationToken)
    {
        var validation = StaffReads.RequireReason(request.Reason).Require(SeekerKeyGroups.All.Contains(keyGroup), "keyGroup", KnownGroups);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var outcome = await transactions.RunAsync<(KeyGroupRow? Row, bool Found)>(async transaction =>
        {
            var profile = await store.FindAsync(transaction, seekerId);
            if (profile is null || !caller.MayServeRegion(profile.RegionCode)) return (null, false);
            if (!await keyGroups.RejectAsync(transaction, seekerId, keyGroup, TextNormalizer.Clean(request.Reason!), caller.UserId())) return (null, true);
            await audit.RecordAsync(transaction, caller, "reject-key-group", seekerId, [keyGroup], request.Reason!);
            // Matching hears that the flag is gone with the rejection.
            await announcer.AnnounceAsync(transaction, (await store.TouchAsync(transaction, seekerId))!);
            return ((await keyGroups.ListAsync(transaction, seekerId)).Single(group => group.KeyGroup == keyGroup), true);
        }, cancellationToken);
        return outcome switch
        {
            { Found: false } => TypedResults.NotFound(),
            { Row: null } => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["keyGroup"] = [NothingToReject] }),
            { Row: var row } => TypedResults.Ok(KeyGroupResponse.From(row, null)),
        };
    }

    internal const string NothingToReject = "The group does not apply to this seeker, so there is nothing to reject.";

    internal static readonly string KnownGroups = "The key group is one of " + string.Join(", ", SeekerKeyGroups.All) + ".";
}
