using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Applications;

/// <summary>
/// A seeker who has not consented to sharing with employers shows the employer a masked card; the posting's employer
/// may ask, once per application, for their contact, and the seeker accepts or declines. An acceptance opens the
/// seeker's name and phone to that employer for that application only (the profile service serves them, told by
/// ContactRequestAnswered). A declined request is not asked again.
/// </summary>
public static class ContactRequestsApi
{
    public static IEndpointRouteBuilder MapContactRequestsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var requests = endpoints.MapApiGroup("/api/applications/{id:guid}/contact-request", "Contact requests", "An employer asks an applicant who has not consented to sharing for their contact; the seeker answers.");
        requests.MapPost("/", Request).RequireAuthorization(Policies.Employer)
            .WithName("RequestApplicantContact").WithSummary("The posting's employer asks the applicant for their contact (once per application); the seeker is told.");
        requests.MapPost("/answer", Answer).RequireAuthorization(Policies.Seeker)
            .WithName("AnswerContactRequest").WithSummary("The seeker accepts or declines the employer's request for their contact.");
        return endpoints;
    }

    public static async Task<Results<Ok<ApplicationResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> Request(
        Guid id, ClaimsPrincipal caller, ApplicationStore applications, Transactions transactions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Ok<ApplicationResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>>(async transaction =>
        {
            var application = await applications.LockAsync(transaction, id);
            if (application is null || !application.IsVisibleTo(caller)) return TypedResults.NotFound();
            if (!caller.ActsForEmployer(application.EmployerId)) return TypedResults.Forbid();
            switch (application.ContactRequestState)
            {
                case ContactRequestStatus.Requested or ContactRequestStatus.Accepted:
                    return TypedResults.Ok(ApplicationResponse.From(application));
                case ContactRequestStatus.Declined:
                    return TypedResults.Problem(title: "The applicant declined to share their contact.", statusCode: StatusCodes.Status409Conflict);
            }
            if (application.IsFinal)
            {
                return TypedResults.Problem(title: "This application is closed.", detail: $"This application is {ApplicationsApi.Name(application.State)}.",
                    statusCode: StatusCodes.Status409Conflict);
            }
            var requested = await applications.SetContactRequestAsync(transaction, id, ContactRequestStatus.Requested);
            await transaction.PublishAsync(new ContactRequested(id, application.PostingId, application.SeekerId, application.EmployerId,
                application.PostingTitle, application.EmployerName, now));
            return TypedResults.Ok(ApplicationResponse.From(requested));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Answer(
        Guid id, AnswerContactRequest request, ClaimsPrincipal caller, ApplicationStore applications, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Ok<ApplicationResponse>, ValidationProblem, NotFound, ProblemHttpResult>>(async transaction =>
        {
            var application = await applications.LockAsync(transaction, id);
            if (application is null || !application.IsSeekers(caller)) return TypedResults.NotFound();
            if (application.ContactRequestState != ContactRequestStatus.Requested)
                return TypedResults.Problem(title: "No request for your contact is waiting on this application.", statusCode: StatusCodes.Status409Conflict);
            var answer = request.Accept!.Value ? ContactRequestStatus.Accepted : ContactRequestStatus.Declined;
            var answered = await applications.SetContactRequestAsync(transaction, id, answer);
            await transaction.PublishAsync(new ContactRequestAnswered(id, application.PostingId, application.SeekerId, application.EmployerId,
                request.Accept.Value, now));
            return TypedResults.Ok(ApplicationResponse.From(answered));
        }, cancellationToken);
    }
}
