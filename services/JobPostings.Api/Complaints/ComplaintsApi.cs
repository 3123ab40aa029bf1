using System.Security.Claims;
using System.Text.Json;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobPostings.Api.Postings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Complaints;

/// <summary>
/// Anyone signed in reports a published posting; it goes on the review queue of its region's caseworkers with the
/// complaint shown, and stays live until a caseworker decides (one report must not be enough to take a posting down).
/// The gateway's general per-address and per-user limits bound how fast anyone can report.
/// </summary>
public static class ComplaintsApi
{
    public static IEndpointRouteBuilder MapComplaintsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var complaints = endpoints.MapApiGroup("/api/postings", "Complaints", "Reports of postings that break the rules, feeding the review queue.");
        complaints.MapPost("/{id:guid}/complaints", FileComplaint)
            .WithName("FileComplaint")
            .WithSummary("Report a published posting (discrimination, fees, training loans, fake postings …) to the caseworkers of its region.");
        return endpoints;
    }

    public static async Task<Results<Created<ComplaintResponse>, ValidationProblem, NotFound, ProblemHttpResult>> FileComplaint(
        Guid id, FileComplaintRequest request, ClaimsPrincipal caller, PostingStore postings, ComplaintStore complaints, Transactions transactions,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Created<ComplaintResponse>, ValidationProblem, NotFound, ProblemHttpResult>>(async transaction =>
        {
            // The lock orders a complaint with a caseworker's decision on the same posting.
            var posting = await postings.LockAsync(transaction, id);
            if (posting is null || !posting.IsVisibleTo(caller)) return TypedResults.NotFound();
            if (posting.State != PostingStatus.Published) return PostingLifecycle.NotAllowed(posting, "reported");
            var complaint = await complaints.InsertAsync(transaction, id, caller.UserId(), request.Category!.Value, request.Text!.Trim());
            if (complaint is null)
            {
                return TypedResults.Problem(title: "You have already reported this posting.",
                    detail: "A caseworker will review it; you can report it again once they have decided.", statusCode: StatusCodes.Status409Conflict);
            }

            await transaction.PublishAsync(new PostingReported(
                id, complaint.Id, posting.EmployerId, posting.RegionCode, JsonNamingPolicy.CamelCase.ConvertName(complaint.Category.ToString()), now));
            // No Location: a complaint is read on the review queue, not at an address of its own.
            return TypedResults.Created((string?)null, complaint);
        }, cancellationToken);
    }
}
