using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Profiles.Api.Profiles;

namespace Profiles.Api.Consent;

public sealed record ConsentRequest(bool? Granted);

/// <summary>The seeker's consents, one per purpose. A change reaches matching in the transaction that records it.</summary>
public static class ConsentApi
{
    public static IEndpointRouteBuilder MapConsentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var consents = endpoints.MapApiGroup("/api/profiles/me/consents", "Consent", "The seeker's consent per purpose.").RequireAuthorization(Policies.Seeker);
        consents.MapGet("/", GetMyConsents)
            .WithName("GetMyConsents").WithSummary("The seeker's answer for each purpose their data may be used for.");
        consents.MapPut("/{purpose}", SetMyConsent)
            .WithName("SetMyConsent").WithSummary("Give or withdraw consent for one purpose.");
        return consents;
    }

    public static async Task<Results<Ok<IReadOnlyList<ConsentResponse>>, NotFound>> GetMyConsents(
        ClaimsPrincipal caller, ConsentStore consents, CancellationToken cancellationToken)
    {
        var list = await consents.ListAsync(caller.UserId(), cancellationToken);
        return list.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(list);
    }

    /// <summary>
    /// Withdrawing consent to matching makes matching drop the seeker; giving it back sends the profile again.
    /// Employer sharing flips a flag matching filters employer-side results on. Both take effect when the event is
    /// consumed — there is no window where the profile service and matching disagree on what was consented to last.
    /// </summary>
    public static async Task<Results<Ok<ConsentResponse>, NotFound, ValidationProblem>> SetMyConsent(
        string purpose, ConsentRequest request, ClaimsPrincipal caller, ProfileStore store, ConsentStore consents, ProfileAnnouncer announcer,
        Transactions transactions, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(Purpose.All.Contains(purpose), "purpose", "The purpose is one of " + string.Join(", ", Purpose.All) + ".")
            .Require(request.Granted is not null, "granted", "Say whether you give (true) or withdraw (false) consent.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var seekerId = caller.UserId();
        var result = await transactions.RunAsync<ConsentResponse?>(async transaction =>
        {
            var profile = await store.FindAsync(transaction, seekerId);
            if (profile is null) return null;
            var changed = await consents.SetAsync(transaction, seekerId, purpose, request.Granted!.Value);
            if (changed is null) return (await consents.ListAsync(seekerId, transaction.CancellationToken)).Single(consent => consent.Purpose == purpose);
            await transaction.PublishAsync(new SeekerConsentChanged(seekerId, purpose, changed.Granted, new DateTimeOffset(changed.ChangedAt, TimeSpan.Zero)));
            if (purpose != Purpose.CaseworkerContact && (purpose != Purpose.Matching || changed.Granted))
                await announcer.AnnounceAsync(transaction, (await store.TouchAsync(transaction, seekerId))!);
            return changed;
        }, cancellationToken);
        return result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }
}
