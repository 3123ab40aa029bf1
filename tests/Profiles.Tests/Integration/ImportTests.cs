using System.Net;
using System.Text;
using Dapper;
using JobMatch.Testing;

namespace Profiles.Tests.Integration;

/// <summary>A caseworker's real-name register imported from CSV: all rows or none, with a per-line error report.</summary>
public sealed class ImportTests : ProfilesHost
{
    private const string Header = "name,national_id,phone,region_code,registered_on";

    private async Task<HttpResponseMessage> ImportAsync(string csv, string token, string register = "unemployed-graduates") =>
        await Factory.ClientWithToken(token).PostAsync(new Uri($"/api/profiles/registers/{register}/imports", UriKind.Relative),
            new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static string Row(string nationalId, string region = "150102", string phone = "13800138000", string date = "2026-07-01") =>
        $"张三,{nationalId},{phone},{region},{date}";

    private async Task<long> EntriesAsync()
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM register_entries");
    }

    [Fact]
    public async Task A_valid_file_is_imported_whole_sealed_and_audited()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => TestIds.Unique()).Distinct().ToList();
        var caseworkerId = Guid.NewGuid();

        using var response = await ImportAsync(string.Join('\n', ids.Select(id => Row(id)).Prepend(Header)), TestTokens.Caseworker(caseworkerId, "150100"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ids.Count, Parse(await response.Content.ReadAsStringAsync()).GetProperty("rows").GetInt32());
        Assert.Equal(ids.Count, await EntriesAsync());
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<string>("SELECT json_agg(r)::text FROM register_entries r");
        Assert.DoesNotContain(ids[0], stored, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", stored, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((caseworkerId, "import-register", (Guid?)null), (entry.StaffId, entry.Action, entry.SeekerId));
    }

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_and_reports_each_line_and_field()
    {
        var good = TestIds.Unique();
        var bad = TestIds.Unique();
        var csv = string.Join('\n',
            Header,
            Row(good),
            Row(bad[..17] + (bad[17] == '0' ? '1' : '0')),
            Row(TestIds.Unique(), region: "150200"),
            Row(TestIds.Unique(), phone: "12345"),
            Row(good));

        using var response = await ImportAsync(csv, TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        Assert.Equal(["rows[3].national_id", "rows[4].region_code", "rows[5].phone", "rows[6].national_id"], await ProblemAssert.IsValidationProblemAsync(response));
        Assert.Equal(0, await EntriesAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task The_error_report_counts_every_error_and_lists_the_first_thousand()
    {
        var rows = Enumerable.Range(0, 1500).Select(i => Row(TestIds.Unique(), date: "not-a-date"));

        using var response = await ImportAsync(string.Join('\n', rows.Prepend(Header)), TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        var problem = Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1500, problem.GetProperty("errorCount").GetInt32());
        Assert.Equal(1000, problem.GetProperty("errors").EnumerateObject().Count());
        Assert.Equal(0, await EntriesAsync());
    }

    [Fact]
    public async Task A_seeker_on_the_unemployed_graduates_register_becomes_a_graduate_and_matching_hears_of_it()
    {
        var nationalId = TestIds.Make("150102", new DateOnly(1999, 1, 1), 77);
        var seekerId = await SavedAsync(Profile(nationalId));

        using var response = await ImportAsync(string.Join('\n', Header, Row(nationalId, date: "2025-08-01")), TestTokens.Caseworker(Guid.NewGuid(), "150102"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var last = (await OutboxAsync(seekerId)).Last(row => row.Type == "JobMatch.Contracts.ProfileUpdated");
        Assert.Equal(["graduate"], Parse(last.Body).GetProperty("keyGroups").EnumerateArray().Select(flag => flag.GetString()));
        var mine = Parse(await Factory.ClientWithToken(TestTokens.Seeker(seekerId)).GetStringAsync(new Uri("/api/profiles/me", UriKind.Relative)));
        var graduate = mine.GetProperty("keyGroups").EnumerateArray().Single(group => group.GetProperty("keyGroup").GetString() == "graduate");
        Assert.Contains("register", graduate.GetProperty("evidence").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_on_another_regions_register_is_refused_and_their_entry_and_key_groups_stay_as_they_were()
    {
        var nationalId = TestIds.Make("150102", new DateOnly(1999, 1, 1), 78);
        var seekerId = await SavedAsync(Profile(nationalId));
        using (var hohhot = await ImportAsync(string.Join('\n', Header, Row(nationalId, region: "150102")), TestTokens.Caseworker(Guid.NewGuid(), "150100")))
            Assert.Equal(HttpStatusCode.OK, hohhot.StatusCode);
        var before = await OutboxAsync(seekerId);

        var other = TestIds.Unique();
        using var baotou = await ImportAsync(string.Join('\n', Header, Row(other, region: "150202"), Row(nationalId, region: "150202")),
            TestTokens.Caseworker(Guid.NewGuid(), "150200"));

        Assert.Equal(["rows[3].nationalId"], await ProblemAssert.IsValidationProblemAsync(baotou));
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        Assert.Equal(["150102"], await connection.QueryAsync<string>("SELECT region_code FROM register_entries"));
        Assert.Equal(before.Count, (await OutboxAsync(seekerId)).Count);
    }

    [Fact]
    public async Task An_import_that_changes_a_seekers_key_groups_names_that_seeker_in_the_audit()
    {
        var nationalId = TestIds.Make("150102", new DateOnly(1999, 1, 1), 79);
        var seekerId = await SavedAsync(Profile(nationalId));

        using var response = await ImportAsync(string.Join('\n', Header, Row(nationalId), Row(TestIds.Unique())), TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([null, seekerId], (await AuditAsync()).Select(entry => entry.SeekerId).OrderBy(id => id.HasValue));
    }

    [Fact]
    public async Task Only_staff_import_and_only_into_known_registers()
    {
        var csv = string.Join('\n', Header, Row(TestIds.Unique()));

        using var seeker = await ImportAsync(csv, TestTokens.Seeker(Guid.NewGuid()));
        using var employer = await ImportAsync(csv, TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));
        using var unknown = await ImportAsync(csv, TestTokens.Caseworker(Guid.NewGuid(), "150100"), "lottery-winners");

        Assert.Equal(HttpStatusCode.Forbidden, seeker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employer.StatusCode);
        Assert.Equal(["register"], await ProblemAssert.IsValidationProblemAsync(unknown));
        Assert.Equal(0, await EntriesAsync());
    }
}
