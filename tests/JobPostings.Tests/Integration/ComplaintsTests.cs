using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Testing;
using JobPostings.Api.Complaints;
using JobPostings.Api.Postings;
using JobPostings.Api.Screening;

namespace JobPostings.Tests.Integration;

/// <summary>
/// Reporting a published posting: it joins its region's review queue with the complaint shown, stays live until a
/// caseworker decides, and is taken down (JobClosed) only when the caseworker upholds the complaint.
/// </summary>
public sealed class ComplaintsTests : PostingsHost
{
    protected override bool HostPerTest => true; // judges or lists every posting stored

    private static Uri Complaints(Guid postingId) => new($"/api/postings/{postingId}/complaints", UriKind.Relative);

    private static readonly object Discrimination = new { category = "discrimination", text = "面试时说只要男的，女的不考虑。" };

    private async Task<List<ReviewItem>> QueueAsync(string region)
    {
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), region));
        return (await caseworker.GetFromJsonAsync<List<ReviewItem>>(new Uri("/api/review", UriKind.Relative), Json))!;
    }

    [Fact]
    public async Task A_report_puts_the_live_posting_on_its_regions_queue_with_the_complaint_and_no_one_elses()
    {
        var posting = await CreatePublishedAsync(Guid.NewGuid());
        var seekerId = Guid.NewGuid();
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));

        using var filed = await seeker.PostAsJsonAsync(Complaints(posting.Id), Discrimination);

        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var complaint = (await filed.Content.ReadFromJsonAsync<ComplaintResponse>(Json))!;
        Assert.Equal((ComplaintCategory.Discrimination, "面试时说只要男的，女的不考虑。"), (complaint.Category, complaint.Text));
        var item = Assert.Single(await QueueAsync("150200"));
        Assert.Equal((posting.Id, PostingStatus.Published), (item.Posting.Id, item.Posting.Status));
        Assert.Equal([complaint.Id], item.Complaints!.Select(c => c.Id));
        Assert.Empty(await QueueAsync("150100"));
        Assert.Equal(PostingStatus.Published, (await GetAsOwnerAsync(posting.EmployerId, posting.Id)).Status);
        // The event names the posting and the category; neither the complainant nor their words leave the service.
        var reported = Assert.Single(await OutboxAsync(posting.Id), row => row.MessageType == "JobMatch.Contracts.PostingReported");
        var body = JsonDocument.Parse(reported.Body).RootElement;
        Assert.Equal("discrimination", body.GetProperty("category").GetString());
        Assert.DoesNotContain(seekerId.ToString(), reported.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("面试", reported.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dismissing_keeps_the_posting_up_and_upholding_takes_it_down_for_matching_too()
    {
        var posting = await CreatePublishedAsync(Guid.NewGuid());
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150203"));
        using (var first = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid())))
            Assert.Equal(HttpStatusCode.Created, (await first.PostAsJsonAsync(Complaints(posting.Id), Discrimination)).StatusCode);

        using var dismissed = await caseworker.PostAsync(new Uri($"/api/review/{posting.Id}/approve", UriKind.Relative), null);

        Assert.Equal(PostingStatus.Published, (await dismissed.Content.ReadFromJsonAsync<PostingResponse>(Json))!.Status);
        Assert.Empty(await QueueAsync("150203"));
        Assert.DoesNotContain(await AnnouncementsAsync(posting.Id), row => row.MessageType == "JobMatch.Contracts.JobClosed");

        using (var second = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid())))
            Assert.Equal(HttpStatusCode.Created, (await second.PostAsJsonAsync(Complaints(posting.Id), new { category = "fee", text = "面试要交300元押金。" })).StatusCode);
        using var upheld = await caseworker.PostAsJsonAsync($"/api/review/{posting.Id}/reject", new { reason = "收取押金，违反规定。" });

        var rejected = (await upheld.Content.ReadFromJsonAsync<PostingResponse>(Json))!;
        Assert.Equal((PostingStatus.Rejected, "收取押金，违反规定。"), (rejected.Status, rejected.ReviewNote));
        Assert.Equal(("published", "rejected"), (await TransitionsAsync(posting.Id))[^1]);
        var closed = Assert.Single(await AnnouncementsAsync(posting.Id), row => row.MessageType == "JobMatch.Contracts.JobClosed");
        Assert.Equal("rejected-after-complaint", JsonDocument.Parse(closed.Body).RootElement.GetProperty("reason").GetString());
        Assert.Empty(await QueueAsync("150203"));
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        Assert.Equal(["dismissed", "upheld"], await connection.QueryAsync<string>(
            "SELECT resolution FROM complaints WHERE posting_id = @id ORDER BY filed_at", new { id = posting.Id }));
    }

    [Fact]
    public async Task A_posting_returned_after_a_complaint_is_a_draft_its_employer_edits_and_resubmits()
    {
        var employerId = Guid.NewGuid();
        var posting = await CreatePublishedAsync(employerId);
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150203"));
        using var owner = Factory.ClientWithToken(EmployerToken(employerId));
        using (var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid())))
            await seeker.PostAsJsonAsync(Complaints(posting.Id), new { category = "misleadingPay", text = "实际工资只有一半。" });

        using var returned = await caseworker.PostAsJsonAsync($"/api/review/{posting.Id}/return", new { reason = "请写明实际底薪。" });
        using var edited = await owner.PutAsJsonAsync($"/api/postings/{posting.Id}", ValidPosting("Welder (base pay 5,000)"));
        using var republished = await owner.PostAsync(new Uri($"/api/postings/{posting.Id}/publish", UriKind.Relative), null);

        Assert.Equal(PostingStatus.Draft, (await returned.Content.ReadFromJsonAsync<PostingResponse>(Json))!.Status);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(PostingStatus.Published, (await republished.Content.ReadFromJsonAsync<PostingResponse>(Json))!.Status);
        Assert.Equal("returned-after-complaint",
            JsonDocument.Parse(Assert.Single(await AnnouncementsAsync(posting.Id), row => row.MessageType == "JobMatch.Contracts.JobClosed").Body)
                .RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_report_is_validated_and_each_person_reports_a_posting_once_until_it_is_decided()
    {
        var posting = await CreatePublishedAsync(Guid.NewGuid());
        var draft = await CreateAsync(Guid.NewGuid());
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var anonymous = Factory.CreateClient();

        using var empty = await seeker.PostAsJsonAsync(Complaints(posting.Id), new { });
        using var undefined = await seeker.PostAsJsonAsync(Complaints(posting.Id), new { category = 99, text = "a\u0000b" });
        using var tooLong = await seeker.PostAsJsonAsync(Complaints(posting.Id), new { category = "other", text = new string('字', FileComplaintRequest.MaxText + 1) });
        using var first = await seeker.PostAsJsonAsync(Complaints(posting.Id), Discrimination);
        using var again = await seeker.PostAsJsonAsync(Complaints(posting.Id), Discrimination);
        using var onDraft = await seeker.PostAsJsonAsync(Complaints(draft.Id), Discrimination);
        using var onNothing = await seeker.PostAsJsonAsync(Complaints(Guid.NewGuid()), Discrimination);
        using var byNobody = await anonymous.PostAsJsonAsync(Complaints(posting.Id), Discrimination);

        Assert.Equal(["category", "text"], await ProblemAssert.IsValidationProblemAsync(empty));
        Assert.Equal(["category", "text"], await ProblemAssert.IsValidationProblemAsync(undefined));
        Assert.Equal(["text"], await ProblemAssert.IsValidationProblemAsync(tooLong));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(onDraft, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(onNothing, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Single(Assert.Single(await QueueAsync("150200")).Complaints!);
    }

    [Fact]
    public async Task Another_employer_may_report_a_posting_but_a_closed_one_is_no_longer_reported()
    {
        var employerId = Guid.NewGuid();
        var posting = await CreatePublishedAsync(employerId);
        using var owner = Factory.ClientWithToken(EmployerToken(employerId));
        using var otherEmployer = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var byOtherEmployer = await otherEmployer.PostAsJsonAsync(Complaints(posting.Id), new { category = "fakePosting", text = "这家公司并不存在。" });
        await owner.PostAsync(new Uri($"/api/postings/{posting.Id}/close", UriKind.Relative), null);
        using var afterClosing = await otherEmployer.PostAsJsonAsync(Complaints(posting.Id), new { category = "other", text = "再次举报。" });

        Assert.Equal(HttpStatusCode.Created, byOtherEmployer.StatusCode);
        await ProblemAssert.IsProblemAsync(afterClosing, HttpStatusCode.NotFound);
        Assert.Empty(await QueueAsync("150200"));
    }
}
