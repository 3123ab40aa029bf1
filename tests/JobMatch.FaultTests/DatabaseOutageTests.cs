using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Testing;
using JobPostings.Api.Postings;
using Npgsql;
using Xunit.Abstractions;

namespace JobMatch.FaultTests;

/// <summary>PostgreSQL gone for a while: the API says 503 with Retry-After, writes nothing half, and recovers by itself.</summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task While_the_database_is_down_writes_answer_503_nothing_is_half_written_and_service_resumes()
    {
        var servers = await TestServers.GetAsync();
        var (proxy, postgres) = Faults.PostgresThroughProxy(servers);
        await using var _ = proxy;
        await using var postings = new ServiceFactory<PostingStore>(servers, await servers.CreateVirtualHostAsync());
        postings.Settings["ConnectionStrings:Postgres"] = postgres;
        var employerId = Guid.NewGuid();
        using var client = postings.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), employerId));
        var created = 0;
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(client, "before")).StatusCode);
        created++;

        proxy.Cut();
        int sent = 0, refused = 0, other = 0;
        var retryAfter = TimeSpan.Zero;
        var deadline = DateTime.UtcNow + Faults.Outage;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await CreateAsync(client, "during");
            sent++;
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta > TimeSpan.Zero)
            {
                refused++;
                retryAfter = response.Headers.RetryAfter.Delta.Value;
            }
            else
            {
                other++;
            }

            await Task.Delay(200);
        }
        using (var ready = await client.GetAsync("/health/ready")) Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        proxy.Restore();
        var recovering = System.Diagnostics.Stopwatch.StartNew();

        await Eventually.GetAsync(async () =>
        {
            using var response = await CreateAsync(client, "after");
            return response.StatusCode;
        }, status => status == HttpStatusCode.Created, "a write succeeding after the outage");
        var recovered = recovering.Elapsed;
        created++;
        await Eventually.GetAsync(async () =>
        {
            using var ready = await client.GetAsync("/health/ready");
            return ready.StatusCode;
        }, status => status == HttpStatusCode.OK, "ready again after the outage");
        var readyAgain = recovering.Elapsed;

        await using var direct = new NpgsqlConnection(servers.ConnectionStringFor(postings.Database));
        var stored = await direct.ExecuteScalarAsync<int>("SELECT count(*) FROM postings WHERE employer_id = @employerId", new { employerId });
        output.WriteLine($"database outage {Faults.Outage.TotalSeconds:0}s: sent {sent} writes during it, {refused} answered 503 + Retry-After ({retryAfter.TotalSeconds:0}s), {other} otherwise; " +
            $"first write accepted {recovered.TotalSeconds:0.0}s after PostgreSQL was back, ready {readyAgain.TotalSeconds:0.0}s after; {created} accepted in all, {stored} stored");
        Assert.True(sent > 0);
        Assert.Equal(sent, refused);
        Assert.Equal(created, stored);
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string title) =>
        client.PostAsJsonAsync("/api/postings", new { title = $"Outage test {title}", description = "d", regionCode = "150102", skills = new[] { "welding" } });
}
