using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Testing;
using JobPostings.Api.Postings;
using JobPostings.Api.Screening;
using Microsoft.Extensions.DependencyInjection;

namespace JobPostings.Tests.Integration;

/// <summary>Screening on publish, the caseworkers' review queue, editing, and expiry — each step with its event.</summary>
public sealed class ScreeningAndReviewTests : PostingsHost
{
    protected override bool HostPerTest => true;

    private const string Discriminatory = "招聘电焊工，限男性，年龄35岁以下，本地户籍。";

    [Fact]
    public async Task A_clean_posting_passes_submitted_and_screening_to_published_each_as_an_event()
    {
        var posting = await SubmitAsync(Guid.NewGuid(), PostingWith("电焊工", "钢结构焊接，持焊工证，男女不限，不收取任何费用。"));

        Assert.Equal(PostingStatus.Published, posting.Status);
        Assert.Equal([("draft", "submitted"), ("submitted", "screening"), ("screening", "published")], await TransitionsAsync(posting.Id));
        Assert.Single(await AnnouncementsAsync(posting.Id));
    }

    [Fact]
    public async Task A_flagged_posting_waits_for_review_names_its_rules_and_is_not_announced_to_matching()
    {
        var employerId = Guid.NewGuid();

        var posting = await SubmitAsync(employerId, PostingWith("电焊工", Discriminatory));

        Assert.Equal(PostingStatus.NeedsReview, posting.Status);
        Assert.Equal(("screening", "needsReview"), (await TransitionsAsync(posting.Id))[^1]);
        Assert.Empty(await AnnouncementsAsync(posting.Id));
        Assert.Contains(await OutboxAsync(posting.Id), row => row.MessageType == "JobMatch.Contracts.PostingFlagged");
        using var owner = Factory.ClientWithToken(EmployerToken(employerId));
        var flags = (await owner.GetFromJsonAsync<List<ScreeningFlag>>(new Uri($"/api/postings/{posting.Id}/flags", UriKind.Relative), Json))!;
        Assert.Equal(["age", "gender", "household-registration"], flags.Select(flag => flag.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(flags, flag => flag.Rule == "gender.zh-restriction" && flag.MatchedText == "限男性");
        Assert.Contains(flags, flag => flag.Kind == "age" && flag.MatchedText == "35岁以下");
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        using var hidden = await seeker.GetAsync(new Uri($"/api/postings/{posting.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task A_caseworker_of_the_region_sees_the_flagged_posting_in_the_queue_and_approves_it()
    {
        var posting = await SubmitAsync(Guid.NewGuid(), PostingWith("电焊工", Discriminatory));
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));

        var queue = (await caseworker.GetFromJsonAsync<List<ReviewItem>>(new Uri("/api/review", UriKind.Relative), Json))!;
        using var approve = await caseworker.PostAsync(new Uri($"/api/review/{posting.Id}/approve", UriKind.Relative), null);

        Assert.Equal([posting.Id], queue.Select(item => item.Posting.Id));
        Assert.NotEmpty(queue[0].Flags);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(PostingStatus.Published, (await approve.Content.ReadFromJsonAsync<PostingResponse>(Json))!.Status);
        Assert.Equal(("needsReview", "published"), (await TransitionsAsync(posting.Id))[^1]);
        Assert.Equal(["JobMatch.Contracts.JobPublished"], (await AnnouncementsAsync(posting.Id)).Select(row => row.MessageType));
    }

    [Fact]
    public async Task A_caseworker_of_another_region_neither_sees_nor_decides_the_flagged_posting()
    {
        var posting = await SubmitAsync(Guid.NewGuid(), PostingWith("电焊工", Discriminatory, regionCode: "150203"));
        using var elsewhere = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        var queue = (await elsewhere.GetFromJsonAsync<List<ReviewItem>>(new Uri("/api/review", UriKind.Relative), Json))!;
        using var approve = await elsewhere.PostAsync(new Uri($"/api/review/{posting.Id}/approve", UriKind.Relative), null);
        using var get = await elsewhere.GetAsync(new Uri($"/api/postings/{posting.Id}", UriKind.Relative));

        Assert.Empty(queue);
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(PostingStatus.NeedsReview, (await Factory.Services.GetRequiredService<PostingStore>().FindAsync(posting.Id, default))!.State);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_then_rejects_with_it()
    {
        var posting = await SubmitAsync(Guid.NewGuid(), PostingWith("电焊工", Discriminatory));
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150203"));

        using var withoutReason = await caseworker.PostAsJsonAsync($"/api/review/{posting.Id}/reject", new { reason = " " });
        using var rejected = await caseworker.PostAsJsonAsync($"/api/review/{posting.Id}/reject", new { reason = "性别、年龄和户籍限制违反就业促进法。" });

        Assert.Equal(["reason"], await ProblemAssert.IsValidationProblemAsync(withoutReason));
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var body = (await rejected.Content.ReadFromJsonAsync<PostingResponse>(Json))!;
        Assert.Equal(PostingStatus.Rejected, body.Status);
        Assert.Equal("性别、年龄和户籍限制违反就业促进法。", body.ReviewNote);
        Assert.Equal(("needsReview", "rejected"), (await TransitionsAsync(posting.Id))[^1]);
        Assert.Empty(await AnnouncementsAsync(posting.Id));
    }

    [Fact]
    public async Task A_returned_posting_is_a_draft_again_that_its_employer_edits_and_resubmits_clean()
    {
        var employerId = Guid.NewGuid();
        var posting = await SubmitAsync(employerId, PostingWith("电焊工", Discriminatory));
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150203"));
        using var owner = Factory.ClientWithToken(EmployerToken(employerId));

        using var returned = await caseworker.PostAsJsonAsync($"/api/review/{posting.Id}/return", new { reason = "请删除性别、年龄和户籍要求。" });
        using var edited = await owner.PutAsJsonAsync($"/api/postings/{posting.Id}", PostingWith("电焊工", "招聘电焊工，持焊工证，男女不限。"));
        using var published = await owner.PostAsync(new Uri($"/api/postings/{posting.Id}/publish", UriKind.Relative), null);

        Assert.Equal(PostingStatus.Draft, (await returned.Content.ReadFromJsonAsync<PostingResponse>(Json))!.Status);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(PostingStatus.Published, (await published.Content.ReadFromJsonAsync<PostingResponse>(Json))!.Status);
        Assert.Contains(await OutboxAsync(posting.Id), row => row.MessageType == "JobMatch.Contracts.PostingEdited");
        Assert.Equal(
            [("draft", "submitted"), ("submitted", "screening"), ("screening", "needsReview"), ("needsReview", "draft"),
             ("draft", "submitted"), ("submitted", "screening"), ("screening", "published")],
            await TransitionsAsync(posting.Id));
        Assert.Empty((await owner.GetFromJsonAsync<List<ScreeningFlag>>(new Uri($"/api/postings/{posting.Id}/flags", UriKind.Relative), Json))!);
    }

    [Fact]
    public async Task A_published_posting_cannot_be_edited_or_reviewed()
    {
        var employerId = Guid.NewGuid();
        var posting = await CreatePublishedAsync(employerId);
        using var owner = Factory.ClientWithToken(EmployerToken(employerId));
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150203"));

        using var edit = await owner.PutAsJsonAsync($"/api/postings/{posting.Id}", ValidPosting("Changed"));
        using var approve = await caseworker.PostAsync(new Uri($"/api/review/{posting.Id}/approve", UriKind.Relative), null);

        await ProblemAssert.IsProblemAsync(edit, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(approve, HttpStatusCode.Conflict);
        Assert.Equal("Welder", (await GetAsOwnerAsync(employerId, posting.Id)).Title);
    }

    [Fact]
    public async Task Editing_a_draft_validates_every_field()
    {
        var employerId = Guid.NewGuid();
        var draft = await CreateAsync(employerId);
        using var owner = Factory.ClientWithToken(EmployerToken(employerId));

        using var response = await owner.PutAsJsonAsync($"/api/postings/{draft.Id}", new { title = "", regionCode = "110000", experienceYears = 99 });

        Assert.Equal(["experienceYears", "regionCode", "title"], await ProblemAssert.IsValidationProblemAsync(response));
        Assert.Equal("Welder", (await GetAsOwnerAsync(employerId, draft.Id)).Title);
    }

    [Fact]
    public async Task The_same_posting_from_a_second_employer_is_held_as_a_duplicate()
    {
        var body = PostingWith("仓库管理员", "负责仓库出入库登记与盘点，熟练使用办公软件。");
        var first = await SubmitAsync(Guid.NewGuid(), body);

        var copy = await SubmitAsync(Guid.NewGuid(), body);

        Assert.Equal(PostingStatus.Published, first.Status);
        Assert.Equal(PostingStatus.NeedsReview, copy.Status);
        var flags = await Factory.Services.GetRequiredService<PostingStore>().FlagsAsync(copy.Id, default);
        Assert.Equal(["duplicate.other-employer"], flags.Select(flag => flag.Rule));
    }

    [Fact]
    public async Task A_posting_past_its_validity_leaves_listing_at_once_and_is_expired_with_JobClosed()
    {
        var employerId = Guid.NewGuid();
        var posting = await CreatePublishedAsync(employerId, "Short-lived job");
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));
        Assert.Contains((await seeker.GetFromJsonAsync<PostingPage>(new Uri("/api/postings", UriKind.Relative), Json))!.Items, item => item.Id == posting.Id);

        await using (var connection = await Factory.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("UPDATE postings SET valid_until = now() - interval '1 second' WHERE id = @id", new { id = posting.Id });

        var expired = await Eventually.GetAsync(() => GetAsOwnerAsync(employerId, posting.Id), p => p.Status == PostingStatus.Expired, "the posting expired");
        Assert.NotNull(expired.ClosedAt);
        Assert.DoesNotContain((await seeker.GetFromJsonAsync<PostingPage>(new Uri("/api/postings", UriKind.Relative), Json))!.Items, item => item.Id == posting.Id);
        var closed = (await AnnouncementsAsync(posting.Id)).Single(row => row.MessageType == "JobMatch.Contracts.JobClosed");
        Assert.Equal("expired", JsonDocument.Parse(closed.Body).RootElement.GetProperty("reason").GetString());
        Assert.Equal(("published", "expired"), (await TransitionsAsync(posting.Id))[^1]);
    }
}
