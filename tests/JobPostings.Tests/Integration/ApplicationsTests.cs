using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using JobPostings.Api.Applications;
using JobPostings.Api.FollowUps;
using MassTransit;

namespace JobPostings.Tests.Integration;

/// <summary>Applying, moving an application on, withdrawing, and caseworkers' follow-up visits — each change an event.</summary>
public sealed class ApplicationsTests : PostingsHost
{
    private async Task<(Guid EmployerId, Guid PostingId, Guid SeekerId, ApplicationResponse Application)> AppliedAsync()
    {
        var employerId = Guid.NewGuid();
        var posting = await CreatePublishedAsync(employerId);
        var seekerId = Guid.NewGuid();
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using var response = await seeker.PostAsJsonAsync($"/api/postings/{posting.Id}/applications", new { coverNote = "五年焊工经验。" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (employerId, posting.Id, seekerId, (await response.Content.ReadFromJsonAsync<ApplicationResponse>(Json))!);
    }

    private async Task<List<(string Type, JsonElement Body)>> ApplicationEventsAsync(Guid postingId) =>
        (await OutboxAsync(postingId)).Where(row => row.MessageType.Contains("Application", StringComparison.Ordinal) || row.MessageType.Contains("FollowUp", StringComparison.Ordinal))
            .Select(row => (row.MessageType.Replace("JobMatch.Contracts.", "", StringComparison.Ordinal), JsonDocument.Parse(row.Body).RootElement)).ToList();

    internal static Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid applicationId, string status, string? reason = null) =>
        client.PostAsJsonAsync($"/api/applications/{applicationId}/status", new { status, reason });

    [Fact]
    public async Task A_seeker_applies_once_and_sees_the_status()
    {
        var (_, postingId, seekerId, application) = await AppliedAsync();
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));

