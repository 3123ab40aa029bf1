using System.Security.Claims;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobPostings.Api.Applications;

/// <summary>
/// Interviews: the posting's employer (or staff of its region) schedules one for an application with time, place and
/// contact, moves or cancels it; the seeker accepts or declines with an optional note, and the employer reads the
/// answer on the application. Scheduling moves the application to interview. Every change is an event; the events
/// carry ids, the job's title, the organisation's name, time and place, never the contact or the seeker's note.
/// </summary>
public static class InterviewsApi
{
    public static IEndpointRouteBuilder MapInterviewsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var interviews = endpoints.MapApiGroup("/api/applications/{id:guid}/interview", "Interviews", "Interviews: time, place and contact; the seeker's answer.");
        interviews.MapPut("/", Schedule)
            .WithName("ScheduleInterview").WithSummary("The employer schedules the application's interview (time, place, contact), or moves it; the seeker is asked again.");
        interviews.MapDelete("/", Cancel)
            .WithName("CancelInterview").WithSummary("The employer cancels the application's interview; the seeker is told.");
        interviews.MapPost("/answer", Answer).RequireAuthorization(Policies.Seeker)
            .WithName("AnswerInterview").WithSummary("The seeker accepts or declines the interview, optionally with a note for the employer.");
        return endpoints;
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> Schedule(
        Guid id, ScheduleInterviewRequest request, ClaimsPrincipal caller, ApplicationStore applications, InterviewStore interviews,
        Transactions transactions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (cleaned, validation) = request.Check(now);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return await transactions.RunAsync<Results<Ok<ApplicationResponse>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>>(async transaction =>
        {
            var application = await applications.LockAsync(transaction, id);
            if (application is null || !application.IsVisibleTo(caller)) return TypedResults.NotFound();
            if (!application.MayBeDecidedBy(caller)) return TypedResults.Forbid();
            if (application.State != ApplicationStatus.Interview && !Application.EmployerMayMove(application.State, ApplicationStatus.Interview))
                return ApplicationsApi.NotAllowed(application, ApplicationStatus.Interview);
            var interview = await interviews.ScheduleAsync(transaction, id, cleaned);
            if (application.State != ApplicationStatus.Interview)
                await ApplicationsApi.ChangeAsync(transaction, applications, application, ApplicationStatus.Interview, null, now, withInterview: true);
            await transaction.PublishAsync(new InterviewScheduled(interview.Id, id, application.PostingId, application.SeekerId, application.EmployerId,
                application.PostingTitle, application.EmployerName, cleaned.At!.Value, cleaned.Place!, interview.Revision, now));
            return TypedResults.Ok(await ReadAsync(transaction, applications, interviews, id, interview));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<ApplicationResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> Cancel(
        Guid id, ClaimsPrincipal caller, ApplicationStore applications, InterviewStore interviews, Transactions transactions, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Ok<ApplicationResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>>(async transaction =>
        {
            var application = await applications.LockAsync(transaction, id);
            if (application is null || !application.IsVisibleTo(caller)) return TypedResults.NotFound();
            if (!application.MayBeDecidedBy(caller)) return TypedResults.Forbid();
            var interview = await interviews.LockAsync(transaction, id);
            if (interview is null || interview.State == InterviewStatus.Cancelled) return NoInterview();
            var cancelled = await interviews.CancelAsync(transaction, id);
            await transaction.PublishAsync(new InterviewCancelled(interview.Id, id, application.PostingId, application.SeekerId, application.PostingTitle,
                application.EmployerName, Utc(interview.At), now));
            return TypedResults.Ok(await ReadAsync(transaction, applications, interviews, id, cancelled));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Answer(
        Guid id, AnswerInterviewRequest request, ClaimsPrincipal caller, ApplicationStore applications, InterviewStore interviews,
        Transactions transactions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = request.Validate();
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : JobMatch.TextAnalysis.TextNormalizer.Clean(request.Note).Trim();
        var now = clock.GetUtcNow();
        return await transactions.RunAsync<Results<Ok<ApplicationResponse>, ValidationProblem, NotFound, ProblemHttpResult>>(async transaction =>
        {
            var application = await applications.LockAsync(transaction, id);
            if (application is null || !application.IsSeekers(caller)) return TypedResults.NotFound();
            var interview = await interviews.LockAsync(transaction, id);
            if (interview is null || interview.State == InterviewStatus.Cancelled || application.State != ApplicationStatus.Interview) return NoInterview();
            if (Utc(interview.At) <= now)
                return TypedResults.Problem(title: "This interview's time has passed.", statusCode: StatusCodes.Status409Conflict);
            var answered = await interviews.AnswerAsync(transaction, id, request.Accept!.Value, note);
            await transaction.PublishAsync(new InterviewAnswered(interview.Id, id, application.PostingId, application.EmployerId, application.PostingTitle,
                Utc(interview.At), interview.Revision, request.Accept.Value, now));
            return TypedResults.Ok(await ReadAsync(transaction, applications, interviews, id, answered));
        }, cancellationToken);
    }

    private static async Task<ApplicationResponse> ReadAsync(ServiceTransaction transaction, ApplicationStore applications, InterviewStore interviews,
        Guid id, Interview interview) =>
        ApplicationResponse.From((await applications.LockAsync(transaction, id))!, interviews.Open(interview));

    private static ProblemHttpResult NoInterview() =>
        TypedResults.Problem(title: "This application has no interview to change.", statusCode: StatusCodes.Status409Conflict);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
