using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Profiles.Api.Profiles;

public static class ProfilesApi
{
    public static IHostApplicationBuilder AddProfilesServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(provider => PersonalDataProtector.From(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<ProfileStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapProfilesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A seeker reaches only their own profile: the id comes from the token, never from the path.
        var profiles = endpoints.MapApiGroup("/api/profiles", "Profiles").RequireAuthorization(Policies.Seeker);
        profiles.MapGet("/me", GetMyProfile);
        profiles.MapPut("/me", UpdateMyProfile);
        return endpoints;
    }

    public static async Task<Results<Ok<ProfileResponse>, NotFound>> GetMyProfile(
        ClaimsPrincipal caller, ProfileStore store, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        var profile = await store.FindAsync(caller.UserId(), cancellationToken);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(ProfileResponse.ForOwner(profile, protector));
    }

    public static async Task<Results<Ok<ProfileResponse>, ValidationProblem>> UpdateMyProfile(
        UpdateProfileRequest request, ClaimsPrincipal caller, ProfileStore store, PersonalDataProtector protector,
        Transactions transactions, CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var profile = await transactions.RunAsync(async transaction =>
        {
            var saved = await store.UpsertAsync(transaction, caller.UserId(), request);
            await transaction.PublishAsync(ForMatching(saved));
            return saved;
        }, cancellationToken);
        return TypedResults.Ok(ProfileResponse.ForOwner(profile, protector));
    }

    /// <summary>What matching may know: no name, no phone, nothing sealed.</summary>
    private static ProfileUpdated ForMatching(ProfileRow profile) => new(
        profile.SeekerId, profile.Skills, profile.RegionCode, profile.Latitude, profile.Longitude, profile.MaxCommuteKm,
        profile.WillingToRelocate, new DateTimeOffset(profile.UpdatedAt, TimeSpan.Zero));
}
