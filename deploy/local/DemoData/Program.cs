using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobMatch.DemoData.Loading;
using JobMatch.DemoData.Market;
using JobMatch.Domain.Organisations;
using JobMatch.ServiceDefaults;
using Npgsql;

// The living demo region for a local run (deploy/local/run.sh): the demo accounts' own data through the gateway, as the
// portal would send it, then a whole market — employers, postings, seekers, applications, hires and follow-ups over
// twelve weeks — through the services' APIs on their own ports (docs/decisions/065). Loaded once: the demo employer's
// organisation, registered last, is the marker a second run finds.
//
//   JobMatch.DemoData <gateway> <postings service> <profiles service>
// Environment: Auth__SigningKey (the local signing key), ConnectionStrings__Postgres (the server, for the history).
var gateway = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:8080/");
var postingsService = new Uri(args.Length > 1 ? args[1] : "http://127.0.0.1:8081/");
var profilesService = new Uri(args.Length > 2 ? args[2] : "http://127.0.0.1:8082/");
const string Password = "jobmatch-demo";
var signingKey = Environment.GetEnvironmentVariable("Auth__SigningKey")
    ?? throw new InvalidOperationException("Auth__SigningKey is not set: run this through deploy/local/run.sh, which reads .local/secrets.env.");

using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
var employer = await SignInAsync("employer");
var caseworker = await SignInAsync("caseworker");
var demoEmployerId = Guid.Parse(JwtClaim(employer, "employer_id"));

var marker = await http.GetAsync($"api/organisations/{demoEmployerId}");
if (marker.StatusCode == HttpStatusCode.OK)
{
    Console.WriteLine("demo data: the demo region is already loaded (the demo employer's organisation is registered); nothing to load");
    return 0;
}

var watch = Stopwatch.StartNew();
await LoadDemoAccountsAsync();
var now = DateTime.UtcNow;
var market = DemoMarket.Generate(DemoMarket.Seed, DemoScale.Full, DateOnly.FromDateTime(now));
var loader = new DemoLoader(ServiceClient.For(postingsService), ServiceClient.For(profilesService), new DemoTokens(signingKey));
// The history is moved back before the follow-up visits, which the API takes only on or after their application's day.
var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
if (server is not { Length: > 0 }) Console.WriteLine("demo data: ConnectionStrings__Postgres is not set, so the history stays on today's date");
var load = await loader.LoadAsync(market, now, server is { Length: > 0 }
    ? loaded => History.BackdateAsync(Database(server, "postings"), Database(server, "profiles"), market, loaded, now)
    : null);
await RegisterMarkerAsync();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"demo data: {load.Organisations} verified organisations, {load.Published} postings published ({load.HeldForReview} held for review), " +
    $"{load.Profiles} seekers, {load.Applications} applications ({load.Moves} status changes), {load.FollowUps} follow-up visits over the last " +
    $"{DemoMarket.HistoryDays / 7} weeks; loaded in {watch.Elapsed.TotalSeconds:F0} s"));
Console.WriteLine("demo data: sign in as seeker, employer, caseworker (Hohhot, 150100) or admin, password jobmatch-demo");
return 0;

