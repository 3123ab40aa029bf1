using System.Security.Claims;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace JobMatch.Gateway.DevelopmentIssuer;

/// <summary>
/// Several HR users per organisation: its owner (the user who registered it) creates logins for colleagues, which carry
/// the same employer_id, and removes them — a removed user's tokens are refused at once, as a deleted account's are.
/// A user of another organisation is not found.
/// </summary>
public static class EmployerUsersApi
{
    public static IEndpointRouteBuilder MapEmployerUsers(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapApiGroup("/api/auth/employer-users", "Authentication", "Demo sign-in and self-registration (the development issuer; a real identity provider replaces it).").RequireAuthorization(Policies.Employer);
        users.MapGet("/", List).WithName("ListEmployerUsers").WithSummary("The logins of the caller's organisation: its owner and invited HR users.");
        users.MapPost("/", Invite).WithName("InviteEmployerUser")
            .WithSummary("The organisation's owner creates a login for another HR user of the same organisation.");
        users.MapDelete("/{userId:guid}", Remove).WithName("RemoveEmployerUser")
            .WithSummary("The organisation's owner removes an HR user: the login is deleted and every token of it refused at once.");
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<EmployerUser>>> List(ClaimsPrincipal caller, RegisteredAccounts registered) =>
        TypedResults.Ok<IReadOnlyList<EmployerUser>>((await registered.UsersOfAsync(caller.EmployerId()!.Value))
            .Select(account => new EmployerUser(account.UserId, account.Username, account.DisplayName, account.OrganisationOwner)).ToList());

    public static async Task<Results<Created<EmployerUser>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Invite(
        RegisterRequest request, ClaimsPrincipal caller, IOptions<DevelopmentIssuerOptions> options, RegisteredAccounts registered,
        IConfiguration configuration, TimeProvider clock)
    {
        if (!await IsOwnerAsync(caller, registered)) return TypedResults.Forbid();
        var created = await DevelopmentIssuerApi.CreateLoginAsync(request, Roles.Employer, caller.EmployerId(), owner: false, options.Value, registered,
            configuration, clock);
        return created.Result switch
        {
            Created<TokenResponse> login => TypedResults.Created($"/api/auth/employer-users/{login.Value!.UserId}",
                new EmployerUser(login.Value.UserId, request.Username!, string.IsNullOrWhiteSpace(request.DisplayName) ? request.Username! : request.DisplayName.Trim(), false)),
            ValidationProblem problem => problem,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("Unexpected result of creating a login."),
        };
    }

    public static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> Remove(
        Guid userId, ClaimsPrincipal caller, RegisteredAccounts registered, RevokedSubjects revoked)
    {
        var account = await registered.FindByIdAsync(userId);
        if (account is null || account.EmployerId != caller.EmployerId()) return TypedResults.NotFound();
        if (!await IsOwnerAsync(caller, registered)) return TypedResults.Forbid();
        if (account.OrganisationOwner)
        {
            return TypedResults.Problem(title: "The owner cannot be removed.", detail: "The owner deletes their own login instead.",
                statusCode: StatusCodes.Status409Conflict);
        }

        await registered.DeleteAsync(userId);
        await revoked.RevokeAsync(userId);
        return TypedResults.NoContent();
    }

    private static async Task<bool> IsOwnerAsync(ClaimsPrincipal caller, RegisteredAccounts registered) =>
        await registered.FindByIdAsync(caller.UserId()) is { OrganisationOwner: true } account && account.EmployerId == caller.EmployerId();
}
