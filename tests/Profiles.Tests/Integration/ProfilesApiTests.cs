using JobMatch.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using JobMatch.Testing;
using Matching.Taxonomy;
using Profiles.Api.Profiles;

namespace Profiles.Tests.Integration;

/// <summary>A seeker's own profile: readable by them, sealed at rest, and announced to matching without personal details.</summary>
public sealed class ProfilesApiTests : IAsyncLifetime
{
    private const string Name = "张伟明";
    private const string Phone = "13912345678";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private ServiceFactory<ProfileStore> _factory = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _factory = new ServiceFactory<ProfileStore>(servers, await servers.CreateVirtualHostAsync());
        using var _ = _factory.CreateClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static object Profile(
        string name = Name, string? phone = Phone, string regionCode = "150102", double latitude = 40.84, double longitude = 111.75) => new
    {
        name,
        phone,
        skills = new[] { "Welding", "Forklift" },
        regionCode,
        latitude,
        longitude,
        maxCommuteKm = 30,
        willingToRelocate = false,
    };

    [Fact]
    public async Task A_seeker_saves_their_profile_and_reads_back_their_name_and_phone()
    {
        var seekerId = Guid.NewGuid();
        using var client = _factory.ClientWithToken(TestTokens.Seeker(seekerId));

        using var put = await client.PutAsJsonAsync("/api/profiles/me", Profile());
        var saved = await put.Content.ReadFromJsonAsync<ProfileResponse>(Json);
        var fetched = await client.GetFromJsonAsync<ProfileResponse>(new Uri("/api/profiles/me", UriKind.Relative), Json);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(seekerId, saved!.SeekerId);
        Assert.Equal(Name, saved.Name);
        Assert.Equal(seekerId, fetched!.SeekerId);
        Assert.Equal(Name, fetched.Name);
        Assert.Equal(Phone, fetched.Phone);
        Assert.Equal(["Welding", "Forklift"], fetched.Skills);
        Assert.Equal("150102", fetched.RegionCode);
        Assert.Equal(30, fetched.MaxCommuteKm);
    }

    [Fact]
    public async Task A_second_save_replaces_the_profile()
    {
        var seekerId = Guid.NewGuid();
        using var client = _factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using (var first = await client.PutAsJsonAsync("/api/profiles/me", Profile())) first.EnsureSuccessStatusCode();

        using var second = await client.PutAsJsonAsync("/api/profiles/me", Profile("李娜", phone: null, regionCode: "150203"));
        var fetched = await client.GetFromJsonAsync<ProfileResponse>(new Uri("/api/profiles/me", UriKind.Relative), Json);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("李娜", fetched!.Name);
        Assert.Null(fetched.Phone);
        Assert.Equal("150203", fetched.RegionCode);
        Assert.Equal(2, (await OutboxAsync(seekerId)).Count);
    }

