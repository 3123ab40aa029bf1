using System.Diagnostics;
using System.Globalization;
using Dapper;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Profiles.Api.Profiles;

// The seeker register's query (GET /api/profiles/seekers) over 100,000 synthetic seekers, through the real endpoint
// (in-process host, real PostgreSQL 15 and RabbitMQ): each query shape is asked Iterations times with its indexes,
// then the same queries again after dropping the register's indexes, in the same run. Every request also writes its
// page's audit entries, as in production. Figures go to docs/benchmarks.md.
const int Seekers = 100_000;
const int Iterations = 200;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PROFILES_API", Path.Combine(RepositoryRoot.Path, "services", "Profiles.Api"));
var servers = await TestServers.GetAsync();
await using var factory = new ServiceFactory<ProfileStore>(servers, await servers.CreateVirtualHostAsync());
using var client = factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
var store = factory.Services.GetRequiredService<ProfileStore>();
var protector = factory.Services.GetRequiredService<PersonalDataProtector>();

var load = Stopwatch.StartNew();
var searchedName = await SeedAsync(factory.DataSource, store, protector);
Console.WriteLine($"seeded {Seekers:N0} seekers in {load.Elapsed.TotalSeconds:F1} s");

// A page deep in the register: the token the 40th page of the default listing ends with.
var deepAfter = await AfterPagesAsync(40);
(string Label, string Query)[] queries =
[
    ("first page of a city (150100)", ""),
    ("page 41 of a city (keyset)", "&after=" + deepAfter),
    ("veterans not verified", "&keyGroup=veteran&verified=false"),
    ("unplaced, not contacted for 90 days", "&placed=false&notContactedForDays=90"),
    ("by exact name (blind index)", "&name=" + Uri.EscapeDataString(searchedName)),
];
var withIndexes = await MeasureAllAsync("with indexes");
await using (var connection = await factory.DataSource.OpenConnectionAsync())
    await connection.ExecuteAsync("DROP INDEX profiles_register, profiles_register_recent, profiles_name_index, key_groups_applying; ANALYZE profiles; ANALYZE key_groups;");
var without = await MeasureAllAsync("without the register's indexes");
Console.WriteLine();
Console.WriteLine("| query | p50 with | p95 with | p50 without | p95 without |");
Console.WriteLine("|---|---:|---:|---:|---:|");
for (var i = 0; i < queries.Length; i++)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {queries[i].Label} | {withIndexes[i].P50:F1} ms | {withIndexes[i].P95:F1} ms | {without[i].P50:F1} ms | {without[i].P95:F1} ms |"));