// The demo employer's ten postings and the demo seeker's profile, through the gateway as before.
async Task LoadDemoAccountsAsync()
{
    var existing = await SendAsync(employer, HttpMethod.Get, "api/postings/mine");
    if (existing is JsonArray { Count: > 0 }) return;
    object[] postings =
    [
        Posting("仓储叉车司机", "负责仓库货物装卸、搬运，持叉车证优先。", ["叉车驾驶", "仓库管理", "安全生产"], "150203", 40.63, 109.83, 5000, 7000),
        Posting("奶牛场挤奶工", "规模化牧场挤奶及牛只日常护理，包食宿。", ["挤奶操作", "动物护理", "卫生消毒"], "150105", 40.80, 111.68, 4500, 6000),
        Posting("光伏电站运维员", "光伏电站日常巡检、设备维护与故障处理。", ["电气设备维护", "光伏系统", "安全生产"], "150602", 39.82, 110.00, 6000, 8500),
        Posting("养老护理员", "为社区老人提供生活照料与基础护理。", ["老年护理", "急救", "沟通能力"], "150102", 40.83, 111.73, 4000, 5500),
        Posting("网约车司机 Ride-hailing driver", "Drive in Hohhot city; own or company car.", ["机动车驾驶", "导航", "客户服务"], "150102", 40.83, 111.73, null, null),
        Posting("旅游接待员（蒙汉双语）", "呼伦贝尔草原景区游客接待与讲解，需蒙古语。", ["蒙古语", "导游讲解", "客户服务"], "150702", 49.22, 119.77, 3800, 5200),
        Posting("电焊工", "钢结构焊接，持焊工证。", ["电焊", "钢结构", "安全生产"], "150203", 40.63, 109.83, 6500, 9000),
        Posting("Junior web developer (JavaScript)", "Build the public employment service portal. Graduates welcome.", ["JavaScript", "HTML", "SQL"], "150105", 40.80, 111.68, 6000, 9000),
        Posting("社区公益性岗位保洁员", "社区环境保洁，优先安置就业困难人员。", ["清洁", "垃圾分类"], "150902", 41.03, 113.10, 2100, 2100),
        Posting("冷链物流配送员", "乳制品冷链配送，熟悉呼包鄂路线。", ["机动车驾驶", "冷链物流", "客户服务"], "150802", 40.75, 107.40, 5500, 7500),
    ];
    foreach (var posting in postings)
    {
        var created = await SendAsync(employer, HttpMethod.Post, "api/postings", posting, HttpStatusCode.Created);
        await SendAsync(employer, HttpMethod.Post, $"api/postings/{created!["id"]}/publish");
    }

    var seeker = await SignInAsync("seeker");
    await SendAsync(seeker, HttpMethod.Put, "api/profiles/me", new
    {
        name = "巴特尔",
        phone = "13904710000",
        skills = new[] { "叉车驾驶", "机动车驾驶", "安全生产", "蒙古语" },
        regionCode = "150102",
        latitude = 40.83,
        longitude = 111.73,
        maxCommuteKm = 40,
        willingToRelocate = true,
    });
}

// Last: the demo employer becomes a verified organisation, which is also what tells the next run the region is loaded.
async Task RegisterMarkerAsync()
{
    const string First17 = "91150105MA0JM0001";
    await SendAsync(employer, HttpMethod.Post, "api/organisations", new
    {
        creditCode = First17 + CreditCode.CheckCharacter(First17), legalName = "呼和浩特乳业有限公司（演示）", industry = "C", size = "large",
        regionCode = "150105", address = "赛罕区金桥开发区乳业大道1号", contactName = "王经理", contactPhone = "13904710001",
    }, HttpStatusCode.Created);
    await SendAsync(caseworker, HttpMethod.Post, $"api/organisations/{demoEmployerId}/decision", new { status = "verified", reason = "演示企业，营业执照已核验" });
}

static object Posting(string title, string description, string[] skills, string regionCode, double latitude, double longitude,
    decimal? salaryMin, decimal? salaryMax) =>
    new { title, description, skills, regionCode, latitude, longitude, salaryMin, salaryMax, vacancies = 3 };

static string Database(string server, string service) =>
    new NpgsqlConnectionStringBuilder(server) { Database = new ServiceIdentity(service).DatabaseName }.ConnectionString;

static string JwtClaim(HttpClient client, string claim)
{
    var payload = client.DefaultRequestHeaders.Authorization!.Parameter!.Split('.')[1].Replace('-', '+').Replace('_', '/');
    var json = Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='));
    return JsonNode.Parse(json)![claim]!.GetValue<string>();
}

async Task<HttpClient> SignInAsync(string username)
{
    var token = await SendAsync(http, HttpMethod.Post, "api/auth/token", new { username, password = Password });
    var client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!["accessToken"]!.GetValue<string>());
    return client;
}

static async Task<JsonNode?> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
{
    using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
    using var response = await client.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != expected)
        throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    return text.Length == 0 ? null : JsonNode.Parse(text);
}
