using System.Net.Http.Json;
using JobMatch.Testing;
using JobPostings.Api.Postings;

namespace JobPostings.Tests.Integration;

public sealed class ListPostingsTests : PostingsHost
{
    protected override bool HostPerTest => true;

    [Fact]
    public async Task Only_published_postings_are_listed_newest_first()
    {
        var employerId = Guid.NewGuid();
        var draft = await CreateAsync(employerId, "Draft job");
        var older = await CreatePublishedAsync(employerId, "Older job");
        var newer = await CreatePublishedAsync(Guid.NewGuid(), "Newer job");
        var closed = await CreatePublishedAsync(employerId, "Closed job");
        using (var owner = Factory.ClientWithToken(EmployerToken(employerId)))
        using (var close = await owner.PostAsync(new Uri($"/api/postings/{closed.Id}/close", UriKind.Relative), null))
            close.EnsureSuccessStatusCode();
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        var page = (await seeker.GetFromJsonAsync<PostingPage>(new Uri("/api/postings", UriKind.Relative), Json))!;

        Assert.Equal([newer.Id, older.Id], page.Items.Select(posting => posting.Id));
        Assert.All(page.Items, posting => Assert.Equal(PostingStatus.Published, posting.Status));
        Assert.DoesNotContain(page.Items, posting => posting.Id == draft.Id || posting.Id == closed.Id);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Pages_follow_on_from_the_cursor_without_overlap()
    {
        var employerId = Guid.NewGuid();
        var postings = new List<PostingResponse>();
        for (var i = 0; i < 3; i++) postings.Add(await CreatePublishedAsync(employerId, $"Job {i}"));
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        var first = (await seeker.GetFromJsonAsync<PostingPage>(new Uri("/api/postings?limit=2", UriKind.Relative), Json))!;
        Assert.NotNull(first.Next);
        var next = first.Next!;
        var query = $"/api/postings?limit=2&beforePublishedAt={Uri.EscapeDataString(next.BeforePublishedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}&beforeId={next.BeforeId}";
        var second = (await seeker.GetFromJsonAsync<PostingPage>(new Uri(query, UriKind.Relative), Json))!;

        Assert.Equal([postings[2].Id, postings[1].Id], first.Items.Select(posting => posting.Id));
        Assert.Equal([postings[0].Id], second.Items.Select(posting => posting.Id));
        Assert.Null(second.Next);
    }

    [Fact]
    public async Task Listing_needs_a_signed_in_caller()
    {
        await CreatePublishedAsync(Guid.NewGuid());
        using var anonymous = Factory.CreateClient();

        using var response = await anonymous.GetAsync(new Uri("/api/postings", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