async Task<List<(double P50, double P95)>> MeasureAllAsync(string label)
{
    Console.WriteLine(label);
    var results = new List<(double, double)>();
    foreach (var (name, query) in queries)
    {
        for (var warm = 0; warm < 5; warm++) await GetAsync(query);
        var times = new List<double>(Iterations);
        for (var i = 0; i < Iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            await GetAsync(query);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var (p50, p95) = (times[Iterations / 2], times[(int)(Iterations * 0.95)]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: p50 {p50:F1} ms, p95 {p95:F1} ms"));
        results.Add((p50, p95));
    }
    return results;
}

async Task<string> GetAsync(string query)
{
    using var response = await client.GetAsync(new Uri("/api/profiles/seekers?reason=benchmark%20round" + query, UriKind.Relative));
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
    return body;
}

async Task<string> AfterPagesAsync(int pages)
{
    string? after = null;
    for (var i = 0; i < pages; i++)
    {
        using var page = System.Text.Json.JsonDocument.Parse(await GetAsync(after is null ? "" : "&after=" + after));
        after = page.RootElement.GetProperty("next").GetString()!;
    }
    return after!;
}

// Synthetic seekers, deterministic: 60 % in Hohhot's districts, the rest across other leagues; a quarter in a key
// group (a third of those verified); a fifth placed; last contacts over the past year, a third never contacted.
// Names are 2,000 distinct ones, sealed once each and reused (sealing is not what is measured).
static async Task<string> SeedAsync(NpgsqlDataSource dataSource, ProfileStore store, PersonalDataProtector protector)
{
    var random = new Random(16);
    string[] hohhot = ["150102", "150103", "150104", "150105", "150121", "150122"];
    string[] elsewhere = ["150203", "150302", "150402", "150502", "150602", "150702", "150802", "150902", "152201", "152502", "152921"];
    string[] groups = ["graduate", "veteran", "rural-worker", "employment-difficulty"];
    const string family = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
    const string given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂";
    var names = Enumerable.Range(0, 2_000).Select(i => $"{family[i % family.Length]}{given[i / family.Length % given.Length]}{given[(i * 7) % given.Length]}").ToArray();
    var sealedNames = names.Select(name => (Sealed: protector.Protect(name), Index: store.NameIndexOf(name))).ToArray();
    var evidence = protector.Protect("Synthetic benchmark evidence.");
    var now = DateTime.UtcNow;

    await using var connection = await dataSource.OpenConnectionAsync();
    await using (var writer = await connection.BeginBinaryImportAsync(
        "COPY profiles (seeker_id, name_protected, name_index, region_code, created_at, updated_at, placed_at, last_contact_at) FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < Seekers; i++)
        {
            var (sealedName, index) = sealedNames[random.Next(sealedNames.Length)];
            var created = now.AddMinutes(-random.Next(0, 525_600));
            await writer.StartRowAsync();
            await writer.WriteAsync(SeekerId(i), NpgsqlTypes.NpgsqlDbType.Uuid);
            await writer.WriteAsync(sealedName, NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync(index, NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync(random.NextDouble() < 0.6 ? hohhot[random.Next(hohhot.Length)] : elsewhere[random.Next(elsewhere.Length)], NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync(created, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(created, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            if (random.NextDouble() < 0.2) await writer.WriteAsync(now.AddDays(-random.Next(0, 300)), NpgsqlTypes.NpgsqlDbType.TimestampTz);
            else await writer.WriteNullAsync();
            if (random.NextDouble() < 0.67) await writer.WriteAsync(now.AddDays(-random.Next(0, 365)), NpgsqlTypes.NpgsqlDbType.TimestampTz);
            else await writer.WriteNullAsync();
        }
        await writer.CompleteAsync();
    }
    await using (var writer = await connection.BeginBinaryImportAsync(
        "COPY key_groups (seeker_id, key_group, applies, evidence_protected, source, set_by, verified_by, verified_at) FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < Seekers; i++)
        {
            var applies = random.NextDouble() < 0.25;
            var group = groups[random.Next(groups.Length)];
            var verified = applies && random.NextDouble() < 1.0 / 3;
            await writer.StartRowAsync();
            await writer.WriteAsync(SeekerId(i), NpgsqlTypes.NpgsqlDbType.Uuid);
            await writer.WriteAsync(group, NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync(applies, NpgsqlTypes.NpgsqlDbType.Boolean);
            await writer.WriteAsync(evidence, NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync("derived", NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync(SeekerId(i), NpgsqlTypes.NpgsqlDbType.Uuid);
            if (verified)
            {
                await writer.WriteAsync(Guid.Empty, NpgsqlTypes.NpgsqlDbType.Uuid);
                await writer.WriteAsync(now.AddDays(-random.Next(0, 200)), NpgsqlTypes.NpgsqlDbType.TimestampTz);
            }
            else
            {
                await writer.WriteNullAsync();
                await writer.WriteNullAsync();
            }
        }
        await writer.CompleteAsync();
    }
    await connection.ExecuteAsync("ANALYZE profiles; ANALYZE key_groups;");
    return names[0];
}

static Guid SeekerId(int i) => new($"00000000-0000-4000-8000-{i:x12}");
