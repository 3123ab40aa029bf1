using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.Testing;
using Profiles.Api.Profiles;

// Imports 100,000 register rows through the real endpoint (in-process host, real PostgreSQL and RabbitMQ), first into
// an empty register, then the same file again (every row an update), then a file of 100,000 rows with bad rows seeded,
// and prints rows per second and the error report. Figures go to docs/benchmarks.md.
const int Rows = 100_000;
// Outside a test project WebApplicationFactory cannot guess the service's folder; name it.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PROFILES_API", Path.Combine(RepositoryRoot.Path, "services", "Profiles.Api"));
var servers = await TestServers.GetAsync();
await using var factory = new ServiceFactory<ProfileStore>(servers, await servers.CreateVirtualHostAsync());
using var client = factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150000"));
client.Timeout = TimeSpan.FromMinutes(10);

if (args.Contains("--crypto"))
{
    var protector = new PersonalDataProtector(new Dictionary<string, byte[]> { ["k"] = new byte[32] }, "k");
    var index = new BlindIndex(new byte[32]);
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < 3 * Rows; i++) protector.Protect("150102199601011234");
    Console.WriteLine($"{3 * Rows:N0} Protect: {watch.Elapsed.TotalSeconds:F2} s");
    watch.Restart();
    for (var i = 0; i < Rows; i++) index.Of("150102199601011234");
    Console.WriteLine($"{Rows:N0} BlindIndex: {watch.Elapsed.TotalSeconds:F2} s");
    return;
}
var valid = Register(Rows, bad: new Dictionary<int, string>());
Console.WriteLine($"file: {Rows:N0} rows, {Encoding.UTF8.GetByteCount(valid) / 1024.0 / 1024.0:F1} MiB");
await MeasureAsync("fresh import", valid);
await MeasureAsync("same file again (all updates)", valid);

var seeded = new Dictionary<int, string>
{
    [17] = "check-digit", [2_500] = "phone", [40_001] = "region", [77_777] = "date", [99_999] = "name", [12_345] = "duplicate", [60_000] = "columns",
};
var (_, report) = await MeasureAsync("file with 7 bad rows (nothing imported)", Register(Rows, seeded));
Console.WriteLine(JsonSerializer.Serialize(JsonDocument.Parse(report).RootElement, new JsonSerializerOptions { WriteIndented = true }));

async Task<(double Seconds, string Body)> MeasureAsync(string label, string csv)
{
    using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
    var clock = Stopwatch.StartNew();
    using var response = await client.PostAsync(new Uri("/api/profiles/registers/unemployed-graduates/imports", UriKind.Relative), content);
    var body = await response.Content.ReadAsStringAsync();
    clock.Stop();
    Console.WriteLine($"{label}: HTTP {(int)response.StatusCode}, {clock.Elapsed.TotalSeconds:F2} s, {Rows / clock.Elapsed.TotalSeconds:N0} rows/s");
    return (clock.Elapsed.TotalSeconds, body);
}

// Valid numbers made from a running counter: region, a birth date and a sequence give 100,000 distinct numbers.
static string Register(int rows, IReadOnlyDictionary<int, string> bad)
{
    var csv = new StringBuilder("name,national_id,phone,region_code,registered_on\n");
    string[] regions = ["150102", "150103", "150104", "150105", "150121", "150203", "150302", "150402", "150502", "150602"];
    for (var i = 0; i < rows; i++)
    {
        var born = new DateOnly(1996, 1, 1).AddDays(i % 3000);
        var first17 = $"{regions[i / 3000 % regions.Length]}{born:yyyyMMdd}{i / 30000 % 1000:000}";
        var id = first17 + NationalId.CheckCharacterOf(first17);
        var name = $"测试{i}";
        var phone = $"139{i:00000000}";
        var region = "150102";
        var date = "2026-06-30";
        switch (bad.GetValueOrDefault(i))
        {
            case "check-digit": id = first17 + (id[17] == '0' ? '1' : '0'); break;
            case "phone": phone = "1234"; break;
            case "region": region = "110101"; break;
            case "date": date = "2026-02-30"; break;
            case "name": name = ""; break;
            case "duplicate": id = Register(1, new Dictionary<int, string>()).Split('\n')[1].Split(',')[1]; break;
            case "columns": csv.Append(CultureInfo.InvariantCulture, $"{name},{id}\n"); continue;
        }
        csv.Append(CultureInfo.InvariantCulture, $"{name},{id},{phone},{region},{date}\n");
    }
    return csv.ToString();
}
