using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using JobMatch.Testing;
using JobPostings.Api.Postings;
using Matching.Api.Matches;

namespace JobMatch.EndToEndTests;

/// <summary>An HTTP request, the event its outbox publishes, and the consumer in another service share one trace.</summary>
public sealed class TraceTests : IAsyncLifetime
{
    private static readonly ActivitySource TestSource = new("JobMatch.Tests");
    private readonly ConcurrentBag<Activity> _finished = [];
    private ActivityListener _listener = null!;
    private ServiceFactory<PostingStore> _postings = null!;
    private ServiceFactory<Recommender> _matching = null!;

    public async Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _finished.Add,
        };
        ActivitySource.AddActivityListener(_listener);
        var servers = await TestServers.GetAsync();
        var virtualHost = await servers.CreateVirtualHostAsync();
        _matching = new ServiceFactory<Recommender>(servers, virtualHost);
        _postings = new ServiceFactory<PostingStore>(servers, virtualHost);
        _ = _matching.Services; // start matching first, so its queue is bound before postings publishes
        _ = _postings.Services;
    }

    public async Task DisposeAsync()
    {
        await _postings.DisposeAsync();
        await _matching.DisposeAsync();
        _listener.Dispose();
    }

    [Fact]
    public async Task Publishing_a_posting_and_matching_consuming_it_share_the_request_trace_id()
    {
        using var client = _postings.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using var root = TestSource.StartActivity("employer publishes a posting")!;
        client.DefaultRequestHeaders.Add("traceparent", root.Id);

        var created = await client.PostAsJsonAsync("/api/postings", Api.Posting("Trace test posting", ["tracing"]));
        var id = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        (await client.PostAsync($"/api/postings/{id}/publish", null)).EnsureSuccessStatusCode();

        var consumer = await Eventually.GetAsync(
            () => Task.FromResult(_finished.FirstOrDefault(a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer && a.TraceId == root.TraceId)),
            a => a is not null, "matching's consumer span in the request's trace");
        // The server span is named and tagged by its route, not by the raw path with the posting's id in it.
        var server = Assert.Single(_finished, a => a.Source.Name == "Microsoft.AspNetCore" && a.TraceId == root.TraceId && a.DisplayName.Contains("publish", StringComparison.Ordinal));
        Assert.Equal("/api/postings/{id:guid}/publish", server.GetTagItem("http.route"));
        Assert.Equal("POST /api/postings/{id:guid}/publish", server.DisplayName);
        Assert.Equal(200, Convert.ToInt32(server.GetTagItem("http.response.status_code"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(_finished, a => a.Source.Name == "JobMatch.Outbox" && a.TraceId == root.TraceId);
        Assert.Equal(root.TraceId, consumer!.TraceId);
    }
}
