using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using Notifications.Api.Notifications;

namespace JobMatch.Benchmarks;

/// <summary>
/// Notifications per second through the whole pipeline on the real servers: MatchesFound consumed (inbox), the
/// in-app notification stored, its e-mail delivery scheduled, claimed and sent over SMTP to a listener — once
/// with e-mail on for every recipient, once in-app only. One service instance; servers from JOBMATCH_TEST_* or private.
/// </summary>
public static class NotificationThroughput
{
    public static async Task<int> RunAsync(int count)
    {
        var servers = await TestServers.GetAsync();
        await using var smtp = new SmtpSink();
        await using var service = new ServiceFactory<NotificationStore>(servers, await servers.CreateVirtualHostAsync());
        service.Settings["Notifications:Delivery:Smtp:Host"] = "127.0.0.1";
        service.Settings["Notifications:Delivery:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        service.Settings["Notifications:Delivery:PollInterval"] = "00:00:00.050";
        service.Settings["Notifications:Delivery:BatchSize"] = "50";
        service.Settings["Logging:LogLevel:Default"] = "Warning";

        var withEmail = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        await Parallel.ForEachAsync(withEmail, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (person, _) =>
        {
            using var client = service.ClientWithToken(TestTokens.Seeker(person));
            (await client.PutAsJsonAsync("/api/notifications/preferences",
                new { email = $"{person:N}@example.cn", channels = new Dictionary<string, string[]> { ["new-matches"] = ["email"] } })).EnsureSuccessStatusCode();
        });

        var emailed = await MeasureAsync(service, withEmail, () => Task.FromResult(smtp.Received.Count), "e-mails sent");
        var inAppOnly = await MeasureAsync(service, Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList(), async () =>
        {
            await using var connection = await service.DataSource.OpenConnectionAsync();
            return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM notifications") - count;
        }, "in-app notifications stored");

        Console.WriteLine($"notifications: {count} events, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine($"| pipeline | events | seconds | notifications/s |");
        Console.WriteLine($"|---|---:|---:|---:|");
        Console.WriteLine($"| consumed, stored and e-mailed over SMTP | {count} | {emailed.TotalSeconds:0.0} | {count / emailed.TotalSeconds:0} |");
        Console.WriteLine($"| consumed and stored (in-app only) | {count} | {inAppOnly.TotalSeconds:0.0} | {count / inAppOnly.TotalSeconds:0} |");
        return 0;
    }

    private static async Task<TimeSpan> MeasureAsync(ServiceFactory<NotificationStore> service, IReadOnlyList<Guid> recipients, Func<Task<int>> done, string what)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(recipients, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (recipient, _) =>
            await service.Bus.Publish(new MatchesFound(recipient, [new MatchedPosting(Guid.NewGuid(), "挤奶工", 0.9)], DateTimeOffset.UtcNow)));
        await Eventually.GetAsync(done, n => n >= recipients.Count, $"{recipients.Count} {what}", TimeSpan.FromMinutes(10));
        return clock.Elapsed;
    }
}
