using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;

namespace Profiles.Tests.Integration;

/// <summary>
/// The caseworkers' register: only the seekers of the regions served, found by name, ID number (blind index), key
/// group, verification, placement and days since contact, in pages; every listed person's log names the read.
/// </summary>
public sealed class SeekerRegisterTests : ProfilesHost
{
    private const string Reason = "monthly follow-up round";

    private static readonly string Discharged = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private readonly string _veteranId = TestIds.Make("150102", new DateOnly(1995, 5, 5), 31);

    /// <summary>A veteran in Xincheng (Hohhot), a seeker in Saihan (Hohhot), one in Baotou; returns their ids in that order.</summary>
    private async Task<(Guid Veteran, Guid Saihan, Guid Baotou)> SeedAsync()
    {
        var veteran = Profile(_veteranId, "150102", "张伟明");
        veteran["veteran"] = new { dischargeDate = Discharged, branch = "陆军", militaryOccupation = "驾驶员" };
        var veteranId = await SavedAsync(veteran);
        var saihan = await SavedAsync(Profile(TestIds.Unique(), "150105", "李娜"));
        var baotou = await SavedAsync(Profile(TestIds.Unique(), "150203", "王芳"));
        return (veteranId, saihan, baotou);
    }

    private async Task<HttpResponseMessage> RegisterAsync(string token, string query, string? language = null)
    {
        var client = Factory.ClientWithToken(token);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await client.GetAsync(new Uri($"/api/profiles/seekers?reason={Uri.EscapeDataString(Reason)}{query}", UriKind.Relative));
    }