        using var again = await seeker.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { });
        var mine = (await seeker.GetFromJsonAsync<List<ApplicationResponse>>(new Uri("/api/applications/mine", UriKind.Relative), Json))!;

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal([(application.Id, ApplicationStatus.Submitted, "Welder")], mine.Select(a => (a.Id, a.Status, a.PostingTitle)));
        var events = await ApplicationEventsAsync(postingId);
        Assert.Equal(["ApplicationSubmitted"], events.Select(e => e.Type));
        Assert.Equal(seekerId, events[0].Body.GetProperty("seekerId").GetGuid());
    }

    [Fact]
    public async Task A_deleted_seekers_applications_and_cover_notes_are_gone_for_the_employer()
    {
        var (employerId, postingId, seekerId, _) = await AppliedAsync();
        var keptSeekerId = Guid.NewGuid();
        using var keptSeeker = Factory.ClientWithToken(TestTokens.Seeker(keptSeekerId));
        using var keptApplication = await keptSeeker.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { coverNote = "我也想试试。" });
        var kept = (await keptApplication.Content.ReadFromJsonAsync<ApplicationResponse>(Json))!;
        var messageId = NewId.NextGuid();

        await Factory.Bus.Publish(new SeekerDeleted(seekerId, DateTimeOffset.UtcNow), context => context.MessageId = messageId);
        await Eventually.GetAsync(async () =>
        {
            await using var connection = await Factory.DataSource.OpenConnectionAsync();
            return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox WHERE message_id = @messageId", new { messageId });
        }, count => count == 1, "SeekerDeleted consumed");

        using var employer = Factory.ClientWithToken(EmployerToken(employerId));
        Assert.Equal([keptSeekerId], (await employer.GetFromJsonAsync<ApplicantsPage>(new Uri($"/api/postings/{postingId}/applications", UriKind.Relative), Json))!.Items
            .Select(application => application.SeekerId));
        using var deleted = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        Assert.Empty((await deleted.GetFromJsonAsync<List<ApplicationResponse>>(new Uri("/api/applications/mine", UriKind.Relative), Json))!);
        Assert.Equal([kept.Id], (await keptSeeker.GetFromJsonAsync<List<ApplicationResponse>>(new Uri("/api/applications/mine", UriKind.Relative), Json))!.Select(a => a.Id));
    }

    [Fact]
    public async Task Nobody_applies_to_a_draft_or_a_closed_posting()
    {
        var employerId = Guid.NewGuid();
        var draft = await CreateAsync(employerId);
        var closed = await CreatePublishedAsync(employerId, "Closed job");
        using (var owner = Factory.ClientWithToken(EmployerToken(employerId)))
            (await owner.PostAsync(new Uri($"/api/postings/{closed.Id}/close", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        using var toDraft = await seeker.PostAsJsonAsync($"/api/postings/{draft.Id}/applications", new { });
        using var toClosed = await seeker.PostAsJsonAsync($"/api/postings/{closed.Id}/applications", new { });

        Assert.Equal(HttpStatusCode.NotFound, toDraft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, toClosed.StatusCode);
    }

    [Fact]
    public async Task The_employer_moves_an_application_to_hired_and_the_seeker_sees_each_step()
    {
        var (employerId, postingId, seekerId, application) = await AppliedAsync();
        using var employer = Factory.ClientWithToken(EmployerToken(employerId));
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));

        foreach (var status in new[] { "viewed", "interview", "offer", "hired" })
        {
            using var response = await MoveAsync(employer, application.Id, status);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var seen = await seeker.GetFromJsonAsync<ApplicationResponse>(new Uri($"/api/applications/{application.Id}", UriKind.Relative), Json);
            Assert.Equal(status, JsonNamingPolicy.CamelCase.ConvertName(seen!.Status.ToString()));
        }

        var changes = (await ApplicationEventsAsync(postingId)).Where(e => e.Type == "ApplicationStatusChanged")
            .Select(e => (e.Body.GetProperty("from").GetString(), e.Body.GetProperty("to").GetString()));
        Assert.Equal([("submitted", "viewed"), ("viewed", "interview"), ("interview", "offer"), ("offer", "hired")], changes);
        var applicants = (await employer.GetFromJsonAsync<ApplicantsPage>(new Uri($"/api/postings/{postingId}/applications", UriKind.Relative), Json))!.Items;
        Assert.Equal([(application.Id, ApplicationStatus.Hired)], applicants.Select(a => (a.Id, a.Status)));
    }

    [Fact]
    public async Task Rejection_needs_a_reason_and_steps_cannot_be_skipped_or_undone()
    {
        var (employerId, _, _, application) = await AppliedAsync();
        using var employer = Factory.ClientWithToken(EmployerToken(employerId));

        using var skip = await MoveAsync(employer, application.Id, "hired");
        using var noReason = await MoveAsync(employer, application.Id, "rejected");
        using var rejected = await MoveAsync(employer, application.Id, "rejected", "岗位已招满。");
        using var undo = await MoveAsync(employer, application.Id, "interview");

        await ProblemAssert.IsProblemAsync(skip, HttpStatusCode.Conflict);
        Assert.Equal(["reason"], await ProblemAssert.IsValidationProblemAsync(noReason));
        var body = (await rejected.Content.ReadFromJsonAsync<ApplicationResponse>(Json))!;
        Assert.Equal((ApplicationStatus.Rejected, "岗位已招满。"), (body.Status, body.Reason));
        await ProblemAssert.IsProblemAsync(undo, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_seeker_withdraws_until_the_application_is_decided_and_nobody_else_can()
    {
        var (_, postingId, seekerId, application) = await AppliedAsync();
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using var otherSeeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        using var byOther = await otherSeeker.PostAsync(new Uri($"/api/applications/{application.Id}/withdraw", UriKind.Relative), null);
        using var withdrawn = await seeker.PostAsync(new Uri($"/api/applications/{application.Id}/withdraw", UriKind.Relative), null);
        using var again = await seeker.PostAsync(new Uri($"/api/applications/{application.Id}/withdraw", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(ApplicationStatus.Withdrawn, (await withdrawn.Content.ReadFromJsonAsync<ApplicationResponse>(Json))!.Status);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(("submitted", "withdrawn"), (await ApplicationEventsAsync(postingId)).Where(e => e.Type == "ApplicationStatusChanged")
            .Select(e => (e.Body.GetProperty("from").GetString(), e.Body.GetProperty("to").GetString())).Single());
    }

    [Fact]
    public async Task Another_employer_or_seeker_can_neither_see_nor_move_an_application()
    {
        var (_, postingId, _, application) = await AppliedAsync();
        using var otherEmployer = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));
        using var otherSeeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var owningSeeker = Factory.ClientWithToken(TestTokens.Seeker(application.SeekerId));

        using var employerGet = await otherEmployer.GetAsync(new Uri($"/api/applications/{application.Id}", UriKind.Relative));
        using var employerMove = await MoveAsync(otherEmployer, application.Id, "viewed");
        using var employerWithdraw = await otherEmployer.PostAsync(new Uri($"/api/applications/{application.Id}/withdraw", UriKind.Relative), null);
        using var seekerGet = await otherSeeker.GetAsync(new Uri($"/api/applications/{application.Id}", UriKind.Relative));
        using var seekerMove = await MoveAsync(otherSeeker, application.Id, "viewed");
        using var seekerList = await otherSeeker.GetAsync(new Uri($"/api/postings/{postingId}/applications", UriKind.Relative));
        using var selfPromotion = await MoveAsync(owningSeeker, application.Id, "hired");

        Assert.Equal(HttpStatusCode.NotFound, employerGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, employerMove.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employerWithdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, seekerGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, seekerMove.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, seekerList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfPromotion.StatusCode);
        Assert.Equal(["ApplicationSubmitted"], (await ApplicationEventsAsync(postingId)).Select(e => e.Type));
    }

    [Fact]
    public async Task A_caseworker_of_the_region_records_follow_up_visits_as_events()
    {
        var (_, postingId, seekerId, application) = await AppliedAsync();
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));

        using var missingDays = await caseworker.PostAsJsonAsync($"/api/applications/{application.Id}/follow-ups", new { outcome = "leftJob" });
        using var hired = await caseworker.PostAsJsonAsync($"/api/applications/{application.Id}/follow-ups", new { outcome = "hired", note = "已签合同。" });
        var nextContact = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        using var left = await caseworker.PostAsJsonAsync($"/api/applications/{application.Id}/follow-ups",
            new { outcome = "leftJob", daysInJob = 45, nextContactOn = nextContact.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        using var pastNextContact = await caseworker.PostAsJsonAsync($"/api/applications/{application.Id}/follow-ups", new { outcome = "stillSeeking", nextContactOn = "2020-01-01" });
        var visits = (await caseworker.GetFromJsonAsync<List<FollowUpResponse>>(new Uri($"/api/applications/{application.Id}/follow-ups", UriKind.Relative), Json))!;

        Assert.Equal(["daysInJob"], await ProblemAssert.IsValidationProblemAsync(missingDays));
        Assert.Equal(HttpStatusCode.Created, hired.StatusCode);
        Assert.Equal(HttpStatusCode.Created, left.StatusCode);
        Assert.Equal(["nextContactOn"], await ProblemAssert.IsValidationProblemAsync(pastNextContact));
        Assert.Equal([(FollowUpOutcome.Hired, (int?)null, (DateOnly?)null), (FollowUpOutcome.LeftJob, 45, nextContact)],
            visits.Select(v => (v.Outcome, v.DaysInJob, v.NextContactOn)));
        var recorded = (await ApplicationEventsAsync(postingId)).Where(e => e.Type == "FollowUpRecorded").Select(e => e.Body).ToList();
        Assert.Equal(["hired", "left-job"], recorded.Select(body => body.GetProperty("outcome").GetString()));
        Assert.All(recorded, body => Assert.Equal(seekerId, body.GetProperty("seekerId").GetGuid()));
        Assert.Equal(45, recorded[1].GetProperty("daysInJob").GetInt32());
    }

    [Fact]
    public async Task Follow_ups_are_for_caseworkers_of_the_postings_region_only()
    {
        var (employerId, _, _, application) = await AppliedAsync();
        using var elsewhere = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        using var employer = Factory.ClientWithToken(EmployerToken(employerId));

        using var fromElsewhere = await elsewhere.PostAsJsonAsync($"/api/applications/{application.Id}/follow-ups", new { outcome = "hired" });
        using var listElsewhere = await elsewhere.GetAsync(new Uri($"/api/applications/{application.Id}/follow-ups", UriKind.Relative));
        using var fromEmployer = await employer.PostAsJsonAsync($"/api/applications/{application.Id}/follow-ups", new { outcome = "hired" });

        Assert.Equal(HttpStatusCode.NotFound, fromElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, listElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromEmployer.StatusCode);
    }
    [Fact]
    public async Task No_hire_is_recorded_on_a_rejected_or_withdrawn_application_and_the_field_is_named_in_Chinese_or_English()
    {
        var (employerId, rejectedPosting, _, rejected) = await AppliedAsync();
        var (_, withdrawnPosting, seekerId, withdrawn) = await AppliedAsync();
        using (var employer = Factory.ClientWithToken(EmployerToken(employerId)))
            Assert.Equal(HttpStatusCode.OK, (await MoveAsync(employer, rejected.Id, "rejected", "岗位已招满。")).StatusCode);
        using (var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId)))
            Assert.Equal(HttpStatusCode.OK, (await seeker.PostAsync(new Uri($"/api/applications/{withdrawn.Id}/withdraw", UriKind.Relative), null)).StatusCode);
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        using var english = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var hiredOnRejected = await caseworker.PostAsJsonAsync($"/api/applications/{rejected.Id}/follow-ups", new { outcome = "hired" });
        using var hiredOnWithdrawn = await english.PostAsJsonAsync($"/api/applications/{withdrawn.Id}/follow-ups", new { outcome = "hired" });
        using var stillSeeking = await caseworker.PostAsJsonAsync($"/api/applications/{rejected.Id}/follow-ups", new { outcome = "stillSeeking" });

        Assert.Equal(["outcome"], await ProblemAssert.IsValidationProblemAsync(hiredOnRejected));
        Assert.Contains("不能记录为通过它入职", await hiredOnRejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["outcome"], await ProblemAssert.IsValidationProblemAsync(hiredOnWithdrawn));
        Assert.Contains("rejected or withdrawn", await hiredOnWithdrawn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, stillSeeking.StatusCode);
        var recorded = (await ApplicationEventsAsync(rejectedPosting)).Concat(await ApplicationEventsAsync(withdrawnPosting))
            .Where(e => e.Type == "FollowUpRecorded").Select(e => e.Body.GetProperty("outcome").GetString());
        Assert.Equal(["still-seeking"], recorded);
    }

    [Fact]
    public async Task A_visit_found_out_later_keeps_its_day_but_never_one_before_the_application_or_in_the_future()
    {
        var (_, postingId, _, application) = await AppliedAsync();
        // The application was made six weeks ago (the world the test needs, set in the store; the API stamps "now").
        await using (var connection = await Factory.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE applications SET created_at = now() - interval '42 days' WHERE id = @Id", new { application.Id });
        }
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        using var english = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var hiredOn = DateTime.UtcNow.AddDays(-35);

        using var beforeApplying = await caseworker.PostAsJsonAsync($"/api/applications/{application.Id}/follow-ups",
            new { outcome = "hired", visitedAt = DateTime.UtcNow.AddDays(-50) });
        using var beforeApplyingEnglish = await english.PostAsJsonAsync($"/api/applications/{application.Id}/follow-ups",
            new { outcome = "hired", visitedAt = DateTime.UtcNow.AddDays(-50) });
        using var inTheFuture = await english.PostAsJsonAsync($"/api/applications/{application.Id}/follow-ups",
            new { outcome = "hired", visitedAt = DateTime.UtcNow.AddDays(2) });
        using var earlier = await caseworker.PostAsJsonAsync($"/api/applications/{application.Id}/follow-ups", new { outcome = "hired", visitedAt = hiredOn });

        Assert.Equal(["visitedAt"], await ProblemAssert.IsValidationProblemAsync(beforeApplying));
        Assert.Contains("回访日期不能早于求职申请日期", await beforeApplying.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["visitedAt"], await ProblemAssert.IsValidationProblemAsync(beforeApplyingEnglish));
        Assert.Contains("cannot be before the application", await beforeApplyingEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["visitedAt"], await ProblemAssert.IsValidationProblemAsync(inTheFuture));
        Assert.Equal(HttpStatusCode.Created, earlier.StatusCode);
        // The event carries the day of the placement, so the register's placed_at and the monthly figures count it then.
        var recorded = Assert.Single(await ApplicationEventsAsync(postingId), e => e.Type == "FollowUpRecorded");
        Assert.Equal(DateOnly.FromDateTime(hiredOn), DateOnly.FromDateTime(recorded.Body.GetProperty("visitedAt").GetDateTimeOffset().UtcDateTime));
    }

    [Fact]
    public async Task Staff_list_a_seekers_applications_in_their_regions_only_and_without_cover_notes()
    {
        var (_, _, seekerId, application) = await AppliedAsync();
        using var ofTheRegion = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        using var elsewhere = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));

        var listed = (await ofTheRegion.GetFromJsonAsync<List<ApplicationResponse>>(new Uri($"/api/applications?seekerId={seekerId}&reason=跟进就业", UriKind.Relative), Json))!;
        var fromElsewhere = (await elsewhere.GetFromJsonAsync<List<ApplicationResponse>>(new Uri($"/api/applications?seekerId={seekerId}&reason=跟进就业", UriKind.Relative), Json))!;
        using var withoutSeeker = await ofTheRegion.GetAsync(new Uri("/api/applications?reason=跟进就业", UriKind.Relative));
        using var withoutReason = await ofTheRegion.GetAsync(new Uri($"/api/applications?seekerId={seekerId}", UriKind.Relative));
        using var asSeeker = await seeker.GetAsync(new Uri($"/api/applications?seekerId={seekerId}", UriKind.Relative));

        Assert.Equal([(application.Id, "Welder", (string?)null)], listed.Select(a => (a.Id, a.PostingTitle, a.CoverNote)));
        Assert.Empty(fromElsewhere);
        Assert.Equal(["seekerId"], await ProblemAssert.IsValidationProblemAsync(withoutSeeker));
        Assert.Equal(["reason"], await ProblemAssert.IsValidationProblemAsync(withoutReason));
        Assert.Equal(HttpStatusCode.Forbidden, asSeeker.StatusCode);
        // The read that showed something is in the seeker's audit trail (the profile service keeps it); the empty one is not.
        var read = Assert.Single(await StaffReadsAsync(seekerId));
        Assert.Equal("list-applications", read.GetProperty("action").GetString());
        Assert.Equal("跟进就业", read.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Staff_listing_a_postings_applicants_give_a_reason_and_each_applicant_gets_an_audit_entry_the_owner_none()
    {
        var (employerId, postingId, seekerId, _) = await AppliedAsync();
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));
        using var owner = Factory.ClientWithToken(EmployerToken(employerId));

        using var withoutReason = await caseworker.GetAsync(new Uri($"/api/postings/{postingId}/applications", UriKind.Relative));
        using var byOwner = await owner.GetAsync(new Uri($"/api/postings/{postingId}/applications", UriKind.Relative));
        Assert.Equal(["reason"], await ProblemAssert.IsValidationProblemAsync(withoutReason));
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.Empty(await StaffReadsAsync(seekerId));

        var listed = (await caseworker.GetFromJsonAsync<ApplicantsPage>(
            new Uri($"/api/postings/{postingId}/applications?reason=check+the+shortlist", UriKind.Relative), Json))!.Items;

        Assert.Equal([seekerId], listed.Select(a => a.SeekerId));
        Assert.Equal("list-applicants", Assert.Single(await StaffReadsAsync(seekerId)).GetProperty("action").GetString());
    }
}
