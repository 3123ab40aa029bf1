using System.Security.Claims;
using Dapper;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.Problems;
using JobPostings.Api.Applications;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace JobPostings.Api.FollowUps;

public sealed record RecordFollowUpRequest(FollowUpOutcome? Outcome, int? DaysInJob, string? Note, DateTime? VisitedAt, DateOnly? NextContactOn = null);

/// <summary>
/// 跟踪回访: caseworkers serving the posting's region record follow-up visits on an application and what they found.
/// Each visit is a FollowUpRecorded event, which matching learns from.
/// </summary>
public static class FollowUpsApi
{
    public static IEndpointRouteBuilder MapFollowUpsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var followUps = endpoints.MapApiGroup("/api/applications/{applicationId:guid}/follow-ups", "Follow-ups", "Caseworkers' follow-ups on applications.").RequireAuthorization(Policies.Staff);
        followUps.MapPost("/", Record)
            .WithName("RecordFollowUp")
            .WithSummary("Records a follow-up visit (跟踪回访) on an application: hired, still seeking or left the job; no hire on a rejected or withdrawn application.");
        followUps.MapGet("/", List)
            .WithName("ListFollowUps")
            .WithSummary("Lists the follow-up visits recorded on an application.");
        return endpoints;
    }

    public static async Task<Results<Created<FollowUpResponse>, ValidationProblem, NotFound>> Record(
        Guid applicationId, RecordFollowUpRequest request, ClaimsPrincipal caller, ApplicationStore applications, Transactions transactions,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var validation = new Validation()
            .Require(request.Outcome is not null, "outcome", "The outcome is hired, stillSeeking or leftJob.")
            .Require(request.Outcome != FollowUpOutcome.LeftJob || request.DaysInJob is not null, "daysInJob", "Say after how many days the seeker left the job.")
            .Require(request.DaysInJob is null or (>= 0 and <= 36_500), "daysInJob", "Days in the job are between 0 and 36,500.")
            .Require(request.Note is null || request.Note.Length <= 4000, "note", "The note is at most 4,000 characters.")
            .Require(request.VisitedAt is null || request.VisitedAt <= now.UtcDateTime.AddMinutes(5), "visitedAt", "The visit cannot be in the future.")
            .Require(request.NextContactOn is null || (request.NextContactOn >= DateOnly.FromDateTime((request.VisitedAt ?? now.UtcDateTime).ToUniversalTime())
                                                       && request.NextContactOn <= DateOnly.FromDateTime(now.UtcDateTime).AddYears(1)),
                "nextContactOn", "The next contact is on or after the visit and within a year.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return await transactions.RunAsync<Results<Created<FollowUpResponse>, ValidationProblem, NotFound>>(async transaction =>
        {
            var application = await applications.LockAsync(transaction, applicationId);
            if (application is null || !caller.MayServeRegion(application.RegionCode)) return TypedResults.NotFound();
            // A visit cannot find the seeker in a job the employer turned them down for or they withdrew from: such a
            // "hired" would also teach matching a placement that never happened.
            if (request.Outcome == FollowUpOutcome.Hired && application.State is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["outcome"] = ["The seeker cannot be hired through an application that was rejected or withdrawn."],
                });
            }
            // A visit recorded later (a placement found out afterwards) is dated when it happened, but not before the
            // application it follows up (calendar days in Beijing, as caseworkers name them).
            if (request.VisitedAt is { } visited && BeijingDay(visited) < BeijingDay(application.CreatedAt))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["visitedAt"] = ["The visit cannot be before the application."] });
            }

            var followUp = new FollowUpResponse(Guid.CreateVersion7(), applicationId, caller.UserId(), request.Outcome!.Value, request.DaysInJob,
                request.Note?.Trim(), (request.VisitedAt ?? now.UtcDateTime).ToUniversalTime(), request.NextContactOn);
            await transaction.ExecuteAsync(
                """
                INSERT INTO follow_ups (id, application_id, caseworker_id, outcome, days_in_job, note, visited_at, next_contact_on)
                VALUES (@Id, @ApplicationId, @CaseworkerId, @OutcomeName, @DaysInJob, @Note, @VisitedAt, @NextContactOn)
                """,
                new
                {
                    followUp.Id, followUp.ApplicationId, followUp.CaseworkerId, OutcomeName = followUp.Outcome.ToString(), followUp.DaysInJob, followUp.Note,
                    followUp.VisitedAt, NextContactOn = followUp.NextContactOn?.ToDateTime(TimeOnly.MinValue),
                });
            await transaction.PublishAsync(new FollowUpRecorded(followUp.Id, applicationId, application.PostingId, application.SeekerId,
                Kebab(followUp.Outcome), followUp.DaysInJob, new DateTimeOffset(followUp.VisitedAt, TimeSpan.Zero)));
            return TypedResults.Created($"/api/applications/{applicationId}/follow-ups", followUp);
        }, cancellationToken);
    }

    public static async Task<Results<Ok<IReadOnlyList<FollowUpResponse>>, NotFound>> List(
        Guid applicationId, ClaimsPrincipal caller, ApplicationStore applications, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var application = await applications.FindAsync(applicationId, cancellationToken);
        if (application is null || !caller.MayServeRegion(application.RegionCode)) return TypedResults.NotFound();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid Id, Guid CaseworkerId, string Outcome, int? DaysInJob, string? Note, DateTime VisitedAt, DateTime? NextContactOn)>(new CommandDefinition(
            "SELECT id, caseworker_id, outcome, days_in_job, note, visited_at, next_contact_on FROM follow_ups WHERE application_id = @applicationId ORDER BY visited_at, id",
            new { applicationId }, cancellationToken: cancellationToken));
        return TypedResults.Ok<IReadOnlyList<FollowUpResponse>>(rows.Select(row => new FollowUpResponse(
            row.Id, applicationId, row.CaseworkerId, Enum.Parse<FollowUpOutcome>(row.Outcome), row.DaysInJob, row.Note, row.VisitedAt,
            row.NextContactOn is { } next ? DateOnly.FromDateTime(next) : null)).ToList());
    }

    private static DateOnly BeijingDay(DateTime utc) =>
        DateOnly.FromDateTime(new DateTimeOffset(DateTime.SpecifyKind(utc.ToUniversalTime(), DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>Outcome names in events, as the contract documents them: hired, still-seeking, left-job.</summary>
    private static string Kebab(FollowUpOutcome outcome) => outcome switch
    {
        FollowUpOutcome.StillSeeking => "still-seeking",
        FollowUpOutcome.LeftJob => "left-job",
        _ => "hired",
    };
}
