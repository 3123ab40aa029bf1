using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using Matching.Api.Matches;
using Xunit.Abstractions;

namespace JobMatch.FaultTests;

/// <summary>A message that can never be handled ends in the error queue; the ones around it are not held up.</summary>
public sealed class PoisonMessageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_poison_message_lands_in_the_error_queue_while_the_others_keep_flowing()
    {
        var servers = await TestServers.GetAsync();
        var virtualHost = await servers.CreateVirtualHostAsync();
        await using var matching = new ServiceFactory<Recommender>(servers, virtualHost);
        JobPublished Job(IReadOnlyList<string> skills) => new(Guid.NewGuid(), Guid.NewGuid(), "Poison test", null, skills, "150102",
            40.8, 111.7, null, null, DateTimeOffset.UtcNow, null);

        var poison = Job(null!); // no skill list at all: the consumer cannot store it, however often it tries
        await matching.Bus.Publish(poison);
        var good = Enumerable.Range(0, 20).Select(_ => Job(["welding"])).ToList();
        foreach (var job in good) await matching.Bus.Publish(job);

        var stored = await Eventually.GetAsync(async () =>
        {
            await using var connection = await matching.DataSource.OpenConnectionAsync();
            return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM postings WHERE posting_id = ANY(@ids)",
                new { ids = good.Select(job => job.PostingId).ToArray() });
        }, count => count == good.Count, "the good messages consumed");
        var errorQueue = "matching-job-published_error";
        var dead = await Eventually.GetAsync(() => servers.QueueDepthAsync(virtualHost, errorQueue), depth => depth >= 1, $"the poison message in {errorQueue}");
        output.WriteLine($"poison message: sent {good.Count} good + 1 poison, good consumed {stored}, in {errorQueue}: {dead}");
        Assert.Equal(1, dead);
    }
}
