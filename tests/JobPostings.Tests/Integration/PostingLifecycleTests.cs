using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Testing;
using JobPostings.Api.Postings;

namespace JobPostings.Tests.Integration;

/// <summary>Publishing and closing: the state changes, its event goes out through the outbox, and only the right callers may do it.</summary>
public sealed class PostingLifecycleTests : PostingsHost
{
    private const string JobPublishedType = "JobMatch.Contracts.JobPublished";
    private const string JobClosedType = "JobMatch.Contracts.JobClosed";

    [Fact]
    public async Task Publishing_a_draft_makes_it_published_and_relays_a_JobPublished_event()
    {
        var employerId = Guid.NewGuid();
        var draft = await CreateAsync(employerId, "Welder");
        using var client = Factory.ClientWithToken(EmployerToken(employerId));

        using var response = await client.PostAsync(new Uri($"/api/postings/{draft.Id}/publish", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var published = (await response.Content.ReadFromJsonAsync<PostingResponse>(Json))!;
        Assert.Equal(PostingStatus.Published, published.Status);
        Assert.NotNull(published.PublishedAt);

        var outbox = await Eventually.GetAsync(() => AnnouncementsAsync(draft.Id), rows => rows.Count == 1 && rows[0].SentAt is not null,
            "the JobPublished outbox row marked sent");
        Assert.Equal(JobPublishedType, outbox[0].MessageType);
        using var body = JsonDocument.Parse(outbox[0].Body);
        Assert.Equal(employerId, body.RootElement.GetProperty("employerId").GetGuid());
        Assert.Equal("Welder", body.RootElement.GetProperty("title").GetString());
        Assert.Equal("150203", body.RootElement.GetProperty("regionCode").GetString());
        Assert.Equal(["Welding", "Forklift"], body.RootElement.GetProperty("skills").EnumerateArray().Select(skill => skill.GetString()));
    }

    [Fact]
    public async Task Publishing_twice_is_a_conflict_and_announces_nothing_more()
    {
        var employerId = Guid.NewGuid();
        var posting = await CreatePublishedAsync(employerId);
        using var client = Factory.ClientWithToken(EmployerToken(employerId));

        using var response = await client.PostAsync(new Uri($"/api/postings/{posting.Id}/publish", UriKind.Relative), null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        // In Chinese unless the caller asks for English: the state named in words.
        Assert.Equal("这个岗位当前状态：已发布。", problem.GetProperty("detail").GetString());
        Assert.Equal([JobPublishedType], (await AnnouncementsAsync(posting.Id)).Select(row => row.MessageType));
    }

    [Fact]
    public async Task Closing_a_published_posting_closes_it_and_announces_JobClosed()
    {
        var employerId = Guid.NewGuid();
        var posting = await CreatePublishedAsync(employerId);
        using var client = Factory.ClientWithToken(EmployerToken(employerId));

        using var response = await client.PostAsync(new Uri($"/api/postings/{posting.Id}/close", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PostingStatus.Closed, (await GetAsOwnerAsync(employerId, posting.Id)).Status);
        var outbox = await Eventually.GetAsync(() => AnnouncementsAsync(posting.Id), rows => rows.Count == 2 && rows.All(row => row.SentAt is not null),
            "both outbox rows marked sent");
        Assert.Equal([JobPublishedType, JobClosedType], outbox.Select(row => row.MessageType));
    }

    [Fact]
    public async Task A_draft_cannot_be_closed()
    {
        var employerId = Guid.NewGuid();
        var draft = await CreateAsync(employerId);
        using var client = Factory.ClientWithToken(EmployerToken(employerId));

        using var response = await client.PostAsync(new Uri($"/api/postings/{draft.Id}/close", UriKind.Relative), null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(PostingStatus.Draft, (await GetAsOwnerAsync(employerId, draft.Id)).Status);
        Assert.Empty(await AnnouncementsAsync(draft.Id));
    }

    [Fact]
    public async Task Another_employer_cannot_see_a_draft()
    {
        var draft = await CreateAsync(Guid.NewGuid());
        using var other = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var response = await other.GetAsync(new Uri($"/api/postings/{draft.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_employer_cannot_publish_a_draft_and_is_told_it_does_not_exist()
    {
        var owner = Guid.NewGuid();
        var draft = await CreateAsync(owner);
        using var other = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var response = await other.PostAsync(new Uri($"/api/postings/{draft.Id}/publish", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(PostingStatus.Draft, (await GetAsOwnerAsync(owner, draft.Id)).Status);
        Assert.Empty(await AnnouncementsAsync(draft.Id));
    }

    [Fact]
    public async Task Another_employer_cannot_close_a_draft_and_is_told_it_does_not_exist()
    {
        var owner = Guid.NewGuid();
        var draft = await CreateAsync(owner);
        using var other = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var response = await other.PostAsync(new Uri($"/api/postings/{draft.Id}/close", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(PostingStatus.Draft, (await GetAsOwnerAsync(owner, draft.Id)).Status);
    }

    [Fact]
    public async Task Another_employer_sees_a_published_posting_but_may_not_close_it()
    {
        var owner = Guid.NewGuid();
        var posting = await CreatePublishedAsync(owner);
        using var other = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var get = await other.GetAsync(new Uri($"/api/postings/{posting.Id}", UriKind.Relative));
        using var close = await other.PostAsync(new Uri($"/api/postings/{posting.Id}/close", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Equal(PostingStatus.Published, (await GetAsOwnerAsync(owner, posting.Id)).Status);
        Assert.Equal([JobPublishedType], (await AnnouncementsAsync(posting.Id)).Select(row => row.MessageType));
    }

    [Fact]
    public async Task Another_employer_may_not_publish_an_already_published_posting()
    {
        var owner = Guid.NewGuid();
        var posting = await CreatePublishedAsync(owner);
        using var other = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var response = await other.PostAsync(new Uri($"/api/postings/{posting.Id}/publish", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal([JobPublishedType], (await AnnouncementsAsync(posting.Id)).Select(row => row.MessageType));
    }

    [Fact]
    public async Task A_seeker_may_not_close_a_published_posting()
    {
        var owner = Guid.NewGuid();
        var posting = await CreatePublishedAsync(owner);
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        using var response = await seeker.PostAsync(new Uri($"/api/postings/{posting.Id}/close", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(PostingStatus.Published, (await GetAsOwnerAsync(owner, posting.Id)).Status);
    }

    [Fact]
    public async Task A_caseworker_may_see_a_draft_and_close_a_published_posting()
    {
        var owner = Guid.NewGuid();
        var draft = await CreateAsync(owner, "Draft job");
        var posting = await CreatePublishedAsync(owner, "Live job");
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150200"));

        using var get = await caseworker.GetAsync(new Uri($"/api/postings/{draft.Id}", UriKind.Relative));
        using var close = await caseworker.PostAsync(new Uri($"/api/postings/{posting.Id}/close", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal(PostingStatus.Closed, (await GetAsOwnerAsync(owner, posting.Id)).Status);
        Assert.Equal([JobPublishedType, JobClosedType], (await AnnouncementsAsync(posting.Id)).Select(row => row.MessageType));
    }

    [Fact]
    public async Task An_unknown_posting_is_not_found()
    {
        using var client = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var get = await client.GetAsync(new Uri($"/api/postings/{Guid.NewGuid()}", UriKind.Relative));
        using var publish = await client.PostAsync(new Uri($"/api/postings/{Guid.NewGuid()}/publish", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
    }

    [Fact]
    public async Task An_employer_lists_their_own_postings_in_every_state_and_no_one_elses()
    {
        var employerId = Guid.NewGuid();
        var draft = await CreateAsync(employerId, "Draft job");
        var published = await CreatePublishedAsync(employerId, "Live job");
        var someoneElses = await CreatePublishedAsync(Guid.NewGuid(), "Someone else's job");
        using var client = Factory.ClientWithToken(EmployerToken(employerId));

        var mine = (await client.GetFromJsonAsync<List<PostingResponse>>(new Uri("/api/postings/mine", UriKind.Relative), Json))!;

        Assert.Equal([published.Id, draft.Id], mine.Select(posting => posting.Id));
        Assert.DoesNotContain(mine, posting => posting.Id == someoneElses.Id);
    }
}
