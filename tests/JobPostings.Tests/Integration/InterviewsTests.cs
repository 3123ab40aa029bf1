using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Testing;
using JobPostings.Api.Applications;

namespace JobPostings.Tests.Integration;

/// <summary>
/// Interviews with time, place and contact; the seeker's answer; moving and cancelling them; the employer's request
/// for a seeker's contact — each change an event without personal data, each call checked against the posting's owner.
/// </summary>
public sealed class InterviewsTests : OrganisationsHost
{
    private const string LegalName = "呼和浩特市赛罕区草原乳业有限公司";

    private sealed record Applied(Guid EmployerId, Guid PostingId, Guid SeekerId, Guid ApplicationId)
    {
        public string EmployerToken => TestTokens.Employer(Guid.NewGuid(), EmployerId);
        public string SeekerToken => TestTokens.Seeker(SeekerId);
    }

    /// <summary>A registered organisation's published posting and one seeker's application to it.</summary>
    private async Task<Applied> AppliedAsync()
    {
        var employerId = Guid.NewGuid();
        var organisation = await RegisterAsync(employerId, Guid.NewGuid());
        await DecideAsync(organisation.Id, "verified");
        var posting = await CreatePublishedAsync(employerId, "挤奶工");
        var seekerId = Guid.NewGuid();
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using var response = await seeker.PostAsJsonAsync($"/api/postings/{posting.Id}/applications", new { coverNote = "三年牧场经验。" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new Applied(employerId, posting.Id, seekerId, (await response.Content.ReadFromJsonAsync<ApplicationResponse>(Json))!.Id);
    }

    private static object Slot(DateTimeOffset at, string place = "呼和浩特市赛罕区大学东街 88 号三楼人事部", string contactName = "王丽",
        string contactPhone = "13904711234") => new { at, place, contactName, contactPhone };

    private static DateTimeOffset Tomorrow => DateTimeOffset.UtcNow.AddDays(1);

    private async Task<HttpResponseMessage> ScheduleAsync(string token, Guid applicationId, object slot)
    {
        using var client = Factory.ClientWithToken(token);
        return await client.PutAsJsonAsync($"/api/applications/{applicationId}/interview", slot);
    }

    private async Task<HttpResponseMessage> AnswerAsync(string token, Guid applicationId, bool accept, string? note = null)
    {
        using var client = Factory.ClientWithToken(token);
        return await client.PostAsJsonAsync($"/api/applications/{applicationId}/interview/answer", new { accept, note });
    }

    private async Task<HttpResponseMessage> CancelAsync(string token, Guid applicationId)
    {
        using var client = Factory.ClientWithToken(token);
        return await client.DeleteAsync(new Uri($"/api/applications/{applicationId}/interview", UriKind.Relative));
    }

    private async Task<ApplicationResponse> GetAsync(string token, Guid applicationId)
    {
        using var client = Factory.ClientWithToken(token);
        return (await client.GetFromJsonAsync<ApplicationResponse>(new Uri($"/api/applications/{applicationId}", UriKind.Relative), Json))!;
    }

    private static async Task<ApplicationResponse> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ApplicationResponse>(Json))!;
    }

    private async Task<List<(string Type, JsonElement Body, string Text)>> EventsAsync(Guid postingId) =>
        (await OutboxAsync(postingId)).Where(row => new[] { "Application", "Interview", "Contact" }
            .Any(kind => row.MessageType.StartsWith("JobMatch.Contracts." + kind, StringComparison.Ordinal))).Select(row => (row.MessageType.Replace("JobMatch.Contracts.", "", StringComparison.Ordinal),
            JsonDocument.Parse(row.Body).RootElement, row.Body)).ToList();

