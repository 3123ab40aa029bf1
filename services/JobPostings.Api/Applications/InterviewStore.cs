using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using Npgsql;

namespace JobPostings.Api.Applications;

/// <summary>SQL for interviews; the contact person and phone are sealed on the way in and opened only for a response.</summary>
public sealed class InterviewStore(NpgsqlDataSource dataSource, PersonalDataProtector protector)
{
    private const string Columns =
        "id, application_id, at, place, contact_name_sealed, contact_phone_sealed, status, seeker_note, revision, scheduled_at, answered_at";

    /// <summary>
    /// Schedules the application's interview, or moves it: a new revision, proposed again, the seeker's earlier answer
    /// gone (it answered another time or place).
    /// </summary>
    public async Task<Interview> ScheduleAsync(ServiceTransaction transaction, Guid applicationId, ScheduleInterviewRequest request) =>
        (await transaction.QuerySingleOrDefaultAsync<Interview>(
            $"""
            INSERT INTO interviews (application_id, id, at, place, contact_name_sealed, contact_phone_sealed, status)
            VALUES (@applicationId, @id, @at, @Place, @contactName, @contactPhone, 'proposed')
            ON CONFLICT (application_id) DO UPDATE SET at = excluded.at, place = excluded.place,
                contact_name_sealed = excluded.contact_name_sealed, contact_phone_sealed = excluded.contact_phone_sealed,
                status = 'proposed', seeker_note = NULL, answered_at = NULL, revision = interviews.revision + 1, scheduled_at = now()
            RETURNING {Columns}
            """,
            new
            {
                applicationId, id = Guid.CreateVersion7(), at = request.At!.Value.UtcDateTime, request.Place,
                contactName = protector.Protect(request.ContactName!), contactPhone = protector.Protect(request.ContactPhone!),
            }))!;

    public Task<Interview?> LockAsync(ServiceTransaction transaction, Guid applicationId) =>
        transaction.QuerySingleOrDefaultAsync<Interview>($"SELECT {Columns} FROM interviews WHERE application_id = @applicationId FOR UPDATE", new { applicationId });

    public async Task<Interview> AnswerAsync(ServiceTransaction transaction, Guid applicationId, bool accepted, string? note) =>
        (await transaction.QuerySingleOrDefaultAsync<Interview>(
            $"""
            UPDATE interviews SET status = @status, seeker_note = @note, answered_at = now()
            WHERE application_id = @applicationId RETURNING {Columns}
            """, new { applicationId, status = accepted ? "accepted" : "declined", note }))!;

    public async Task<Interview> CancelAsync(ServiceTransaction transaction, Guid applicationId) =>
        (await transaction.QuerySingleOrDefaultAsync<Interview>(
            $"UPDATE interviews SET status = 'cancelled' WHERE application_id = @applicationId RETURNING {Columns}", new { applicationId }))!;

    /// <summary>The interviews of some applications, opened for their readers (who were checked before).</summary>
    public async Task<IReadOnlyDictionary<Guid, InterviewResponse>> ForApplicationsAsync(IReadOnlyList<Guid> applicationIds, CancellationToken cancellationToken)
    {
        if (applicationIds.Count == 0) return new Dictionary<Guid, InterviewResponse>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Interview>(new CommandDefinition(
            $"SELECT {Columns} FROM interviews WHERE application_id = ANY(@ids)", new { ids = applicationIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.ApplicationId, Open);
    }

    public InterviewResponse Open(Interview interview) => new(
        interview.Id, new DateTimeOffset(DateTime.SpecifyKind(interview.At, DateTimeKind.Utc)), interview.Place,
        protector.Unprotect(interview.ContactNameSealed), protector.Unprotect(interview.ContactPhoneSealed), interview.State, interview.SeekerNote,
        interview.Revision, interview.ScheduledAt, interview.AnsweredAt);
}
