using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.ServiceDefaults.Problems;
using JobPostings.Api.Postings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Applications;

/// <summary>
/// Seekers apply once per live posting and may withdraw; the posting's employer (or staff of its region) moves the
/// application through viewed → interview → offer → hired, or rejects it with a reason. Every change is an event.
/// </summary>
public static class ApplicationsApi
{
    public static IHostApplicationBuilder AddApplicationsServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApplicationStore>();
        builder.Services.AddSingleton<InterviewStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapApplicationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var forPosting = endpoints.MapApiGroup("/api/postings/{postingId:guid}/applications", "Applications", "Applying, and moving applications through interview to hire.");
        forPosting.MapPost("/", Apply).RequireAuthorization(Policies.Seeker)
            .WithName("Apply").WithSummary("Apply to a published posting.");
        forPosting.MapGet("/", ListApplicants)
            .WithName("ListApplicants")
            .WithSummary("A page of a posting's applications (optionally of one status) with its totals per status, for its employer and staff of its region.");

        var applications = endpoints.MapApiGroup("/api/applications", "Applications", "Applying, and moving applications through interview to hire.");
        applications.MapGet("/mine", ListMine).RequireAuthorization(Policies.Seeker)
            .WithName("ListMyApplications").WithSummary("The signed-in seeker's applications, newest first.");
        applications.MapGet("/", ListForSeeker).RequireAuthorization(Policies.Staff)
            .WithName("ListSeekersApplications")
            .WithSummary("Lists one seeker's applications to postings of the regions the caller serves (the caseworker's view of a seeker).");
        applications.MapGet("/{id:guid}", GetApplication)
            .WithName("GetApplication").WithSummary("One application, for its seeker, the posting's employer and staff of its region.");
        applications.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(Policies.Seeker)
            .WithName("WithdrawApplication").WithSummary("The seeker withdraws their application.");
        applications.MapPost("/{id:guid}/status", Move)
            .WithName("MoveApplication").WithSummary("The employer moves an application on (viewed, interview, offer, hired or rejected).");
        return endpoints;
    }

    public static async Task<Results<Created<ApplicationResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Apply(
        Guid postingId, ApplyRequest? request, ClaimsPrincipal caller, PostingStore postings, ApplicationStore applications,
        Transactions transactions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation().Require(request?.CoverNote is null || request.CoverNote.Length <= 4000, "coverNote", "The note is at most 4,000 characters.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Created<ApplicationResponse>, ValidationProblem, NotFound, ProblemHttpResult>>(async transaction =>
        {
            // Shares the posting's row lock with closing, so no application lands on a posting closed a moment earlier.
            var posting = await postings.LockAsync(transaction, postingId);
            if (posting is null || !posting.IsLive(now.UtcDateTime)) return TypedResults.NotFound();
            var application = await applications.InsertAsync(transaction, postingId, caller.UserId(), request?.CoverNote?.Trim());
            if (application is null)
                return TypedResults.Problem(title: "You have already applied to this posting.", statusCode: StatusCodes.Status409Conflict);
            await transaction.PublishAsync(new ApplicationSubmitted(application.Id, postingId, application.SeekerId, now, posting.EmployerId,
                application.PostingTitle, application.EmployerName));
            return TypedResults.Created($"/api/applications/{application.Id}", ApplicationResponse.From(application));
        }, cancellationToken);
    }

    /// <summary>
    /// A seeker's applications as staff see them, with a reason (the read goes to the seeker's audit log): only those
    /// to postings of the regions the caller serves, without the cover notes (written for the employer).
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<ApplicationResponse>>, ValidationProblem>> ListForSeeker(
        Guid? seekerId, string? reason, ClaimsPrincipal caller, ApplicationStore applications, Transactions transactions, CancellationToken cancellationToken)
    {
        var validation = StaffReads.RequireReason(reason).Require(seekerId is not null, "seekerId", "Name the seeker whose applications to list.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var found = (await applications.ListForSeekerAsync(seekerId!.Value, cancellationToken)).Where(application => caller.MayServeRegion(application.RegionCode)).ToList();
        if (found.Count > 0)
            await transactions.RunAsync(transaction => StaffReads.RecordAsync(transaction, caller, "list-applications", [seekerId.Value], ApplicationFields, reason!), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApplicationResponse>>(found.Select(application => ApplicationResponse.From(application) with { CoverNote = null }).ToList());
    }

    private static readonly string[] ApplicationFields = ["applications"];

    /// <summary>
    /// A page of a posting's applicants, of one status or all, with the posting's totals per status: for its employer,
    /// or staff of its region with a reason (each applicant the page shows gets an audit entry).
    /// </summary>
    public static async Task<Results<Ok<ApplicantsPage>, NotFound, ForbidHttpResult, ValidationProblem>> ListApplicants(
        Guid postingId, [AsParameters] ApplicantsQuery query, ClaimsPrincipal caller, PostingStore postings, ApplicationStore applications,
        InterviewStore interviews, Transactions transactions, CancellationToken cancellationToken)
    {
        var posting = await postings.FindAsync(postingId, cancellationToken);
        if (posting is null || !posting.IsVisibleTo(caller)) return TypedResults.NotFound();
        if (!posting.ApplicantsAreVisibleTo(caller)) return TypedResults.Forbid();
        var byStaff = !posting.IsOwnedBy(caller);
        var validation = query.Validate(byStaff);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var totals = ApplicantTotals.From(await applications.CountByStatusAsync(postingId, cancellationToken));
        var list = await applications.PageForPostingAsync(postingId, query.StatusFilter, query.Offset, query.EffectiveLimit, cancellationToken);
        if (byStaff && list.Count > 0)
        {
            await transactions.RunAsync(transaction => StaffReads.RecordAsync(
                transaction, caller, "list-applicants", list.Select(application => application.SeekerId), ApplicationFields, query.Reason!), cancellationToken);
        }
        return TypedResults.Ok(new ApplicantsPage(await WithInterviewsAsync(list, interviews, cancellationToken), totals.Of(query.StatusFilter),
            query.EffectivePage, query.EffectiveLimit, totals));
    }

    public static async Task<Ok<IReadOnlyList<ApplicationResponse>>> ListMine(
        ClaimsPrincipal caller, ApplicationStore applications, InterviewStore interviews, CancellationToken cancellationToken)
    {
        var list = await applications.ListForSeekerAsync(caller.UserId(), cancellationToken);
        return TypedResults.Ok(await WithInterviewsAsync(list, interviews, cancellationToken));
    }

    public static async Task<Results<Ok<ApplicationResponse>, NotFound>> GetApplication(
        Guid id, ClaimsPrincipal caller, ApplicationStore applications, InterviewStore interviews, CancellationToken cancellationToken)
    {
        var application = await applications.FindAsync(id, cancellationToken);
        if (application is null || !application.IsVisibleTo(caller)) return TypedResults.NotFound();
        return TypedResults.Ok((await WithInterviewsAsync([application], interviews, cancellationToken))[0]);
    }

    /// <summary>Applications with their interviews, for readers already checked (the seeker, the posting's employer, staff of its region).</summary>
    private static async Task<IReadOnlyList<ApplicationResponse>> WithInterviewsAsync(IReadOnlyList<Application> list, InterviewStore interviews,
        CancellationToken cancellationToken)
    {
        var found = await interviews.ForApplicationsAsync(list.Select(application => application.Id).ToList(), cancellationToken);
        return list.Select(application => ApplicationResponse.From(application, found.GetValueOrDefault(application.Id))).ToList();
    }

    public static async Task<Results<Ok<ApplicationResponse>, NotFound, ProblemHttpResult>> Withdraw(
        Guid id, ClaimsPrincipal caller, ApplicationStore applications, Transactions transactions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Ok<ApplicationResponse>, NotFound, ProblemHttpResult>>(async transaction =>
        {
            var application = await applications.LockAsync(transaction, id);
            if (application is null || !application.IsSeekers(caller)) return TypedResults.NotFound();
            if (application.IsFinal) return NotAllowed(application, ApplicationStatus.Withdrawn);
            return TypedResults.Ok(await ChangeAsync(transaction, applications, application, ApplicationStatus.Withdrawn, null, now));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> Move(
        Guid id, MoveApplicationRequest request, ClaimsPrincipal caller, ApplicationStore applications, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(request.Status is not null and not ApplicationStatus.Submitted and not ApplicationStatus.Withdrawn, "status",
                "The status is viewed, interview, offer, hired or rejected.")
            .Require(request.Status != ApplicationStatus.Rejected || !string.IsNullOrWhiteSpace(request.Reason), "reason", "Say why the application was rejected.")
            .Require(request.Reason is null || request.Reason.Length <= 2000, "reason", "The reason is at most 2,000 characters.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Ok<ApplicationResponse>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>>(async transaction =>
        {
            var application = await applications.LockAsync(transaction, id);
            if (application is null || !application.IsVisibleTo(caller)) return TypedResults.NotFound();
            if (!application.MayBeDecidedBy(caller)) return TypedResults.Forbid();
            if (!Application.EmployerMayMove(application.State, request.Status!.Value)) return NotAllowed(application, request.Status.Value);
            return TypedResults.Ok(await ChangeAsync(transaction, applications, application, request.Status.Value, request.Reason?.Trim(), now));
        }, cancellationToken);
    }

    internal static async Task<ApplicationResponse> ChangeAsync(ServiceTransaction transaction, ApplicationStore applications, Application application,
        ApplicationStatus to, string? reason, DateTimeOffset now, bool withInterview = false)
    {
        var changed = await applications.SetStatusAsync(transaction, application.Id, to, reason);
        await transaction.PublishAsync(new ApplicationStatusChanged(
            application.Id, application.PostingId, application.SeekerId, Name(application.State), Name(to), reason, now, withInterview));
        return ApplicationResponse.From(changed);
    }

    internal static ProblemHttpResult NotAllowed(Application application, ApplicationStatus to) => TypedResults.Problem(
        title: $"An application cannot move from {Name(application.State)} to {Name(to)}.",
        detail: $"This application is {Name(application.State)}.",
        statusCode: StatusCodes.Status409Conflict);

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString() is var name ? char.ToLowerInvariant(name[0]) + name[1..] : "";
}
