using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Testing;
using Profiles.Api.Profiles;

// Reading the cards of a posting's 200 applicants, as the employer's applicants page does, through the real endpoints
// (in-process profile service on the real PostgreSQL and RabbitMQ): before, one GET /api/profiles/applicants/{id}/card
// per applicant (the page sent them all at once); after, POST /api/profiles/applicants/cards with 50 ids per call (four
// calls, also at once). Both ways read the same profiles and consents and write the same audit entries (half the
// applicants consent to employer sharing, so 100 entries per page view either way). Alternated, Rounds times each, in
// the same run. Figures go to docs/benchmarks.md.
const int Applicants = 200;
const int PerCall = 50;
const int Rounds = 40;
if (args is ["gateway", ..]) return await ThroughGateway.RunAsync(Applicants, PerCall, Rounds / 2);
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PROFILES_API", Path.Combine(RepositoryRoot.Path, "services", "Profiles.Api"));
var servers = await TestServers.GetAsync();
await using var factory = new ServiceFactory<ProfileStore>(servers, await servers.CreateVirtualHostAsync());
var employerId = Guid.NewGuid();
var postingId = Guid.NewGuid();
using var employer = factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), employerId));

var seed = Stopwatch.StartNew();
var applicationIds = new List<Guid>();
await using (var connection = await factory.DataSource.OpenConnectionAsync())
{
    for (var i = 0; i < Applicants; i++)
    {
        var seekerId = Guid.NewGuid();
        using var seeker = factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using var saved = await seeker.PutAsJsonAsync("/api/profiles/me", new
        {
            name = $"求职者{i:000}", phone = $"139{i:00000000}", skills = new[] { "仓库管理", "叉车驾驶" }, regionCode = "150105",
            consents = new Dictionary<string, bool> { ["matching"] = true, ["employer-sharing"] = i % 2 == 0 },
        });
        saved.EnsureSuccessStatusCode();
        var applicationId = Guid.NewGuid();
        // What ApplicationSubmittedConsumer writes for each application (the event path is not what is measured).
        await connection.ExecuteAsync(
            """
            INSERT INTO applicants (application_id, seeker_id, employer_id, applied_at, posting_id, posting_title, employer_name)
            VALUES (@applicationId, @seekerId, @employerId, now(), @postingId, '仓库管理员', '呼和浩特市草原乳业有限公司')
            """, new { applicationId, seekerId, employerId, postingId });
        applicationIds.Add(applicationId);
    }
}
Console.WriteLine($"seeded {Applicants} applicants in {seed.Elapsed.TotalSeconds:F1} s");

for (var warm = 0; warm < 3; warm++) { await OneByOneAsync(); await BatchedAsync(); }
var before = new List<double>();
var after = new List<double>();
for (var round = 0; round < Rounds; round++)
{
    before.Add(await TimedAsync(OneByOneAsync));
    after.Add(await TimedAsync(BatchedAsync));
}
Console.WriteLine();
Console.WriteLine("| cards of 200 applicants | calls | p50 | p95 | mean |");
Console.WriteLine("|---|---:|---:|---:|---:|");
CardTimes.Report("one GET per applicant (before)", Applicants, before);
CardTimes.Report($"POST of {PerCall} ids per call (after)", Applicants / PerCall, after);
return 0;

async Task<double> TimedAsync(Func<Task<int>> read)
{
    var clock = Stopwatch.StartNew();
    var cards = await read();
    if (cards != Applicants) throw new InvalidOperationException($"{cards} cards, not {Applicants}");
    return clock.Elapsed.TotalMilliseconds;
}

async Task<int> OneByOneAsync()
{
    var responses = await Task.WhenAll(applicationIds.Select(id => employer.GetAsync(new Uri($"/api/profiles/applicants/{id}/card", UriKind.Relative))));
    var ok = responses.Count(response => response.IsSuccessStatusCode);
    foreach (var response in responses) response.Dispose();
    return ok;
}

async Task<int> BatchedAsync()
{
    var pages = await Task.WhenAll(applicationIds.Chunk(PerCall).Select(async page =>
    {
        using var response = await employer.PostAsJsonAsync("/api/profiles/applicants/cards", new { postingId, applicationIds = page });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>())!.Count;
    }));
    return pages.Sum();
}
