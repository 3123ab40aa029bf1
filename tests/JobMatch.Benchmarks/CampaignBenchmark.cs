using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Dapper;
using JobMatch.ServiceDefaults.Skills;
using JobMatch.Testing;
using Matching.Api.Ranking;
using Matching.Taxonomy;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Benchmarks;

/// <summary>
/// `campaign [seekers] [postings] [instances…]`: the wall time of a targeted campaign over <c>seekers</c> graduates
/// (synthetic, all of Inner Mongolia) against <c>postings</c> open postings, with 1, then 2 matching instances (real
/// processes from the Release build, sharing the work items over RabbitMQ), from the POST until the last work item is
/// stored. Uses the servers named by JOBMATCH_TEST_* (or starts private ones); its own database and virtual host.
/// </summary>
public static class CampaignBenchmark
{
    private static readonly DateTime Now = DateTime.UtcNow;

    public static async Task<int> RunAsync(string[] args)
    {
        var seekers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var postings = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30_000;
        var instanceCounts = args.Length > 3 ? args[3..].Select(int.Parse).ToArray() : [1, 2];
        var servers = await TestServers.GetAsync();
        Console.WriteLine($"| instances | seekers | postings | work items | wall time | seekers/s | results |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var instances in instanceCounts)
        {
            var database = TestServers.NewDatabaseName();
            var virtualHost = await servers.CreateVirtualHostAsync();
            var processes = new List<Process>();
            try
            {
                var ports = Enumerable.Range(0, instances).Select(_ => TestServers.FreePort()).ToArray();
                processes.Add(Start(servers, database, virtualHost, ports[0]));
                await ReadyAsync(ports[0]);
                await SeedAsync(servers.ConnectionStringFor(database), seekers, postings);
                for (var i = 1; i < instances; i++)
                {
                    processes.Add(Start(servers, database, virtualHost, ports[i]));
                    await ReadyAsync(ports[i]);
                }
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[0]}/"), Timeout = TimeSpan.FromMinutes(10) };
                client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Administrator(Guid.NewGuid()));
                // Every instance's index holds the seeded rows before the clock starts (each catches up before answering).
                foreach (var port in ports)
                {
                    using var warm = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(10) };
                    warm.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
                    await warm.GetAsync(new Uri("/api/matches/campaigns", UriKind.Relative));
                }
                using var created = await client.PostAsJsonAsync(new Uri("/api/matches/campaigns", UriKind.Relative),
                    new { name = "bench", keyGroup = "graduate", regionCodes = new[] { "150000" } });
                created.EnsureSuccessStatusCode();
                var campaignId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
                await using var connection = new NpgsqlConnection(servers.ConnectionStringFor(database));
                (DateTime CreatedAt, DateTime? CompletedAt, int Items, long Results) row;
                while (true)
                {
                    row = await connection.QuerySingleAsync<(DateTime, DateTime?, int, long)>(
                        "SELECT created_at, completed_at, total_items, (SELECT count(*) FROM campaign_results r WHERE r.campaign_id = c.campaign_id) FROM campaigns c WHERE campaign_id = @campaignId",
                        new { campaignId });
                    if (row.CompletedAt is not null) break;
                    await Task.Delay(500);
                }
                var wall = row.CompletedAt.Value - row.CreatedAt;
                Console.WriteLine($"| {instances} | {seekers:N0} | {postings:N0} | {row.Items} | {wall.TotalSeconds:F1} s | {seekers / wall.TotalSeconds:N0} | {row.Results:N0} |");
            }
            finally
            {
                foreach (var process in processes)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
                await servers.DeleteVirtualHostAsync(virtualHost);
                await servers.DropDatabaseAsync(database);
            }
        }
        return 0;
    }

    private static Process Start(TestServers servers, string database, string virtualHost, int port)
    {
        var output = Path.Combine(RepositoryRoot.Path, "services", "Matching.Api", "bin", "Release", "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(output, "Matching.Api.dll")]) { WorkingDirectory = output, RedirectStandardOutput = true };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Postgres"] = servers.Postgres;
        start.Environment["ConnectionStrings__RabbitMq"] = virtualHost;
        start.Environment["Database__Name"] = database;
        start.Environment["Matching__Ranking__RetrainEvery"] = "00:00:00";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in TestSecrets.ServiceSettings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task ReadyAsync(int port)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"matching on port {port} never became ready");
    }

    private static async Task SeedAsync(string connectionString, int seekerCount, int postingCount)
    {
        var market = new SyntheticMarket(SkillTaxonomy.Shared, 11, Now);
        var postings = market.Postings(postingCount);
        var seekers = market.Seekers(seekerCount, postings);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY postings (posting_id, employer_id, title, occupation_code, skills, skill_keys, optional_skills, region_code, latitude, longitude, salary_min, salary_max, published_at, valid_until, employment_type, key_groups, experience_years, education) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in postings.Select(p => p.Snapshot))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(p.PostingId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(p.EmployerId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(p.Title, NpgsqlDbType.Text);
                await WriteNullableAsync(writer, p.OccupationCode, NpgsqlDbType.Text);
                await writer.WriteAsync(p.Skills, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(SkillKey.NormalizeAll(p.Skills), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(p.OptionalSkills, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(p.RegionCode, NpgsqlDbType.Text);
                await writer.WriteAsync(p.Latitude!.Value, NpgsqlDbType.Double);
                await writer.WriteAsync(p.Longitude!.Value, NpgsqlDbType.Double);
                await writer.WriteAsync(p.SalaryMin!.Value, NpgsqlDbType.Numeric);
                await writer.WriteAsync(p.SalaryMax!.Value, NpgsqlDbType.Numeric);
                await writer.WriteAsync(p.PublishedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(p.ValidUntil!.Value, NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(writer, p.EmploymentType, NpgsqlDbType.Text);
                await writer.WriteAsync(p.KeyGroups, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(p.ExperienceYears!.Value, NpgsqlDbType.Integer);
                await WriteNullableAsync(writer, p.Education, NpgsqlDbType.Text);
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY seekers (seeker_id, skills, skill_keys, region_code, latitude, longitude, max_commute_km, willing_to_relocate, updated_at, desired_occupations, salary_expectation, years_of_experience, education_level, employment_types, key_groups, shared_with_employers) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in seekers.Select(s => s.Snapshot))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(s.SeekerId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.Skills, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(SkillKey.NormalizeAll(s.Skills), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(s.RegionCode, NpgsqlDbType.Text);
                await writer.WriteAsync(s.Latitude!.Value, NpgsqlDbType.Double);
                await writer.WriteAsync(s.Longitude!.Value, NpgsqlDbType.Double);
                await writer.WriteAsync(s.MaxCommuteKm!.Value, NpgsqlDbType.Integer);
                await writer.WriteAsync(s.WillingToRelocate, NpgsqlDbType.Boolean);
                await writer.WriteAsync(s.UpdatedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(s.DesiredOccupations, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(s.SalaryExpectation!.Value, NpgsqlDbType.Numeric);
                await writer.WriteAsync(s.YearsOfExperience!.Value, NpgsqlDbType.Double);
                await WriteNullableAsync(writer, s.EducationLevel, NpgsqlDbType.Text);
                await writer.WriteAsync(s.EmploymentTypes, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(new[] { "graduate" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(s.SharedWithEmployers, NpgsqlDbType.Boolean);
            }
            await writer.CompleteAsync();
        }
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type);
}
