using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.ServiceDefaults.Skills;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Profiles.Api.Audit;
using Profiles.Api.Consent;
using Profiles.Api.Import;
using Profiles.Api.KeyGroups;

namespace Profiles.Api.Profiles;

public static class ProfilesApi
{
    public static IHostApplicationBuilder AddProfilesServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(provider => PersonalDataProtector.From(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(provider => BlindIndex.From(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<ProfileStore>();
        builder.Services.AddSingleton<KeyGroupStore>();
        builder.Services.AddSingleton<ConsentStore>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<ProfileAnnouncer>();
        builder.Services.AddSingleton<RegisterImporter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapProfilesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A seeker reaches only their own profile: the id comes from the token, never from the path.
        var profiles = endpoints.MapApiGroup("/api/profiles", "Profiles", "The signed-in seeker's own profile, export and deletion.").RequireAuthorization(Policies.Seeker);
        profiles.MapGet("/me", GetMyProfile)
            .WithName("GetMyProfile").WithSummary("The signed-in seeker's profile.");
        profiles.MapPut("/me", UpdateMyProfile)
            .WithName("UpdateMyProfile").WithSummary("Save the signed-in seeker's whole profile.");
        profiles.MapGet("/me/export", ExportMyData)
            .WithName("ExportMyData").WithSummary("Everything stored about the signed-in seeker, as one document.");
        profiles.MapDelete("/me", DeleteMyAccount)
            .WithName("DeleteMyAccount").WithSummary("Delete the seeker's profile, personal data and login.");

        // Staff reach seekers of the regions they serve, say why, and are audited.
        var staff = endpoints.MapApiGroup("/api/profiles", "Profiles (staff)", "Seekers' profiles as staff of their region see them.").RequireAuthorization(Policies.Staff);
        staff.MapGet("/{seekerId:guid}", GetSeekerProfile)
            .WithName("GetSeekerProfileForStaff")
            .WithSummary("Reads one seeker of the caller's regions with a reason (audited); reveal opens the ID number, sensitive fields or key-group evidence.");
        return endpoints;
    }

    public static async Task<Results<Ok<ProfileResponse>, NotFound>> GetMyProfile(
        ClaimsPrincipal caller, ProfileStore store, KeyGroupStore keyGroups, CancellationToken cancellationToken)
    {
        var profile = await store.FindAsync(caller.UserId(), cancellationToken);
        if (profile is null) return TypedResults.NotFound();
        return TypedResults.Ok(ProfileResponse.ForOwner(profile, store, await OwnKeyGroupsAsync(keyGroups, profile.SeekerId, cancellationToken)));
    }

    /// <summary>Refusals of a taken ID number a seeker gets per day before new numbers are refused unchecked.</summary>
    public const int TakenNationalIdAttemptsPerDay = 5;

    public static async Task<Results<Ok<ProfileResponse>, ValidationProblem, ProblemHttpResult>> UpdateMyProfile(
        UpdateProfileRequest request, ClaimsPrincipal caller, ProfileStore store, KeyGroupStore keyGroups, ConsentStore consents,
        ProfileAnnouncer announcer, Transactions transactions, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var validation = request.Validate(today, out var nationalId);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var seekerId = caller.UserId();
        ProfileRow? profile;
        var check = NationalIdCheck.Accepted;
        try
        {
            profile = await transactions.RunAsync<ProfileRow?>(async transaction =>
            {
                if (nationalId is not null) check = await CheckNationalIdAsync(transaction, store, seekerId, nationalId);
                if (check != NationalIdCheck.Accepted) return null;
                var saved = await store.UpsertAsync(transaction, seekerId, request, nationalId);
                await consents.EnsureDefaultsAsync(transaction, seekerId, request.Consents);
                var registers = await keyGroups.RegistersAsync(transaction, nationalId is null ? null : store.IndexOf(nationalId.Value));
                await keyGroups.ApplyDerivedAsync(transaction, seekerId, KeyGroupRules.Derive(request.Details(), request.Personal(nationalId), registers, today));
                await announcer.AnnounceAsync(transaction, saved);
                return saved;
            }, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "profiles_national_id_index_key")
        {
            // Two seekers saving the same number at once: the check above saw neither; the unique index decides.
            (profile, check) = (null, NationalIdCheck.Taken);
        }
        return check switch
        {
            NationalIdCheck.TriedTooOften => TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: TooManyNationalIds,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["nationalId"] = [TooManyNationalIds] } }),
            NationalIdCheck.Taken => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["nationalId"] = ["This national ID number belongs to another profile."] }),
            _ => TypedResults.Ok(ProfileResponse.ForOwner(profile!, store, await OwnKeyGroupsAsync(keyGroups, seekerId, cancellationToken))),
        };
    }

    private enum NationalIdCheck { Accepted, Taken, TriedTooOften }

    private const string TooManyNationalIds =
        "Too many ID numbers that belong to other profiles were tried today: try again tomorrow, or ask your employment office.";

    /// <summary>
    /// A number the seeker's profile already holds is fine; one another profile holds is refused, and the refusal
    /// remembered (not the number). After <see cref="TakenNationalIdAttemptsPerDay"/> refusals in a day any new number is
    /// refused without being looked up, so the answer stops telling whose numbers are registered (600 tries a minute
    /// become five a day).
    /// </summary>
    private static async Task<NationalIdCheck> CheckNationalIdAsync(ServiceTransaction transaction, ProfileStore store, Guid seekerId, NationalId nationalId)
    {
        if (await store.HoldsNationalIdAsync(transaction, seekerId, nationalId)) return NationalIdCheck.Accepted;
        if (await store.TakenNationalIdAttemptsAsync(transaction, seekerId, DateTime.UtcNow.AddDays(-1)) >= TakenNationalIdAttemptsPerDay)
            return NationalIdCheck.TriedTooOften;
        if (!await store.NationalIdTakenAsync(transaction, seekerId, nationalId)) return NationalIdCheck.Accepted;
        await store.RecordTakenNationalIdAsync(transaction, seekerId);
        return NationalIdCheck.Taken;
    }

    public static async Task<Results<Ok<ProfileExport>, NotFound>> ExportMyData(
        ClaimsPrincipal caller, ProfileStore store, KeyGroupStore keyGroups, ConsentStore consents, AuditLog audit, CancellationToken cancellationToken)
    {
        var profile = await store.FindAsync(caller.UserId(), cancellationToken);
        if (profile is null) return TypedResults.NotFound();
        return TypedResults.Ok(new ProfileExport(
            ProfileResponse.ForOwner(profile, store, await OwnKeyGroupsAsync(keyGroups, profile.SeekerId, cancellationToken)),
            await consents.ListAsync(profile.SeekerId, cancellationToken),
            await audit.ForSeekerAsync(profile.SeekerId, cancellationToken),
            DateTime.UtcNow));
    }

    /// <summary>
    /// Deletes the profile, its key groups and consents, and tells the other services to drop what they hold of the
    /// seeker (SeekerDeleted, in the same transaction: applications and cover notes, saved searches, matches,
    /// notifications) — with or without a profile, since a seeker can apply before writing one; so a repeated call
    /// also answers 204. The audit log keeps its entries: they hold the pseudonymous id only.
    /// </summary>
    public static async Task<NoContent> DeleteMyAccount(
        ClaimsPrincipal caller, ProfileStore store, Transactions transactions, CancellationToken cancellationToken)
    {
        var seekerId = caller.UserId();
        await transactions.RunAsync(async transaction =>
        {
            await store.DeleteAsync(transaction, seekerId);
            await transaction.PublishAsync(new SeekerDeleted(seekerId, DateTimeOffset.UtcNow));
        }, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// A staff read of one seeker. A reason is required; reveal=nationalId unmasks the ID number, reveal=sensitive
    /// opens date of birth, gender, veteran service, disability, health and key-group evidence. The audit entry
    /// commits before anything is returned. Out-of-region seekers answer 404, like missing ones.
    /// </summary>
    public static async Task<Results<Ok<StaffProfileResponse>, NotFound, ValidationProblem>> GetSeekerProfile(
        Guid seekerId, string? reason, string[]? reveal, ClaimsPrincipal caller, ProfileStore store, KeyGroupStore keyGroups,
        AuditLog audit, Transactions transactions, CancellationToken cancellationToken)
    {
        reveal ??= [];
        var validation = StaffReads.RequireReason(reason)
            .Require(reveal.All(field => field is "nationalId" or "sensitive" or "keyGroupEvidence"), "reveal", "reveal is nationalId, sensitive or keyGroupEvidence.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var revealId = reveal.Contains("nationalId");
        var revealSensitive = reveal.Contains("sensitive");
        // The evidence alone (to verify a key group) opens less than everything sensitive: no health notes, no birth date.
        var revealEvidence = revealSensitive || reveal.Contains("keyGroupEvidence");

        var read = await transactions.RunAsync<(ProfileRow Row, IReadOnlyList<KeyGroupRow> Groups)?>(async transaction =>
        {
            var profile = await store.FindAsync(transaction, seekerId);
            if (profile is null || !caller.MayServeRegion(profile.RegionCode)) return null;
            var groups = await keyGroups.ListAsync(transaction, seekerId);
            var fields = new List<string> { "name", "phone", "profile", "keyGroups" };
            if (profile.NationalIdProtected is not null) fields.Add(revealId ? "nationalId" : "nationalId(masked)");
            if (revealSensitive) fields.AddRange(["birthDate", "gender", "veteran", "disability", "health", "lowIncomeHousehold"]);
            if (revealEvidence) fields.Add("keyGroupEvidence");
            await audit.RecordAsync(transaction, caller, "read-profile", seekerId, fields, reason!);
            return (profile, groups);
        }, cancellationToken);
        if (read is not var (row, rows)) return TypedResults.NotFound();

        return TypedResults.Ok(new StaffProfileResponse(
            row.SeekerId, store.NameOf(row), store.PhoneOf(row), Masking.NationalIdFor(store.NationalIdOf(row), revealId), !revealId,
            row.Skills.Select(skill => new SkillEntry(skill, SkillKey.Normalize(skill))).ToList(), row.RegionCode, row.Latitude, row.Longitude,
            row.MaxCommuteKm, row.WillingToRelocate, ProfileStore.DetailsOf(row),
            rows.Select(group => revealEvidence ? keyGroups.WithEvidence(group) : KeyGroupResponse.From(group, null)).ToList(),
            revealSensitive ? store.PersonalOf(row) : null, row.UpdatedAt, row.NationalOccupationCode,
            ProfileStore.NationalSourceOf(row)));
    }

    private static async Task<IReadOnlyList<KeyGroupResponse>> OwnKeyGroupsAsync(KeyGroupStore keyGroups, Guid seekerId, CancellationToken cancellationToken) =>
        (await keyGroups.ListAsync(seekerId, cancellationToken)).Select(keyGroups.WithEvidence).ToList();
}