    [Fact]
    public async Task A_seeker_without_a_profile_gets_404()
    {
        using var client = _factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        using var response = await client.GetAsync(new Uri("/api/profiles/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_stored_row_holds_the_name_and_phone_only_as_ciphertext()
    {
        var seekerId = Guid.NewGuid();
        using var client = _factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using (var put = await client.PutAsJsonAsync("/api/profiles/me", Profile())) put.EnsureSuccessStatusCode();

        await using var connection = await _factory.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string NameProtected, string PhoneProtected, string Whole)>(
            "SELECT name_protected, phone_protected, row_to_json(p)::text FROM profiles p WHERE seeker_id = @seekerId", new { seekerId });

        Assert.StartsWith(TestSecrets.PersonalDataKeyId + ":", row.NameProtected, StringComparison.Ordinal);
        Assert.StartsWith(TestSecrets.PersonalDataKeyId + ":", row.PhoneProtected, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, row.Whole, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, row.Whole, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", row.Whole, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ProfileUpdated_event_carries_the_seeker_id_and_skills_but_no_name_or_phone()
    {
        var seekerId = Guid.NewGuid();
        using var client = _factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using (var put = await client.PutAsJsonAsync("/api/profiles/me", Profile())) put.EnsureSuccessStatusCode();

        var rows = await Eventually.GetAsync(() => OutboxAsync(seekerId), found => found.Count == 1 && found[0].SentAt is not null,
            "the ProfileUpdated outbox row marked sent");

        var body = rows[0].Body;
        Assert.DoesNotContain(Name, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSecrets.PersonalDataKeyId + ":", body, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(body);
        var message = document.RootElement;
        Assert.Equal(seekerId, message.GetProperty("seekerId").GetGuid());
        Assert.Equal(["Welding", "Forklift"], message.GetProperty("skills").EnumerateArray().Select(skill => skill.GetString()));
        Assert.Equal("150102", message.GetProperty("regionCode").GetString());
        Assert.Equal(30, message.GetProperty("maxCommuteKm").GetInt32());
        Assert.DoesNotContain(message.EnumerateObject(), property =>
            property.Name.Contains("name", StringComparison.OrdinalIgnoreCase) || property.Name.Contains("phone", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_ProfileUpdated_event_carries_where_the_seeker_lives_only_to_about_a_kilometre()
    {
        // Exact home location is personal data: it stays sealed in the profile; matching hears of it to 0.01°.
        var seekerId = Guid.NewGuid();
        using var client = _factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using (var put = await client.PutAsJsonAsync("/api/profiles/me", Profile(latitude: 40.842137, longitude: 111.753719))) put.EnsureSuccessStatusCode();

        var rows = await Eventually.GetAsync(() => OutboxAsync(seekerId), found => found.Count == 1, "the ProfileUpdated outbox row");

        using var document = JsonDocument.Parse(rows[0].Body);
        Assert.Equal(40.84, document.RootElement.GetProperty("latitude").GetDouble());
        Assert.Equal(111.75, document.RootElement.GetProperty("longitude").GetDouble());
        var mine = await client.GetFromJsonAsync<ProfileResponse>(new Uri("/api/profiles/me", UriKind.Relative), Json);
        Assert.Equal(40.842137, mine!.Latitude);
    }

    [Fact]
    public async Task A_profile_carries_the_national_occupation_code_given_or_the_desired_occupations_one_and_announces_it()
    {
        var coded = Guid.NewGuid();
        var derived = Guid.NewGuid();
        using var codedClient = _factory.ClientWithToken(TestTokens.Seeker(coded));
        using var derivedClient = _factory.ClientWithToken(TestTokens.Seeker(derived));

        using var put = await codedClient.PutAsJsonAsync("/api/profiles/me", new { name = Name, regionCode = "150102", nationalOccupationCode = "6-30-05-01" });
        using var derivedPut = await derivedClient.PutAsJsonAsync("/api/profiles/me", new { name = Name, regionCode = "150102", desiredOccupations = new[] { "货运司机" } });

        Assert.Equal("6-30-05-01", (await put.Content.ReadFromJsonAsync<ProfileResponse>(Json))!.NationalOccupationCode);
        Assert.Equal("4-02-02-02", (await derivedPut.Content.ReadFromJsonAsync<ProfileResponse>(Json))!.NationalOccupationCode);
        var rows = await Eventually.GetAsync(() => OutboxAsync(derived), found => found.Count == 1, "the ProfileUpdated outbox row");
        using var document = JsonDocument.Parse(rows[0].Body);
        Assert.Equal("4-02-02-02", document.RootElement.GetProperty("nationalOccupationCode").GetString());
    }

    [Fact]
    public async Task A_derived_national_code_follows_the_occupations_sought_and_a_chosen_one_is_kept()
    {
        var derived = Guid.NewGuid();
        var chosen = Guid.NewGuid();
        using var derivedClient = _factory.ClientWithToken(TestTokens.Seeker(derived));
        using var chosenClient = _factory.ClientWithToken(TestTokens.Seeker(chosen));
        var cookCode = SkillTaxonomy.Shared.NationalCodeFor(null, ["中餐厨师"], "中餐厨师");
        Assert.NotNull(cookCode);
        Assert.NotEqual("4-02-02-02", cookCode);

        var first = await SaveAsync(derivedClient, new { name = Name, regionCode = "150102", desiredOccupations = new[] { "货运司机" } });
        var picked = await SaveAsync(chosenClient, new { name = Name, regionCode = "150102", desiredOccupations = new[] { "货运司机" }, nationalOccupationCode = "6-30-05-01" });
        Assert.Equal(("4-02-02-02", NationalOccupationSource.Derived), (first.NationalOccupationCode, first.NationalOccupationSource));
        Assert.Equal(("6-30-05-01", NationalOccupationSource.Chosen), (picked.NationalOccupationCode, picked.NationalOccupationSource));

        // Each sent back as read, seeking another occupation: the derived code follows it, the chosen one stays.
        var rederived = await SaveAsync(derivedClient, new
        {
            name = Name, regionCode = "150102", desiredOccupations = new[] { "中餐厨师" },
            nationalOccupationCode = first.NationalOccupationCode, nationalOccupationSource = "derived",
        });
        var kept = await SaveAsync(chosenClient, new
        {
            name = Name, regionCode = "150102", desiredOccupations = new[] { "中餐厨师" },
            nationalOccupationCode = picked.NationalOccupationCode, nationalOccupationSource = "chosen",
        });
        Assert.Equal((cookCode, NationalOccupationSource.Derived), (rederived.NationalOccupationCode, rederived.NationalOccupationSource));
        Assert.Equal(("6-30-05-01", NationalOccupationSource.Chosen), (kept.NationalOccupationCode, kept.NationalOccupationSource));
        // ProfileUpdated (what matching reads) carries the code as it is now.
        var rows = await Eventually.GetAsync(() => OutboxAsync(derived), found => found.Count == 2, "two ProfileUpdated outbox rows");
        using var document = JsonDocument.Parse(rows[^1].Body);
        Assert.Equal(cookCode, document.RootElement.GetProperty("nationalOccupationCode").GetString());

        // Rows from before migration 010 hold no source: a code the stored occupations derive today reads as derived, another as chosen.
        await using (var connection = await _factory.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE profiles SET national_occupation_source = NULL WHERE seeker_id = ANY(@ids)", new { ids = new[] { derived, chosen } });
        }
        Assert.Equal(NationalOccupationSource.Derived, (await derivedClient.GetFromJsonAsync<ProfileResponse>(new Uri("/api/profiles/me", UriKind.Relative), Json))!.NationalOccupationSource);
        Assert.Equal(NationalOccupationSource.Chosen, (await chosenClient.GetFromJsonAsync<ProfileResponse>(new Uri("/api/profiles/me", UriKind.Relative), Json))!.NationalOccupationSource);
    }

    private static async Task<ProfileResponse> SaveAsync(HttpClient client, object body)
    {
        using var response = await client.PutAsJsonAsync("/api/profiles/me", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProfileResponse>(Json))!;
    }

    [Fact]
    public async Task An_unknown_national_occupation_code_is_refused_naming_the_field()
    {
        var seekerId = Guid.NewGuid();
        using var client = _factory.ClientWithToken(TestTokens.Seeker(seekerId));

        using var response = await client.PutAsJsonAsync("/api/profiles/me", new { name = Name, regionCode = "150102", nationalOccupationCode = "道路货运" });

        Assert.Equal(["nationalOccupationCode"], await ProblemAssert.IsValidationProblemAsync(response));
        Assert.Empty(await OutboxAsync(seekerId));
    }

    [Fact]
    public async Task An_employer_may_not_read_or_write_a_profile()
    {
        using var client = _factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()));

        using var put = await client.PutAsJsonAsync("/api/profiles/me", Profile());
        using var get = await client.GetAsync(new Uri("/api/profiles/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(0, await CountProfilesAsync());
    }

    [Fact]
    public async Task A_caseworker_may_not_use_the_seeker_endpoints()
    {
        using var client = _factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        using var put = await client.PutAsJsonAsync("/api/profiles/me", Profile());

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(0, await CountProfilesAsync());
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_with_401()
    {
        using var client = _factory.CreateClient();

        using var put = await client.PutAsJsonAsync("/api/profiles/me", Profile());

        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Equal(0, await CountProfilesAsync());
    }

    [Fact]
    public async Task An_invalid_phone_and_region_are_answered_with_a_validation_problem_naming_both()
    {
        using var client = _factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        using var response = await client.PutAsJsonAsync("/api/profiles/me", Profile(phone: "12345", regionCode: "110101"));

        Assert.Equal(["phone", "regionCode"], await ProblemAssert.IsValidationProblemAsync(response));
        Assert.Equal(0, await CountProfilesAsync());
    }

    [Fact]
    public async Task A_phone_of_the_wrong_json_type_is_answered_with_a_problem_naming_the_phone()
    {
        using var client = _factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        using var response = await client.PutAsJsonAsync("/api/profiles/me", new { name = Name, phone = 13912345678, regionCode = "150102" });

        Assert.Equal(["phone"], await ProblemAssert.IsValidationProblemAsync(response));
        Assert.Equal(0, await CountProfilesAsync());
    }

    private async Task<List<OutboxRow>> OutboxAsync(Guid seekerId)
    {
        await using var connection = await _factory.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<OutboxRow>(
            """
            SELECT body::text AS body, sent_at FROM outbox
            WHERE message_type = 'JobMatch.Contracts.ProfileUpdated' AND body->>'seekerId' = @id ORDER BY position
            """, new { id = seekerId.ToString() })).AsList();
    }

    private async Task<long> CountProfilesAsync()
    {
        await using var connection = await _factory.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM profiles");
    }

    private sealed record OutboxRow(string Body, DateTime? SentAt);
}
