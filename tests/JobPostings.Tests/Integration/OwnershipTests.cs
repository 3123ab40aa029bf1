using System.Net;
using System.Net.Http.Json;
using JobMatch.Testing;
using JobPostings.Api.Postings;

namespace JobPostings.Tests.Integration;

/// <summary>
/// Every endpoint that acts on one employer's posting, called with another employer's token: a draft does not exist
/// for them (404), a published posting may be read but not changed (403), and nothing changes or is announced.
/// </summary>
public sealed class OwnershipTests : PostingsHost
{
    /// <summary>Each verb on a posting an employer owns: method, path under /api/postings/{id}, body.</summary>
    public static TheoryData<string, string> OwnerOnlyEndpoints => new()
    {
        { "PUT", "" },
        { "GET", "/flags" },
        { "POST", "/publish" },
        { "POST", "/close" },
        { "GET", "/applications" },
    };

    [Theory]
    [MemberData(nameof(OwnerOnlyEndpoints))]
    public async Task Another_employer_is_told_a_draft_does_not_exist(string method, string path)
    {
        var owner = Guid.NewGuid();
        var draft = await CreateAsync(owner);
        using var other = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var response = await SendAsync(other, method, $"/api/postings/{draft.Id}{path}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var after = await GetAsOwnerAsync(owner, draft.Id);
        Assert.Equal((PostingStatus.Draft, "Welder"), (after.Status, after.Title));
        Assert.Empty(await OutboxAsync(draft.Id));
    }

    [Theory]
    [MemberData(nameof(OwnerOnlyEndpoints))]
    public async Task Another_employer_may_not_act_on_a_published_posting(string method, string path)
    {
        var owner = Guid.NewGuid();
        var posting = await CreatePublishedAsync(owner);
        var eventsBefore = (await OutboxAsync(posting.Id)).Count;
        using var other = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var response = await SendAsync(other, method, $"/api/postings/{posting.Id}{path}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await GetAsOwnerAsync(owner, posting.Id);
        Assert.Equal((PostingStatus.Published, "Welder"), (after.Status, after.Title));
        Assert.Equal(eventsBefore, (await OutboxAsync(posting.Id)).Count);
    }

    [Theory]
    [MemberData(nameof(OwnerOnlyEndpoints))]
    public async Task The_owner_may_call_each_of_them(string method, string path)
    {
        var owner = Guid.NewGuid();
        var posting = path is "/publish" or "" ? await CreateAsync(owner) : await CreatePublishedAsync(owner);
        using var client = Factory.ClientWithToken(EmployerToken(owner));

        using var response = await SendAsync(client, method, $"/api/postings/{posting.Id}{path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Another_employer_may_not_act_in_the_review_queue()
    {
        var posting = await SubmitAsync(Guid.NewGuid(), PostingWith("电焊工", "限男性。"));
        using var other = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var queue = await other.GetAsync(new Uri("/api/review", UriKind.Relative));
        using var approve = await other.PostAsync(new Uri($"/api/review/{posting.Id}/approve", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) => method switch
    {
        "GET" => client.GetAsync(new Uri(path, UriKind.Relative)),
        "POST" => client.PostAsync(new Uri(path, UriKind.Relative), null),
        "PUT" => client.PutAsJsonAsync(path, ValidPosting("Changed by someone else")),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
