using JobMatch.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using JobMatch.Testing;
using JobPostings.Api.Postings;
using Matching.Taxonomy;

namespace JobPostings.Tests.Integration;

/// <summary>Who may create a posting, what it looks like when created, and how bad requests are answered.</summary>
public sealed class CreatePostingTests : PostingsHost
{
    [Fact]
    public async Task An_employer_creates_a_draft_posting_that_is_stored_under_their_employer_id()
    {
        var employerId = Guid.NewGuid();
        using var client = Factory.ClientWithToken(EmployerToken(employerId));

        using var response = await client.PostAsJsonAsync("/api/postings", ValidPosting("焊工"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<PostingResponse>(Json))!;
        Assert.Equal($"/api/postings/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(PostingStatus.Draft, created.Status);
        Assert.Equal(employerId, created.EmployerId);
        Assert.Equal("焊工", created.Title);
        Assert.Equal(["Welding", "Forklift"], created.Skills);
        Assert.Null(created.PublishedAt);

        var fetched = await client.GetFromJsonAsync<PostingResponse>(response.Headers.Location, Json);
        Assert.Equal(created.Id, fetched!.Id);
        Assert.Equal(PostingStatus.Draft, fetched.Status);
        Assert.Empty(await OutboxAsync(created.Id));
    }

    [Fact]
    public async Task A_posting_carries_the_national_occupation_code_given_or_the_one_its_title_names_and_announces_it()
    {
        var employerId = Guid.NewGuid();
        using var client = Factory.ClientWithToken(EmployerToken(employerId));

        using var coded = await client.PostAsJsonAsync("/api/postings", new { title = "物流岗位", regionCode = "150203", nationalOccupationCode = "4-02-02-02" });
        using var repeated = await client.PostAsJsonAsync("/api/postings", new { title = "社工", regionCode = "150203", nationalOccupationCode = "2-07-10-01" });
        var byTitle = await SubmitAsync(employerId, PostingWith("急招货运司机3名", "长途干线运输，包吃住。"));

        Assert.Equal("4-02-02-02", (await coded.Content.ReadFromJsonAsync<PostingResponse>(Json))!.NationalOccupationCode);
        Assert.Equal("2-07-11-01", (await repeated.Content.ReadFromJsonAsync<PostingResponse>(Json))!.NationalOccupationCode);
        Assert.Equal("4-02-02-02", byTitle.NationalOccupationCode);
        var announced = await Eventually.GetAsync(() => OutboxAsync(byTitle.Id), rows => rows.Exists(row => row.MessageType == "JobMatch.Contracts.JobPublished"),
            "the JobPublished outbox row");
        using var body = System.Text.Json.JsonDocument.Parse(announced.First(row => row.MessageType == "JobMatch.Contracts.JobPublished").Body);
        Assert.Equal("4-02-02-02", body.RootElement.GetProperty("nationalOccupationCode").GetString());
    }

    [Fact]
    public async Task A_derived_national_code_follows_the_title_and_a_chosen_one_is_kept_and_publishing_announces_the_current_one()
    {
        var employerId = Guid.NewGuid();
        using var client = Factory.ClientWithToken(EmployerToken(employerId));
        var cookCode = SkillTaxonomy.Shared.NationalCodeFor(null, [], "中餐厨师");
        Assert.NotNull(cookCode);
        Assert.NotEqual("4-02-02-02", cookCode);

        var derived = await PostAsync(client, "/api/postings", PostingWith("急招货运司机3名", "长途干线运输，包吃住。"));
        var chosen = await PostAsync(client, "/api/postings", new { title = "物流岗位", regionCode = "150203", nationalOccupationCode = "4-02-02-02" });
        Assert.Equal(("4-02-02-02", NationalOccupationSource.Derived), (derived.NationalOccupationCode, derived.NationalOccupationSource));
        Assert.Equal(("4-02-02-02", NationalOccupationSource.Chosen), (chosen.NationalOccupationCode, chosen.NationalOccupationSource));

        // Each sent back as read, with a new title: the derived code follows the title, the chosen one stays.
        var rederived = await PutAsync(client, derived.Id, derived with { Title = "中餐厨师" });
        var kept = await PutAsync(client, chosen.Id, chosen with { Title = "中餐厨师" });
        Assert.Equal((cookCode, NationalOccupationSource.Derived), (rederived.NationalOccupationCode, rederived.NationalOccupationSource));
        Assert.Equal(("4-02-02-02", NationalOccupationSource.Chosen), (kept.NationalOccupationCode, kept.NationalOccupationSource));

        // JobPublished (what matching reads) carries the code as it is when published, not as it was created.
        using var published = await client.PostAsync(new Uri($"/api/postings/{derived.Id}/publish", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var announced = (await AnnouncementsAsync(derived.Id)).Single(row => row.MessageType == "JobMatch.Contracts.JobPublished");
        using var body = System.Text.Json.JsonDocument.Parse(announced.Body);
        Assert.Equal(cookCode, body.RootElement.GetProperty("nationalOccupationCode").GetString());

        // Rows from before migration 020 hold no source: a code the stored title derives today reads as derived, another as chosen.
        await using (var connection = await Factory.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE postings SET national_occupation_source = NULL WHERE id = ANY(@ids)", new { ids = new[] { derived.Id, chosen.Id } });
        }
        Assert.Equal(NationalOccupationSource.Derived, (await GetAsOwnerAsync(employerId, derived.Id)).NationalOccupationSource);
        Assert.Equal(NationalOccupationSource.Chosen, (await GetAsOwnerAsync(employerId, chosen.Id)).NationalOccupationSource);
    }

    private static async Task<PostingResponse> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PostingResponse>(Json))!;
    }

    private static async Task<PostingResponse> PutAsync(HttpClient client, Guid id, PostingResponse body)
    {
        using var response = await client.PutAsJsonAsync($"/api/postings/{id}", body, Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PostingResponse>(Json))!;
    }

    [Fact]
    public async Task An_unknown_national_occupation_code_is_refused_naming_the_field()
    {
        var before = await CountPostingsAsync(); // the class's tests share a database
        using var client = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var unknown = await client.PostAsJsonAsync("/api/postings", new { title = "Cook", regionCode = "150102", nationalOccupationCode = "4-02-02-99" });
        using var group = await client.PostAsJsonAsync("/api/postings", new { title = "Cook", regionCode = "150102", nationalOccupationCode = "4-02-02" });

        Assert.Equal(["nationalOccupationCode"], await ProblemAssert.IsValidationProblemAsync(unknown));
        Assert.Equal(["nationalOccupationCode"], await ProblemAssert.IsValidationProblemAsync(group));
        Assert.Equal(before, await CountPostingsAsync());
    }

    [Fact]
    public async Task The_employer_id_comes_from_the_token_not_the_body()
    {
        var employerId = Guid.NewGuid();
        using var client = Factory.ClientWithToken(EmployerToken(employerId));

        using var response = await client.PostAsJsonAsync("/api/postings",
            new { title = "Cook", regionCode = "150102", employerId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(employerId, (await response.Content.ReadFromJsonAsync<PostingResponse>(Json))!.EmployerId);
    }

    [Fact]
    public async Task Invalid_fields_are_answered_with_a_validation_problem_naming_each_field()
    {
        var before = await CountPostingsAsync(); // the class\'s tests share a database
        using var client = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));

        using var response = await client.PostAsJsonAsync("/api/postings",
            new { title = "", regionCode = "110101", salaryMin = 9000, salaryMax = 3000, vacancies = 0 });

        var fields = await ProblemAssert.IsValidationProblemAsync(response);
        Assert.Equal(["regionCode", "salaryMax", "title", "vacancies"], fields);
        Assert.Equal(before, await CountPostingsAsync());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_answered_with_a_problem_naming_the_field()
    {
        var before = await CountPostingsAsync(); // the class\'s tests share a database
        using var client = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));
        using var body = new StringContent("""{"title":"Cook","regionCode":"150102","salaryMax":"a lot"}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/postings", UriKind.Relative), body);

        Assert.Equal(["salaryMax"], await ProblemAssert.IsValidationProblemAsync(response));
        Assert.Equal(before, await CountPostingsAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_answered_with_a_validation_problem()
    {
        var before = await CountPostingsAsync(); // the class\'s tests share a database
        using var client = Factory.ClientWithToken(EmployerToken(Guid.NewGuid()));
        using var body = new StringContent("""{"title": "Cook", """, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/postings", UriKind.Relative), body);

        var fields = await ProblemAssert.IsValidationProblemAsync(response);
        Assert.Single(fields);
        Assert.Equal(before, await CountPostingsAsync());
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_with_401()
    {
        var before = await CountPostingsAsync(); // the class\'s tests share a database
        using var client = Factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/postings", ValidPosting());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await CountPostingsAsync());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_with_401()
    {
        var before = await CountPostingsAsync(); // the class\'s tests share a database
        var forged = TestTokens.Create(Guid.NewGuid(), "employer", employerId: Guid.NewGuid(),
            signingKey: Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        using var client = Factory.ClientWithToken(forged);

        using var response = await client.PostAsJsonAsync("/api/postings", ValidPosting());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await CountPostingsAsync());
    }

    [Fact]
    public async Task A_seeker_may_not_create_a_posting()
    {
        var before = await CountPostingsAsync(); // the class\'s tests share a database
        using var client = Factory.ClientWithToken(TestTokens.Seeker(Guid.NewGuid()));

        using var response = await client.PostAsJsonAsync("/api/postings", ValidPosting());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await CountPostingsAsync());
    }

    [Fact]
    public async Task An_employer_token_without_an_employer_id_may_not_create_a_posting()
    {
        var before = await CountPostingsAsync(); // the class\'s tests share a database
        using var client = Factory.ClientWithToken(TestTokens.Create(Guid.NewGuid(), "employer"));

        using var response = await client.PostAsJsonAsync("/api/postings", ValidPosting());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await CountPostingsAsync());
    }

    private async Task<long> CountPostingsAsync()
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM postings");
    }

    [Fact]
    public async Task An_undefined_enum_number_and_an_overlong_skill_are_field_errors_and_nothing_is_stored()
    {
        var employerId = Guid.NewGuid();
        using var client = Factory.ClientWithToken(EmployerToken(employerId));
        using var response = await client.PostAsJsonAsync("/api/postings", new
        {
            title = "Welder", regionCode = "150203", employmentType = 99, education = 42, keyGroups = new[] { 7 },
            skills = new[] { new string('焊', 101) },
        });

        Assert.Equal(["education", "employmentType", "keyGroups", "skills"], await ProblemAssert.IsValidationProblemAsync(response));
        Assert.Contains("用工形式", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await client.GetFromJsonAsync<List<PostingResponse>>(new Uri("/api/postings/mine", UriKind.Relative), Json) ?? []);
    }
}