    [Fact]
    public async Task The_employer_schedules_an_interview_the_seeker_accepts_and_the_employer_reads_the_answer()
    {
        var applied = await AppliedAsync();
        var at = Tomorrow;

        var scheduled = await ReadAsync(await ScheduleAsync(applied.EmployerToken, applied.ApplicationId, Slot(at)));
        var seekerSees = await GetAsync(applied.SeekerToken, applied.ApplicationId);
        var answered = await ReadAsync(await AnswerAsync(applied.SeekerToken, applied.ApplicationId, accept: true, note: "我会准时到并带上健康证。"));
        var employerSees = await GetAsync(applied.EmployerToken, applied.ApplicationId);

        Assert.Equal(ApplicationStatus.Interview, scheduled.Status);
        Assert.Equal((InterviewStatus.Proposed, 1, "王丽", "13904711234"),
            (scheduled.Interview!.Status, scheduled.Interview.Revision, scheduled.Interview.ContactName, scheduled.Interview.ContactPhone));
        Assert.Equal(at.ToUnixTimeSeconds(), seekerSees.Interview!.At.ToUnixTimeSeconds());
        Assert.Equal(("呼和浩特市赛罕区大学东街 88 号三楼人事部", LegalName), (seekerSees.Interview.Place, seekerSees.EmployerName));
        Assert.Equal(InterviewStatus.Accepted, answered.Interview!.Status);
        Assert.Equal((InterviewStatus.Accepted, "我会准时到并带上健康证。"), (employerSees.Interview!.Status, employerSees.Interview.SeekerNote));
        using (var employer = Factory.ClientWithToken(applied.EmployerToken))
        {
            var listed = (await employer.GetFromJsonAsync<ApplicantsPage>(new Uri($"/api/postings/{applied.PostingId}/applications", UriKind.Relative), Json))!.Items;
            Assert.Equal([InterviewStatus.Accepted], listed.Select(application => application.Interview?.Status));
        }

        var events = await EventsAsync(applied.PostingId);
        Assert.Equal(["ApplicationSubmitted", "ApplicationStatusChanged", "InterviewScheduled", "InterviewAnswered"], events.Select(e => e.Type));
        Assert.True(events[1].Body.GetProperty("withInterview").GetBoolean());
        var notice = events[2].Body;
        Assert.Equal(("挤奶工", LegalName, applied.SeekerId), (notice.GetProperty("postingTitle").GetString(), notice.GetProperty("employerName").GetString(),
            notice.GetProperty("seekerId").GetGuid()));
        Assert.True(events[3].Body.GetProperty("accepted").GetBoolean());
        // The contact and the seeker's note are personal data: in no event, and sealed at rest.
        Assert.All(events, e => Assert.DoesNotContain("王丽", e.Text, StringComparison.Ordinal));
        Assert.All(events, e => Assert.DoesNotContain("13904711234", e.Text, StringComparison.Ordinal));
        Assert.All(events, e => Assert.DoesNotContain("健康证", e.Text, StringComparison.Ordinal));
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        var sealedRow = await connection.QuerySingleAsync<(string Name, string Phone)>(
            "SELECT contact_name_sealed, contact_phone_sealed FROM interviews WHERE application_id = @id", new { id = applied.ApplicationId });
        Assert.DoesNotContain("王丽", sealedRow.Name, StringComparison.Ordinal);
        Assert.DoesNotContain("13904711234", sealedRow.Phone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_an_interview_asks_the_seeker_again_and_cancelling_it_tells_them()
    {
        var applied = await AppliedAsync();
        await ReadAsync(await ScheduleAsync(applied.EmployerToken, applied.ApplicationId, Slot(Tomorrow)));
        await ReadAsync(await AnswerAsync(applied.SeekerToken, applied.ApplicationId, accept: false, note: "那天要考试。"));

        var moved = await ReadAsync(await ScheduleAsync(applied.EmployerToken, applied.ApplicationId,
            Slot(Tomorrow.AddDays(2), place: "包头市昆都仑区钢铁大街 9 号", contactPhone: "0471-6281234")));
        var cancelled = await ReadAsync(await CancelAsync(applied.EmployerToken, applied.ApplicationId));
        using var answerAfterCancel = await AnswerAsync(applied.SeekerToken, applied.ApplicationId, accept: true);
        using var cancelAgain = await CancelAsync(applied.EmployerToken, applied.ApplicationId);

        Assert.Equal((InterviewStatus.Proposed, 2, null, "04716281234"),
            (moved.Interview!.Status, moved.Interview.Revision, moved.Interview.SeekerNote, moved.Interview.ContactPhone));
        Assert.Equal((InterviewStatus.Cancelled, ApplicationStatus.Interview), (cancelled.Interview!.Status, cancelled.Status));
        await ProblemAssert.IsProblemAsync(answerAfterCancel, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(cancelAgain, HttpStatusCode.Conflict);
        var events = await EventsAsync(applied.PostingId);
        Assert.Equal(["ApplicationSubmitted", "ApplicationStatusChanged", "InterviewScheduled", "InterviewAnswered", "InterviewScheduled", "InterviewCancelled"],
            events.Select(e => e.Type));
        Assert.Equal(2, events[4].Body.GetProperty("revision").GetInt32());
        Assert.False(events[3].Body.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task An_interview_is_validated_field_by_field_in_the_callers_language()
    {
        var applied = await AppliedAsync();
        using var employer = Factory.ClientWithToken(applied.EmployerToken);

        using var wrong = await employer.PutAsJsonAsync($"/api/applications/{applied.ApplicationId}/interview",
            new { at = DateTimeOffset.UtcNow.AddHours(-1), place = " \u200b ", contactName = new string('名', 101), contactPhone = "12345" });
        using var tooFar = await employer.PutAsJsonAsync($"/api/applications/{applied.ApplicationId}/interview", Slot(DateTimeOffset.UtcNow.AddDays(200)));
        using var chineseRequest = new HttpRequestMessage(HttpMethod.Put, $"/api/applications/{applied.ApplicationId}/interview")
        {
            Content = JsonContent.Create(new { place = "赛罕区", contactName = "王丽", contactPhone = "13904711234" }),
        };
        chineseRequest.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var chinese = await employer.SendAsync(chineseRequest);
        using var unanswerable = await AnswerAsync(applied.SeekerToken, applied.ApplicationId, accept: true);
        using var noAnswer = await Factory.ClientWithToken(applied.SeekerToken)
            .PostAsJsonAsync($"/api/applications/{applied.ApplicationId}/interview/answer", new { note = new string('字', 1001) });

        Assert.Equal(["at", "contactName", "contactPhone", "place"], await ProblemAssert.IsValidationProblemAsync(wrong));
        Assert.Equal(["at"], await ProblemAssert.IsValidationProblemAsync(tooFar));
        var problem = await ProblemAssert.IsProblemAsync(chinese, HttpStatusCode.BadRequest);
        Assert.Equal("请填写面试的日期和时间。", problem.GetProperty("errors").GetProperty("at")[0].GetString());
        await ProblemAssert.IsProblemAsync(unanswerable, HttpStatusCode.Conflict);
        Assert.Equal(["accept", "note"], await ProblemAssert.IsValidationProblemAsync(noAnswer));
        Assert.Equal(ApplicationStatus.Submitted, (await GetAsync(applied.SeekerToken, applied.ApplicationId)).Status);
    }

    [Fact]
    public async Task Another_employer_seeker_or_region_can_neither_schedule_nor_answer_nor_see_the_interview()
    {
        var applied = await AppliedAsync();
        await ReadAsync(await ScheduleAsync(applied.EmployerToken, applied.ApplicationId, Slot(Tomorrow)));
        var otherEmployer = TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid());
        var otherSeeker = TestTokens.Seeker(Guid.NewGuid());
        var otherRegion = TestTokens.Caseworker(Guid.NewGuid(), "150800");
        var region = TestTokens.Caseworker(Guid.NewGuid(), "150200");

        using var byOtherEmployer = await ScheduleAsync(otherEmployer, applied.ApplicationId, Slot(Tomorrow));
        using var cancelByOtherEmployer = await CancelAsync(otherEmployer, applied.ApplicationId);
        using var byOtherRegion = await ScheduleAsync(otherRegion, applied.ApplicationId, Slot(Tomorrow));
        using var bySeeker = await ScheduleAsync(applied.SeekerToken, applied.ApplicationId, Slot(Tomorrow));
        using var answerByOtherSeeker = await AnswerAsync(otherSeeker, applied.ApplicationId, accept: true);
        using var answerByEmployer = await AnswerAsync(applied.EmployerToken, applied.ApplicationId, accept: true);
        using var readByOtherEmployer = await Factory.ClientWithToken(otherEmployer).GetAsync(new Uri($"/api/applications/{applied.ApplicationId}", UriKind.Relative));
        var byRegion = await ReadAsync(await ScheduleAsync(region, applied.ApplicationId, Slot(Tomorrow.AddHours(3))));

        Assert.Equal(HttpStatusCode.NotFound, byOtherEmployer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancelByOtherEmployer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherRegion.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySeeker.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answerByOtherSeeker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, answerByEmployer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readByOtherEmployer.StatusCode);
        Assert.Equal(2, byRegion.Interview!.Revision);
        Assert.Equal(InterviewStatus.Proposed, (await GetAsync(applied.SeekerToken, applied.ApplicationId)).Interview!.Status);
    }

    [Fact]
    public async Task A_decided_application_gets_no_interview()
    {
        var applied = await AppliedAsync();
        using (var employer = Factory.ClientWithToken(applied.EmployerToken))
        {
            using var rejected = await employer.PostAsJsonAsync($"/api/applications/{applied.ApplicationId}/status", new { status = "rejected", reason = "岗位已满。" });
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        using var scheduled = await ScheduleAsync(applied.EmployerToken, applied.ApplicationId, Slot(Tomorrow));

        await ProblemAssert.IsProblemAsync(scheduled, HttpStatusCode.Conflict);
        Assert.Null((await GetAsync(applied.SeekerToken, applied.ApplicationId)).Interview);
    }

    [Fact]
    public async Task A_contact_request_asks_the_seeker_once_and_records_their_answer()
    {
        var applied = await AppliedAsync();
        using var employer = Factory.ClientWithToken(applied.EmployerToken);
        using var seeker = Factory.ClientWithToken(applied.SeekerToken);

        var requested = await ReadAsync(await employer.PostAsync(new Uri($"/api/applications/{applied.ApplicationId}/contact-request", UriKind.Relative), null));
        var again = await ReadAsync(await employer.PostAsync(new Uri($"/api/applications/{applied.ApplicationId}/contact-request", UriKind.Relative), null));
        var seekerSees = await GetAsync(applied.SeekerToken, applied.ApplicationId);
        var accepted = await ReadAsync(await seeker.PostAsJsonAsync($"/api/applications/{applied.ApplicationId}/contact-request/answer", new { accept = true }));
        using var answerAgain = await seeker.PostAsJsonAsync($"/api/applications/{applied.ApplicationId}/contact-request/answer", new { accept = false });

        Assert.Equal((ContactRequestStatus.Requested, ContactRequestStatus.Requested, ContactRequestStatus.Requested),
            (requested.ContactRequest, again.ContactRequest, seekerSees.ContactRequest));
        Assert.Equal(ContactRequestStatus.Accepted, accepted.ContactRequest);
        await ProblemAssert.IsProblemAsync(answerAgain, HttpStatusCode.Conflict);
        var events = await EventsAsync(applied.PostingId);
        Assert.Equal(["ApplicationSubmitted", "ContactRequested", "ContactRequestAnswered"], events.Select(e => e.Type));
        Assert.Equal((applied.SeekerId, "挤奶工"), (events[1].Body.GetProperty("seekerId").GetGuid(), events[1].Body.GetProperty("postingTitle").GetString()));
        Assert.Equal((applied.EmployerId, true), (events[2].Body.GetProperty("employerId").GetGuid(), events[2].Body.GetProperty("accepted").GetBoolean()));
    }

    [Fact]
    public async Task A_declined_contact_request_is_not_asked_again_and_only_the_postings_employer_asks()
    {
        var applied = await AppliedAsync();
        using var employer = Factory.ClientWithToken(applied.EmployerToken);
        using var seeker = Factory.ClientWithToken(applied.SeekerToken);
        using var otherEmployer = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        var path = new Uri($"/api/applications/{applied.ApplicationId}/contact-request", UriKind.Relative);

        using var byOther = await otherEmployer.PostAsync(path, null);
        using var bySeeker = await seeker.PostAsync(path, null);
        using var byCaseworker = await caseworker.PostAsync(path, null);
        using var nothingToAnswer = await seeker.PostAsJsonAsync($"/api/applications/{applied.ApplicationId}/contact-request/answer", new { accept = true });
        await ReadAsync(await employer.PostAsync(path, null));
        using var otherSeekerAnswers = await Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()))
            .PostAsJsonAsync($"/api/applications/{applied.ApplicationId}/contact-request/answer", new { accept = true });
        using var unsaid = await seeker.PostAsJsonAsync($"/api/applications/{applied.ApplicationId}/contact-request/answer", new { });
        var declined = await ReadAsync(await seeker.PostAsJsonAsync($"/api/applications/{applied.ApplicationId}/contact-request/answer", new { accept = false }));
        using var askedAgain = await employer.PostAsync(path, null);

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySeeker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCaseworker.StatusCode);
        await ProblemAssert.IsProblemAsync(nothingToAnswer, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, otherSeekerAnswers.StatusCode);
        Assert.Equal(["accept"], await ProblemAssert.IsValidationProblemAsync(unsaid));
        Assert.Equal(ContactRequestStatus.Declined, declined.ContactRequest);
        await ProblemAssert.IsProblemAsync(askedAgain, HttpStatusCode.Conflict);
    }
}