    private async Task<JsonElement> PageAsync(string query, string? token = null)
    {
        using var response = await RegisterAsync(token ?? TestTokens.Caseworker(Guid.NewGuid(), "150100"), query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return Parse(body);
    }

    private async Task<List<Guid>> IdsAsync(string query, string? token = null) =>
        (await PageAsync(query, token)).GetProperty("seekers").EnumerateArray().Select(seeker => seeker.GetProperty("seekerId").GetGuid()).ToList();

    [Fact]
    public async Task A_caseworker_lists_the_seekers_of_their_city_by_name_with_places_masked_ID_numbers_and_applicable_key_groups_only()
    {
        var (veteran, saihan, _) = await SeedAsync();

        var page = await PageAsync("");

        var seekers = page.GetProperty("seekers").EnumerateArray().ToList();
        Assert.Equal([saihan, veteran], seekers.Select(seeker => seeker.GetProperty("seekerId").GetGuid()));
        var listed = seekers[1];
        Assert.Equal("张伟明", listed.GetProperty("name").GetString());
        Assert.Equal("呼和浩特市新城区", listed.GetProperty("place").GetString());
        Assert.Equal(_veteranId[..6] + "********" + _veteranId[14..], listed.GetProperty("nationalId").GetString());
        Assert.Equal(["veteran"], listed.GetProperty("keyGroups").EnumerateArray().Select(group => group.GetString()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        Assert.DoesNotContain(_veteranId, page.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_seeker_a_page_shows_gets_an_audit_entry_with_the_reason_and_the_fields_shown()
    {
        var (veteran, saihan, baotou) = await SeedAsync();
        var caseworker = Guid.NewGuid();

        await IdsAsync("", TestTokens.Caseworker(caseworker, "150100"));

        var entries = await AuditAsync();
        Assert.Equal(new[] { saihan, veteran }.Order(), entries.Select(entry => entry.SeekerId!.Value).Order());
        Assert.All(entries, entry => Assert.Equal((caseworker, "list-register", Reason), (entry.StaffId, entry.Action, entry.Reason)));
        Assert.All(entries, entry => Assert.Contains("nationalId(masked)", entry.Fields));
        Assert.DoesNotContain(entries, entry => entry.SeekerId == baotou);
    }

    [Fact]
    public async Task A_name_is_found_as_typed_in_any_width_and_an_ID_number_through_the_blind_index_but_never_outside_the_region()
    {
        var (veteran, _, baotou) = await SeedAsync();
        var baotouId = TestIds.Unique();
        var other = await SavedAsync(Profile(baotouId, "150203", "赵强"));

        Assert.Equal([veteran], await IdsAsync("&name=" + Uri.EscapeDataString(" 张伟明\u200B ")));
        Assert.Equal([veteran], await IdsAsync("&nationalId=" + _veteranId));
        Assert.Empty(await IdsAsync("&nationalId=" + baotouId));
        Assert.Empty(await IdsAsync("&name=" + Uri.EscapeDataString("王芳")));
        Assert.Equal([other, baotou], await IdsAsync("", TestTokens.Caseworker(Guid.NewGuid(), "150200")));
        Assert.Empty(await IdsAsync("&regionCode=150100", TestTokens.Caseworker(Guid.NewGuid(), "150200")));
    }

    [Fact]
    public async Task Named_seekers_are_listed_by_id_within_the_region_only_and_audited_and_a_page_at_most()
    {
        var (veteran, saihan, baotou) = await SeedAsync();
        var caseworker = Guid.NewGuid();
        var token = TestTokens.Caseworker(caseworker, "150100");

        var named = await IdsAsync($"&seekerId={veteran}&seekerId={baotou}", token);
        using var tooMany = await RegisterAsync(token, string.Concat(Enumerable.Range(0, 101).Select(_ => "&seekerId=" + Guid.NewGuid())), "en");

        Assert.Equal([veteran], named);
        Assert.Equal(["seekerId"], await ProblemAssert.IsValidationProblemAsync(tooMany));
        Assert.Contains("At most 100 seekers", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((caseworker, "list-register", (Guid?)veteran), (entry.StaffId, entry.Action, entry.SeekerId));
        Assert.DoesNotContain(saihan, named);
    }

    [Fact]
    public async Task Key_group_and_verification_filters_follow_a_caseworkers_verification()
    {
        var (veteran, _, _) = await SeedAsync();
        Assert.Equal([veteran], await IdsAsync("&keyGroup=veteran"));
        Assert.Empty(await IdsAsync("&keyGroup=veteran&verified=true"));

        using var verified = await Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150102"))
            .PostAsJsonAsync($"/api/profiles/{veteran}/key-groups/veteran/verification", new { reason = "discharge papers seen" });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);

        Assert.Equal([veteran], await IdsAsync("&keyGroup=veteran&verified=true"));
        Assert.Empty(await IdsAsync("&keyGroup=veteran&verified=false"));
        Assert.Empty(await IdsAsync("&keyGroup=graduate"));
        var listed = (await PageAsync("&keyGroup=veteran")).GetProperty("seekers")[0];
        Assert.Equal(["veteran"], listed.GetProperty("verifiedKeyGroups").EnumerateArray().Select(group => group.GetString()));
    }

    [Fact]
    public async Task Follow_up_visits_from_the_job_posting_service_set_placement_and_days_since_contact()
    {
        var (veteran, saihan, _) = await SeedAsync();
        var visited = DateTimeOffset.UtcNow.AddDays(-40);

        await Factory.Bus.Publish(new FollowUpRecorded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), veteran, "hired", null, visited));

        Assert.Equal([veteran], await Eventually.GetAsync(() => IdsAsync("&placed=true"), ids => ids.Count == 1, "the veteran placed by the follow-up"));
        Assert.Equal([saihan], await IdsAsync("&placed=false"));
        Assert.Equal([saihan, veteran], await IdsAsync("&notContactedForDays=30"));
        Assert.Equal([saihan], await IdsAsync("&notContactedForDays=60"));
        var listed = (await PageAsync("&placed=true")).GetProperty("seekers")[0];
        Assert.Equal(40, listed.GetProperty("daysSinceContact").GetInt32());

        await Factory.Bus.Publish(new FollowUpRecorded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), veteran, "left-job", 30, visited.AddDays(30)));

        Assert.Empty(await Eventually.GetAsync(() => IdsAsync("&placed=true"), ids => ids.Count == 0, "the veteran unplaced after leaving the job"));
    }

    [Fact]
    public async Task Pages_follow_one_another_without_repeats_until_the_last()
    {
        var saved = new List<Guid>();
        for (var i = 0; i < 5; i++) saved.Add(await SavedAsync(Profile(TestIds.Unique(), "150102", $"求职者{i}")));

        var seen = new List<Guid>();
        var query = "&limit=2";
        var pages = 0;
        while (true)
        {
            var page = await PageAsync(query);
            pages++;
            seen.AddRange(page.GetProperty("seekers").EnumerateArray().Select(seeker => seeker.GetProperty("seekerId").GetGuid()));
            if (page.GetProperty("next").GetString() is not { } next) break;
            query = "&limit=2&after=" + next;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(saved), seen);
    }

    [Fact]
    public async Task Bad_filters_are_refused_field_by_field_in_Chinese_or_English_and_nothing_is_listed()
    {
        await SeedAsync();
        var query = "&nationalId=123&keyGroup=pilots&limit=500&after=nonsense&notContactedForDays=-1&regionCode=990000";
        using var chinese = await Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"))
            .GetAsync(new Uri("/api/profiles/seekers?reason=.%20.%20" + query, UriKind.Relative));
        using var english = await RegisterAsync(TestTokens.Caseworker(Guid.NewGuid(), "150100"), "&limit=0", "en");

        Assert.Equal(["after", "keyGroup", "limit", "nationalId", "notContactedForDays", "reason", "regionCode"],
            await ProblemAssert.IsValidationProblemAsync(chinese));
        Assert.Equal(["limit"], await ProblemAssert.IsValidationProblemAsync(english));
        Assert.Contains("A page holds 1 to 100 seekers.", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Seekers_and_employers_cannot_read_the_register()
    {
        await SeedAsync();

        using var seeker = await RegisterAsync(TestTokens.Seeker(Guid.NewGuid()), "");
        using var employer = await RegisterAsync(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()), "");

        Assert.Equal(HttpStatusCode.Forbidden, seeker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employer.StatusCode);
    }
}
