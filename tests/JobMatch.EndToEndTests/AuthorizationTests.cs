using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.EndToEndTests;

/// <summary>
/// The cross-owner, wrong-role and other-region cells of docs/authorization-matrix.md that the services' own tests
/// do not already prove (OWASP API1 object level, API3 property level, API5 function level), called through the
/// gateway against the platform's processes. Each test checks every caller it names and reports every cell that
/// differs, not only the first. Postings are made in 150102 (a Hohhot district): the caseworker of 150100 serves it,
/// the caseworker of 150200 (Baotou) does not.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class AuthorizationTests(Platform platform)
{
    private const string Region = "150102";
    private static readonly string ThisMonth = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // ---- Anonymous callers (every service, and the gateway) ----

    /// <summary>The public job board: search and a published posting's page, nothing about any person (issue 14).</summary>
    private static readonly Dictionary<(string Method, string Template), HttpStatusCode> Public = new()
    {
        [("get", "/api/postings/search")] = HttpStatusCode.OK,
        [("get", "/api/postings/{id}")] = HttpStatusCode.NotFound,
        [("get", "/api/organisations/{id}")] = HttpStatusCode.NotFound,
        [("get", "/api/matches/taxonomy/national")] = HttpStatusCode.OK, // 职业分类大典's hierarchy, for the public job board's filter
    };

    [Fact]
    public async Task Every_published_operation_refuses_an_anonymous_caller_through_the_gateway_and_directly()
    {
        var checks = new Checks();
        using var gateway = platform.CreateClient();
        var operations = 0;
        foreach (var (document, service) in new[] { ("postings", "postings"), ("profiles", "profiles"), ("matches", "matching"), ("notifications", "notifications") })
        {
            using var direct = new HttpClient { BaseAddress = platform.ServiceAddress(service), Timeout = TimeSpan.FromSeconds(30) };
            var openApi = JsonNode.Parse(await gateway.GetStringAsync($"openapi/{document}.json"))!;
            foreach (var (template, item) in openApi["paths"]!.AsObject())
            {
                var path = PathParameter().Replace(template, match => match.Groups[1].Value switch
                {
                    "month" => ThisMonth,
                    "purpose" => "matching",
                    "keyGroup" => "veteran",
                    "register" => "registered-unemployed",
                    _ => Guid.NewGuid().ToString(),
                }).TrimStart('/');
                foreach (var (method, _) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
                {
                    operations++;
                    var verb = new HttpMethod(method.ToUpperInvariant());
                    var expected = Public.GetValueOrDefault((method, template), HttpStatusCode.Unauthorized);
                    await checks.ExpectAsync($"anonymous via the gateway ({template})", gateway, verb, path, expected, verb == HttpMethod.Get ? null : new { });
                    await checks.ExpectAsync($"anonymous at {service} directly ({template})", direct, verb, path, expected, verb == HttpMethod.Get ? null : new { });
                }
            }
        }
        checks.Equal("operations found in the OpenAPI documents", true, operations >= 38);
        checks.Verify();
    }

    // ---- Postings (job-posting service) ----

    [Fact]
    public async Task Only_employers_create_postings_and_the_employer_id_and_status_come_from_the_token()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        foreach (var (who, client) in callers.AllBut(callers.Owner, callers.OtherEmployer))
            await checks.ExpectAsync(who, client, HttpMethod.Post, "api/postings", HttpStatusCode.Forbidden, Posting("Not yours to post"));

        var smuggled = new JsonObject
        {
            ["title"] = "Smuggled fields " + Unique(),
            ["regionCode"] = Region,
            ["employerId"] = callers.OtherEmployerId.ToString(),
            ["status"] = "published",
            ["id"] = Guid.NewGuid().ToString(),
            ["duplicateOf"] = Guid.NewGuid().ToString(),
            ["publishedAt"] = "2020-01-01T00:00:00Z",
        };
        var created = await Api.SendAsync(callers.Owner, HttpMethod.Post, "api/postings", smuggled, HttpStatusCode.Created);
        checks.Equal("employerId from the token", callers.OwnerEmployerId, created["employerId"]!.GetValue<Guid>());
        checks.Equal("a new posting is a draft", "draft", created["status"]!.GetValue<string>());
        checks.Equal("the server chooses the id", false, created["id"]!.GetValue<string>() == smuggled["id"]!.GetValue<string>());
        checks.Equal("publishedAt is the server's", true, created["publishedAt"] is null);
        checks.Verify();
    }

    [Fact]
    public async Task Only_employers_list_their_own_postings_and_no_one_elses()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var draft = await CreateDraftAsync(callers.Owner);
        foreach (var (who, client) in callers.AllBut(callers.Owner, callers.OtherEmployer))
            await checks.ExpectAsync(who, client, HttpMethod.Get, "api/postings/mine", HttpStatusCode.Forbidden);

        var mine = await Api.GetArrayAsync(callers.Owner, "api/postings/mine");
        var theirs = await Api.GetArrayAsync(callers.OtherEmployer, "api/postings/mine");
        checks.Equal("the owner lists the draft", true, mine.Any(p => p!["id"]!.GetValue<Guid>() == draft));
        checks.Equal("another employer does not", false, theirs.Any(p => p!["id"]!.GetValue<Guid>() == draft));
        checks.Verify();
    }

    [Fact]
    public async Task Drafts_and_postings_under_review_are_never_listed_or_found_by_search()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var word = "authz" + Unique();
        var draft = await CreateDraftAsync(callers.Owner, $"Draft {word}");
        var flagged = await CreateFlaggedAsync(callers.Owner, word);
        var published = await Api.PublishPostingAsync(callers.Owner, Posting($"Published {word}"));

        foreach (var (who, client) in callers.All)
        {
            var listed = await Api.SendAsync(client, HttpMethod.Get, "api/postings?limit=100");
            var listedIds = listed["items"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ToHashSet();
            var found = await Api.SendAsync(client, HttpMethod.Get, $"api/postings/search?q={word}");
            var foundIds = found["items"]!.AsArray().Select(hit => hit!["posting"]!["id"]!.GetValue<Guid>()).ToHashSet();
            checks.Equal($"{who}: the draft is not listed", false, listedIds.Contains(draft));
            checks.Equal($"{who}: the flagged posting is not listed", false, listedIds.Contains(flagged));
            checks.Equal($"{who}: the draft is not found", false, foundIds.Contains(draft));
            checks.Equal($"{who}: the flagged posting is not found", false, foundIds.Contains(flagged));
            checks.Equal($"{who}: the published posting is found", true, foundIds.Contains(published));
        }
        checks.Verify();
    }

    [Fact]
    public async Task A_draft_is_seen_by_its_owner_staff_of_its_region_and_administrators_only()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var draft = await CreateDraftAsync(callers.Owner);
        var path = $"api/postings/{draft}";
        await checks.ExpectAsync("owner", callers.Owner, HttpMethod.Get, path, HttpStatusCode.OK);
        await checks.ExpectAsync("caseworker of the region", callers.Caseworker, HttpMethod.Get, path, HttpStatusCode.OK);
        await checks.ExpectAsync("administrator", callers.Administrator, HttpMethod.Get, path, HttpStatusCode.OK);
        await checks.ExpectAsync("another employer", callers.OtherEmployer, HttpMethod.Get, path, HttpStatusCode.NotFound);
        await checks.ExpectAsync("seeker", callers.Seeker, HttpMethod.Get, path, HttpStatusCode.NotFound);
        await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, HttpMethod.Get, path, HttpStatusCode.NotFound);
        checks.Verify();
    }

    [Fact]
    public async Task Only_the_owner_edits_or_publishes_a_posting_not_staff_nor_seekers()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var draft = await CreateDraftAsync(callers.Owner);
        var live = await Api.PublishPostingAsync(callers.Owner, Posting("Live " + Unique()));
        var edit = Posting("Edited by someone else");

        // A draft: staff of the region see it but may not change it (403); anyone who may not see it is told 404.
        foreach (var (method, suffix, body) in new (HttpMethod, string, object?)[] { (HttpMethod.Put, "", edit), (HttpMethod.Post, "/publish", null) })
        {
            var path = $"api/postings/{draft}{suffix}";
            await checks.ExpectAsync("caseworker of the region", callers.Caseworker, method, path, HttpStatusCode.Forbidden, body);
            await checks.ExpectAsync("administrator", callers.Administrator, method, path, HttpStatusCode.Forbidden, body);
            await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, method, path, HttpStatusCode.NotFound, body);
            await checks.ExpectAsync("seeker", callers.Seeker, method, path, HttpStatusCode.NotFound, body);
            await checks.ExpectAsync("another employer", callers.OtherEmployer, method, path, HttpStatusCode.NotFound, body);
        }
        // A published posting everyone may read: changing it is 403 for all but its owner.
        foreach (var (who, client) in callers.AllBut(callers.Owner))
        {
            await checks.ExpectAsync(who, client, HttpMethod.Put, $"api/postings/{live}", HttpStatusCode.Forbidden, edit);
            await checks.ExpectAsync(who, client, HttpMethod.Post, $"api/postings/{live}/publish", HttpStatusCode.Forbidden);
        }

        var after = await Api.SendAsync(callers.Owner, HttpMethod.Get, $"api/postings/{draft}");
        checks.Equal("the draft is unchanged", "draft", after["status"]!.GetValue<string>());
        checks.Equal("the draft's title is unchanged", false, after["title"]!.GetValue<string>().Contains("someone else", StringComparison.Ordinal));
        await checks.ExpectAsync("owner edits", callers.Owner, HttpMethod.Put, $"api/postings/{draft}", HttpStatusCode.OK, Posting("Owner's edit " + Unique()));
        await checks.ExpectAsync("owner publishes", callers.Owner, HttpMethod.Post, $"api/postings/{draft}/publish", HttpStatusCode.OK);
        checks.Verify();
    }

    [Fact]
    public async Task Screening_flags_are_for_the_owner_and_staff_of_the_region_only()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var flagged = await CreateFlaggedAsync(callers.Owner, "flags" + Unique());
        var live = await Api.PublishPostingAsync(callers.Owner, Posting("Live " + Unique()));

        foreach (var id in new[] { flagged, live })
        {
            var path = $"api/postings/{id}/flags";
            await checks.ExpectAsync("owner", callers.Owner, HttpMethod.Get, path, HttpStatusCode.OK);
            await checks.ExpectAsync("caseworker of the region", callers.Caseworker, HttpMethod.Get, path, HttpStatusCode.OK);
            await checks.ExpectAsync("administrator", callers.Administrator, HttpMethod.Get, path, HttpStatusCode.OK);
        }
        var hidden = $"api/postings/{flagged}/flags";
        await checks.ExpectAsync("seeker (under review)", callers.Seeker, HttpMethod.Get, hidden, HttpStatusCode.NotFound);
        await checks.ExpectAsync("another employer (under review)", callers.OtherEmployer, HttpMethod.Get, hidden, HttpStatusCode.NotFound);
        await checks.ExpectAsync("caseworker of another region (under review)", callers.OtherCaseworker, HttpMethod.Get, hidden, HttpStatusCode.NotFound);
        var visible = $"api/postings/{live}/flags";
        await checks.ExpectAsync("seeker (published)", callers.Seeker, HttpMethod.Get, visible, HttpStatusCode.Forbidden);
        await checks.ExpectAsync("another employer (published)", callers.OtherEmployer, HttpMethod.Get, visible, HttpStatusCode.Forbidden);
        await checks.ExpectAsync("caseworker of another region (published)", callers.OtherCaseworker, HttpMethod.Get, visible, HttpStatusCode.Forbidden);
        checks.Verify();
    }

    [Fact]
    public async Task Staff_of_the_region_and_administrators_close_a_posting_and_no_one_else_but_its_owner()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var first = await Api.PublishPostingAsync(callers.Owner, Posting("Closed by staff " + Unique()));
        var second = await Api.PublishPostingAsync(callers.Owner, Posting("Closed by admin " + Unique()));
        var draft = await CreateDraftAsync(callers.Owner);

        await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, HttpMethod.Post, $"api/postings/{first}/close", HttpStatusCode.Forbidden);
        await checks.ExpectAsync("caseworker of another region (draft)", callers.OtherCaseworker, HttpMethod.Post, $"api/postings/{draft}/close", HttpStatusCode.NotFound);
        await checks.ExpectAsync("seeker (draft)", callers.Seeker, HttpMethod.Post, $"api/postings/{draft}/close", HttpStatusCode.NotFound);
        await checks.ExpectAsync("another employer", callers.OtherEmployer, HttpMethod.Post, $"api/postings/{first}/close", HttpStatusCode.Forbidden);
        var stillOpen = await Api.SendAsync(callers.Owner, HttpMethod.Get, $"api/postings/{first}");
        checks.Equal("still published", "published", stillOpen["status"]!.GetValue<string>());
        await checks.ExpectAsync("caseworker of the region", callers.Caseworker, HttpMethod.Post, $"api/postings/{first}/close", HttpStatusCode.OK);
        await checks.ExpectAsync("administrator", callers.Administrator, HttpMethod.Post, $"api/postings/{second}/close", HttpStatusCode.OK);
        checks.Verify();
    }

    // ---- Applications and follow-ups (job-posting service) ----

    [Fact]
    public async Task Only_seekers_apply_and_the_seeker_id_and_status_come_from_the_token_and_the_server()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var posting = await Api.PublishPostingAsync(callers.Owner, Posting("Apply here " + Unique()));
        var path = $"api/postings/{posting}/applications";
        foreach (var (who, client) in callers.AllBut(callers.Seeker, callers.OtherSeeker))
            await checks.ExpectAsync(who, client, HttpMethod.Post, path, HttpStatusCode.Forbidden, new { coverNote = "x" });

        var application = await Api.SendAsync(callers.Seeker, HttpMethod.Post, path,
            new { coverNote = "我会电焊。", seekerId = callers.OtherSeekerId, status = "hired", postingId = Guid.NewGuid() }, HttpStatusCode.Created);
        checks.Equal("seekerId from the token", callers.SeekerId, application["seekerId"]!.GetValue<Guid>());
        checks.Equal("a new application is submitted", "submitted", application["status"]!.GetValue<string>());
        checks.Equal("postingId from the path", posting, application["postingId"]!.GetValue<Guid>());
        checks.Verify();
    }

    [Fact]
    public async Task Applicants_are_listed_for_the_owner_and_staff_of_the_region_only()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var (posting, application) = await AppliedAsync(callers);
        var path = $"api/postings/{posting}/applications";
        foreach (var (who, client) in new[] { ("owner", callers.Owner), ("caseworker of the region", callers.Caseworker), ("administrator", callers.Administrator) })
        {
            // Staff give a reason (the read goes to each applicant's audit log); the owner needs none and it is ignored.
            var list = (await Api.SendAsync(client, HttpMethod.Get, path + "?reason=shortlist%20review"))["items"]!.AsArray();
            checks.Equal($"{who} sees the application", true, list.Any(a => a!["id"]!.GetValue<Guid>() == application));
        }
        await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, HttpMethod.Get, path, HttpStatusCode.Forbidden);
        await checks.ExpectAsync("another employer", callers.OtherEmployer, HttpMethod.Get, path, HttpStatusCode.Forbidden);
        await checks.ExpectAsync("the applicant", callers.Seeker, HttpMethod.Get, path, HttpStatusCode.Forbidden);
        await checks.ExpectAsync("another seeker", callers.OtherSeeker, HttpMethod.Get, path, HttpStatusCode.Forbidden);
        checks.Verify();
    }

    [Fact]
    public async Task An_application_is_seen_and_moved_by_its_seeker_its_employer_and_staff_of_the_region_only()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var (_, application) = await AppliedAsync(callers);
        var path = $"api/applications/{application}";

        foreach (var (who, client) in new[] { ("the applicant", callers.Seeker), ("owner", callers.Owner), ("caseworker of the region", callers.Caseworker), ("administrator", callers.Administrator) })
            await checks.ExpectAsync(who, client, HttpMethod.Get, path, HttpStatusCode.OK);
        foreach (var (who, client) in new[] { ("another seeker", callers.OtherSeeker), ("another employer", callers.OtherEmployer), ("caseworker of another region", callers.OtherCaseworker) })
        {
            await checks.ExpectAsync(who, client, HttpMethod.Get, path, HttpStatusCode.NotFound);
            await checks.ExpectAsync(who, client, HttpMethod.Post, $"{path}/status", HttpStatusCode.NotFound, new { status = "viewed" });
        }
        await checks.ExpectAsync("the applicant moves it", callers.Seeker, HttpMethod.Post, $"{path}/status", HttpStatusCode.Forbidden, new { status = "hired" });
        foreach (var (who, client) in callers.AllBut(callers.Seeker, callers.OtherSeeker))
            await checks.ExpectAsync(who, client, HttpMethod.Post, $"{path}/withdraw", HttpStatusCode.Forbidden);
        await checks.ExpectAsync("another seeker withdraws", callers.OtherSeeker, HttpMethod.Post, $"{path}/withdraw", HttpStatusCode.NotFound);
        var unchanged = await Api.SendAsync(callers.Seeker, HttpMethod.Get, path);
        checks.Equal("still submitted", "submitted", unchanged["status"]!.GetValue<string>());

        await checks.ExpectAsync("caseworker of the region moves it", callers.Caseworker, HttpMethod.Post, $"{path}/status", HttpStatusCode.OK, new { status = "viewed" });
        await checks.ExpectAsync("administrator moves it", callers.Administrator, HttpMethod.Post, $"{path}/status", HttpStatusCode.OK, new { status = "interview" });
        await checks.ExpectAsync("owner moves it", callers.Owner, HttpMethod.Post, $"{path}/status", HttpStatusCode.OK, new { status = "offer" });
        // The seeker's own step is withdrawal; the employer may not put the application there (a server-controlled transition).
        await checks.ExpectAsync("owner withdraws it by status", callers.Owner, HttpMethod.Post, $"{path}/status", HttpStatusCode.BadRequest, new { status = "withdrawn" });
        checks.Verify();
    }

    [Fact]
    public async Task A_seeker_lists_only_their_own_applications_and_other_roles_may_not_list()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var (_, application) = await AppliedAsync(callers);
        foreach (var (who, client) in callers.AllBut(callers.Seeker, callers.OtherSeeker))
            await checks.ExpectAsync(who, client, HttpMethod.Get, "api/applications/mine", HttpStatusCode.Forbidden);
        var mine = await Api.GetArrayAsync(callers.Seeker, "api/applications/mine");
        var theirs = await Api.GetArrayAsync(callers.OtherSeeker, "api/applications/mine");
        checks.Equal("the applicant lists it", true, mine.Any(a => a!["id"]!.GetValue<Guid>() == application));
        checks.Equal("another seeker does not", false, theirs.Any(a => a!["id"]!.GetValue<Guid>() == application));
        checks.Verify();
    }

    [Fact]
    public async Task Follow_ups_are_recorded_and_read_by_staff_of_the_region_only_and_name_the_caller_as_caseworker()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var (_, application) = await AppliedAsync(callers);
        var path = $"api/applications/{application}/follow-ups";
        var visit = new { outcome = "stillSeeking", caseworkerId = Guid.NewGuid(), id = Guid.NewGuid() };

        foreach (var (who, client) in new[] { ("the applicant", callers.Seeker), ("owner", callers.Owner), ("another employer", callers.OtherEmployer) })
        {
            await checks.ExpectAsync(who, client, HttpMethod.Post, path, HttpStatusCode.Forbidden, visit);
            await checks.ExpectAsync(who, client, HttpMethod.Get, path, HttpStatusCode.Forbidden);
        }
        await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, HttpMethod.Post, path, HttpStatusCode.NotFound, visit);
        await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, HttpMethod.Get, path, HttpStatusCode.NotFound);

        var recorded = await Api.SendAsync(callers.Caseworker, HttpMethod.Post, path, visit, HttpStatusCode.Created);
        checks.Equal("caseworkerId from the token", callers.CaseworkerId, recorded["caseworkerId"]!.GetValue<Guid>());
        checks.Equal("the server chooses the id", false, recorded["id"]!.GetValue<Guid>() == visit.id);
        await checks.ExpectAsync("administrator records", callers.Administrator, HttpMethod.Post, path, HttpStatusCode.Created, visit);
        foreach (var (who, client) in new[] { ("caseworker of the region", callers.Caseworker), ("administrator", callers.Administrator) })
        {
            var visits = await Api.GetArrayAsync(client, path);
            checks.Equal($"{who} reads both visits", 2, visits.Count);
        }
        checks.Verify();
    }

    // ---- Screening review (job-posting service) ----

    [Fact]
    public async Task The_review_queue_and_its_decisions_are_for_staff_of_the_region_only()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var word = "review" + Unique();
        var toReturn = await CreateFlaggedAsync(callers.Owner, word + "a");
        var toReject = await CreateFlaggedAsync(callers.Owner, word + "b");
        var toApprove = await CreateFlaggedAsync(callers.Owner, word + "c");

        foreach (var (who, client) in new[] { ("seeker", callers.Seeker), ("owner", callers.Owner), ("another employer", callers.OtherEmployer) })
        {
            await checks.ExpectAsync(who, client, HttpMethod.Get, "api/review", HttpStatusCode.Forbidden);
            await checks.ExpectAsync(who, client, HttpMethod.Post, $"api/review/{toApprove}/approve", HttpStatusCode.Forbidden);
            await checks.ExpectAsync(who, client, HttpMethod.Post, $"api/review/{toReject}/reject", HttpStatusCode.Forbidden, new { reason = "x" });
            await checks.ExpectAsync(who, client, HttpMethod.Post, $"api/review/{toReturn}/return", HttpStatusCode.Forbidden, new { reason = "x" });
        }
        await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, HttpMethod.Post, $"api/review/{toApprove}/approve", HttpStatusCode.NotFound);
        await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, HttpMethod.Post, $"api/review/{toReject}/reject", HttpStatusCode.NotFound, new { reason = "x" });
        await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, HttpMethod.Post, $"api/review/{toReturn}/return", HttpStatusCode.NotFound, new { reason = "x" });

        foreach (var (who, client, sees) in new[] { ("caseworker of the region", callers.Caseworker, true), ("administrator", callers.Administrator, true), ("caseworker of another region", callers.OtherCaseworker, false) })
        {
            var queue = await Api.GetArrayAsync(client, "api/review");
            var ids = queue.Select(item => item!["posting"]!["id"]!.GetValue<Guid>()).ToHashSet();
            checks.Equal($"{who} sees the flagged postings in the queue", sees, ids.Contains(toApprove) && ids.Contains(toReject) && ids.Contains(toReturn));
            checks.Equal($"{who} sees any of them", sees, ids.Contains(toApprove) || ids.Contains(toReject) || ids.Contains(toReturn));
        }
        foreach (var id in new[] { toApprove, toReject, toReturn })
        {
            var posting = await Api.SendAsync(callers.Owner, HttpMethod.Get, $"api/postings/{id}");
            checks.Equal("nothing was decided by those refused", "needsReview", posting["status"]!.GetValue<string>());
        }

        await checks.ExpectAsync("caseworker of the region returns", callers.Caseworker, HttpMethod.Post, $"api/review/{toReturn}/return", HttpStatusCode.OK, new { reason = "请删除性别要求。" });
        await checks.ExpectAsync("administrator rejects", callers.Administrator, HttpMethod.Post, $"api/review/{toReject}/reject", HttpStatusCode.OK, new { reason = "性别限制违反就业促进法。" });
        await checks.ExpectAsync("caseworker of the region approves", callers.Caseworker, HttpMethod.Post, $"api/review/{toApprove}/approve", HttpStatusCode.OK);
        checks.Verify();
    }

    // ---- Key-enterprise vacancy reports (job-posting service) ----

    [Fact]
    public async Task Only_key_enterprises_file_vacancy_reports_under_the_employer_id_of_their_token()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var path = $"api/vacancy-reports/{ThisMonth}";
        var report = Report(Region, callers.OtherEmployerId);
        foreach (var (who, client) in callers.All)
            await checks.ExpectAsync(who + " (no key_enterprise claim)", client, HttpMethod.Put, path, HttpStatusCode.Forbidden, report);

        var enterpriseId = Guid.NewGuid();
        using var enterprise = platform.CreateClient(KeyEnterpriseToken(enterpriseId));
        var filed = await Api.SendAsync(enterprise, HttpMethod.Put, path, report);
        checks.Equal("employerId from the token", enterpriseId, filed["employerId"]!.GetValue<Guid>());
        checks.Verify();
    }

    [Fact]
    public async Task Vacancy_reports_are_listed_to_their_enterprise_and_to_staff_of_their_region_only()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var enterpriseId = Guid.NewGuid();
        using var enterprise = platform.CreateClient(KeyEnterpriseToken(enterpriseId));
        using var otherEnterprise = platform.CreateClient(KeyEnterpriseToken(Guid.NewGuid()));
        var filed = await Api.SendAsync(enterprise, HttpMethod.Put, $"api/vacancy-reports/{ThisMonth}", Report(Region, null));
        var reportId = filed["id"]!.GetValue<Guid>();

        foreach (var (who, client) in new[] { ("seeker", callers.Seeker), ("caseworker of the region", callers.Caseworker), ("administrator", callers.Administrator) })
            await checks.ExpectAsync(who, client, HttpMethod.Get, "api/vacancy-reports/mine", HttpStatusCode.Forbidden);
        checks.Equal("the enterprise lists its report", true, (await Api.GetArrayAsync(enterprise, "api/vacancy-reports/mine")).Any(r => r!["id"]!.GetValue<Guid>() == reportId));
        checks.Equal("another enterprise does not", false, (await Api.GetArrayAsync(otherEnterprise, "api/vacancy-reports/mine")).Any(r => r!["id"]!.GetValue<Guid>() == reportId));
        checks.Equal("an ordinary employer does not", false, (await Api.GetArrayAsync(callers.OtherEmployer, "api/vacancy-reports/mine")).Any(r => r!["id"]!.GetValue<Guid>() == reportId));

        var regionList = $"api/vacancy-reports?month={ThisMonth}";
        foreach (var (who, client) in new[] { ("seeker", callers.Seeker), ("employer", callers.Owner), ("the enterprise", enterprise) })
            await checks.ExpectAsync(who, client, HttpMethod.Get, regionList, HttpStatusCode.Forbidden);
        foreach (var (who, client, sees) in new[] { ("caseworker of the region", callers.Caseworker, true), ("administrator", callers.Administrator, true), ("caseworker of another region", callers.OtherCaseworker, false) })
        {
            checks.Equal($"{who} sees the report", sees, (await Api.GetArrayAsync(client, regionList)).Any(r => r!["id"]!.GetValue<Guid>() == reportId));
            checks.Equal($"{who} asking for the report's region sees it", sees,
                (await Api.GetArrayAsync(client, $"{regionList}&region={Region}")).Any(r => r!["id"]!.GetValue<Guid>() == reportId));
        }
        checks.Verify();
    }

    // ---- Profiles (jobseeker-profile service) ----

    [Fact]
    public async Task The_seekers_me_routes_refuse_every_other_role()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        foreach (var (who, client) in new[] { ("employer", callers.Owner), ("caseworker", callers.Caseworker), ("administrator", callers.Administrator) })
        {
            await checks.ExpectAsync(who, client, HttpMethod.Get, "api/profiles/me", HttpStatusCode.Forbidden);
            await checks.ExpectAsync(who, client, HttpMethod.Put, "api/profiles/me", HttpStatusCode.Forbidden, Profile("Not a seeker"));
            await checks.ExpectAsync(who, client, HttpMethod.Get, "api/profiles/me/export", HttpStatusCode.Forbidden);
            await checks.ExpectAsync(who, client, HttpMethod.Delete, "api/profiles/me", HttpStatusCode.Forbidden);
            await checks.ExpectAsync(who, client, HttpMethod.Get, "api/profiles/me/consents", HttpStatusCode.Forbidden);
            await checks.ExpectAsync(who, client, HttpMethod.Put, "api/profiles/me/consents/employer-sharing", HttpStatusCode.Forbidden, new { granted = true });
            await checks.ExpectAsync(who, client, HttpMethod.Get, "api/profiles/me/contact-reads", HttpStatusCode.Forbidden);
        }
        checks.Verify();
    }

    [Fact]
    public async Task A_seeker_reads_changes_exports_and_deletes_only_their_own_profile()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var mineName = "Own " + Unique();
        var theirName = "Other " + Unique();
        await Api.SendAsync(callers.Seeker, HttpMethod.Put, "api/profiles/me", Profile(mineName));
        // A seekerId in the body is not how a profile is chosen: the token's subject is.
        var theirs = new JsonObject { ["name"] = theirName, ["regionCode"] = Region, ["seekerId"] = callers.SeekerId.ToString() };
        var saved = await Api.SendAsync(callers.OtherSeeker, HttpMethod.Put, "api/profiles/me", theirs);
        checks.Equal("the profile saved is the caller's", callers.OtherSeekerId, saved["seekerId"]!.GetValue<Guid>());
        await checks.ExpectAsync("the other seeker withdraws a consent", callers.OtherSeeker, HttpMethod.Put, "api/profiles/me/consents/matching", HttpStatusCode.OK, new { granted = false });

        var mine = await Api.SendAsync(callers.Seeker, HttpMethod.Get, "api/profiles/me");
        checks.Equal("reads their own name", mineName, mine["name"]!.GetValue<string>());
        var export = await Api.SendAsync(callers.Seeker, HttpMethod.Get, "api/profiles/me/export");
        checks.Equal("the export holds no one else's data", false, Api.Json(export).Contains(theirName, StringComparison.Ordinal));
        var consents = await Api.GetArrayAsync(callers.Seeker, "api/profiles/me/consents");
        checks.Equal("their own matching consent is untouched", true,
            consents.Single(c => c!["purpose"]!.GetValue<string>() == "matching")!["granted"]!.GetValue<bool>());

        await checks.ExpectAsync("the other seeker deletes their account", callers.OtherSeeker, HttpMethod.Delete, "api/profiles/me", HttpStatusCode.NoContent);
        await checks.ExpectAsync("the seeker's profile is still there", callers.Seeker, HttpMethod.Get, "api/profiles/me", HttpStatusCode.OK);
        checks.Verify();
    }

    [Fact]
    public async Task The_audit_log_is_for_staff_of_the_seekers_region_only()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        await Api.SendAsync(callers.Seeker, HttpMethod.Put, "api/profiles/me", Profile("Audited " + Unique()));
        var path = $"api/profiles/{callers.SeekerId}/audit?reason=complaint%20review";
        await checks.ExpectAsync("the seeker themselves", callers.Seeker, HttpMethod.Get, path, HttpStatusCode.Forbidden);
        await checks.ExpectAsync("another seeker", callers.OtherSeeker, HttpMethod.Get, path, HttpStatusCode.Forbidden);
        await checks.ExpectAsync("employer", callers.Owner, HttpMethod.Get, path, HttpStatusCode.Forbidden);
        await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, HttpMethod.Get, path, HttpStatusCode.NotFound);
        await checks.ExpectAsync("caseworker of the region", callers.Caseworker, HttpMethod.Get, path, HttpStatusCode.OK);
        await checks.ExpectAsync("administrator", callers.Administrator, HttpMethod.Get, path, HttpStatusCode.OK);
        await checks.ExpectAsync("a staff read of the profile by the administrator", callers.Administrator, HttpMethod.Get,
            $"api/profiles/{callers.SeekerId}?reason=audit%20check", HttpStatusCode.OK);
        await checks.ExpectAsync("a staff read by a caseworker of another region", callers.OtherCaseworker, HttpMethod.Get,
            $"api/profiles/{callers.SeekerId}?reason=curious", HttpStatusCode.NotFound);
        var entries = await Api.GetArrayAsync(callers.Caseworker, path);
        var reads = entries.Where(entry => entry!["action"]!.GetValue<string>() != "read-audit-log").ToList();
        checks.Equal("the administrator's read is in the log, the refused one is not", 1, reads.Count);
        checks.Equal("the two allowed reads of the log are themselves in it, the refused one is not", 2, entries.Count - reads.Count);
        checks.Verify();
    }

    [Fact]
    public async Task A_caseworkers_read_of_recommendations_in_matching_shows_in_the_seekers_audit_log()
    {
        using var callers = new Callers(platform);
        await Api.SendAsync(callers.Seeker, HttpMethod.Put, "api/profiles/me", Profile("Audited in matching " + Unique()));
        var recommendations = $"api/matches/seekers/{callers.SeekerId}/recommendations";
        // Matching knows the seeker once their profile event is in; until then the read is a 404 and audits nothing.
        await Eventually.GetAsync(async () =>
        {
            using var response = await callers.Caseworker.GetAsync(recommendations + "?reason=%E5%B2%97%E4%BD%8D%E6%8E%A8%E8%8D%90%E5%A4%8D%E6%A0%B8");
            return response.StatusCode;
        }, status => status == HttpStatusCode.OK, "the caseworker's read of the seeker's recommendations");
        using (var withoutReason = await callers.Caseworker.GetAsync(recommendations))
            Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);

        var entries = await Eventually.GetAsync(
            () => Api.GetArrayAsync(callers.Administrator, $"api/profiles/{callers.SeekerId}/audit?reason=audit%20check"),
            found => found.Any(entry => entry!["action"]!.GetValue<string>() == "read-recommendations"), "the matching read in the profile's audit log");
        var read = entries.Single(entry => entry!["action"]!.GetValue<string>() == "read-recommendations")!;
        Assert.Equal(callers.CaseworkerId, read["staffId"]!.GetValue<Guid>());
        Assert.Equal("岗位推荐复核", read["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Key_groups_are_set_and_verified_by_staff_of_the_seekers_region_never_by_the_seeker()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        await Api.SendAsync(callers.Seeker, HttpMethod.Put, "api/profiles/me", Profile("Key group " + Unique()));
        var correct = $"api/profiles/{callers.SeekerId}/key-groups/veteran";
        var verify = $"{correct}/verification";
        var correction = new { applies = true, evidence = "退役军人证", reason = "seen the certificate" };

        foreach (var (who, client) in new[] { ("the seeker themselves", callers.Seeker), ("another seeker", callers.OtherSeeker), ("employer", callers.Owner) })
        {
            await checks.ExpectAsync(who, client, HttpMethod.Put, correct, HttpStatusCode.Forbidden, correction);
            await checks.ExpectAsync(who, client, HttpMethod.Post, verify, HttpStatusCode.Forbidden, new { reason = "records check" });
        }
        await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, HttpMethod.Put, correct, HttpStatusCode.NotFound, correction);
        await checks.ExpectAsync("caseworker of another region", callers.OtherCaseworker, HttpMethod.Post, verify, HttpStatusCode.NotFound, new { reason = "records check" });
        var profile = await Api.SendAsync(callers.Seeker, HttpMethod.Get, "api/profiles/me");
        checks.Equal("no one refused changed the veteran group", false,
            profile["keyGroups"]!.AsArray().Any(g => g!["keyGroup"]!.GetValue<string>() == "veteran" && g["applies"]!.GetValue<bool>()));

        await checks.ExpectAsync("administrator corrects", callers.Administrator, HttpMethod.Put, correct, HttpStatusCode.OK, correction);
        await checks.ExpectAsync("caseworker of the region verifies", callers.Caseworker, HttpMethod.Post, verify, HttpStatusCode.OK, new { reason = "follow-up" });
        checks.Verify();
    }

    [Fact]
    public async Task Registers_are_imported_by_staff_only_and_only_with_rows_of_the_regions_they_serve()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        const string path = "api/profiles/registers/registered-unemployed/imports";
        var baotou = "name,national_id,phone,region_code,registered_on\n" + $"王芳,{NationalIdIn("150203")},,150203,2026-01-05";

        foreach (var (who, client) in new[] { ("seeker", callers.Seeker), ("employer", callers.Owner) })
            checks.Equal($"{who} is refused", HttpStatusCode.Forbidden, await ImportAsync(client, path, baotou));
        checks.Equal("a Hohhot caseworker's Baotou row is refused", HttpStatusCode.BadRequest, await ImportAsync(callers.Caseworker, path, baotou));
        checks.Equal("an administrator imports any region", HttpStatusCode.OK, await ImportAsync(callers.Administrator, path, baotou));
        checks.Verify();
    }

    // ---- Notification preferences and deliveries (notification service) ----

    [Fact]
    public async Task Notification_preferences_are_each_callers_own_whatever_the_body_says()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var people = new[]
        {
            ("seeker", callers.Seeker), ("employer", callers.Owner), ("caseworker", callers.Caseworker), ("administrator", callers.Administrator),
        };
        foreach (var (who, client) in people)
        {
            var email = $"{who}-{Unique()}@example.com";
            // A userId or recipientId in the body is not how the person is chosen: the token's subject is.
            var saved = await Api.SendAsync(client, HttpMethod.Put, "api/notifications/preferences",
                new { language = "en", email, userId = callers.OtherSeekerId, recipientId = callers.OtherSeekerId });
            checks.Equal($"{who} saved their own", email, saved["email"]?.GetValue<string>());
            var read = await Api.SendAsync(client, HttpMethod.Get, "api/notifications/preferences");
            checks.Equal($"{who} reads their own", email, read["email"]?.GetValue<string>());
            var others = await Api.SendAsync(callers.OtherSeeker, HttpMethod.Get, "api/notifications/preferences");
            checks.Equal($"another user does not get {who}'s", false, Api.Json(others).Contains(email, StringComparison.Ordinal));
        }
        checks.Verify();
    }

    [Fact]
    public async Task Deliveries_are_listed_to_their_recipient_only()
    {
        using var callers = new Callers(platform);
        var checks = new Checks();
        var skill = "授权检查-" + Unique();
        await Api.SendAsync(callers.Seeker, HttpMethod.Put, "api/notifications/preferences",
            new { email = $"seeker-{Unique()}@example.com", channels = new Dictionary<string, string[]> { ["new-matches"] = ["email"] } });
        await Api.SendAsync(callers.Seeker, HttpMethod.Put, "api/profiles/me", new
        {
            name = "Delivery " + Unique(), skills = new[] { skill }, regionCode = Region, latitude = 40.8426, longitude = 111.7492, maxCommuteKm = 30,
        });
        await Eventually.GetAsync(async () =>
        {
            using var response = await callers.Seeker.GetAsync($"api/matches/seekers/{callers.SeekerId}/recommendations");
            return response.IsSuccessStatusCode;
        }, known => known, "matching knowing the seeker");
        await Api.PublishPostingAsync(callers.Owner, Api.Posting("Delivery check " + Unique(), [skill], regionCode: Region));

        var mine = await Eventually.GetAsync(() => Api.GetArrayAsync(callers.Seeker, "api/notifications/deliveries"),
            deliveries => deliveries.Count > 0, "a delivery for the seeker's e-mail channel");
        var ids = mine.Select(d => d!["id"]!.GetValue<string>()).ToList();
        foreach (var (who, client) in callers.AllBut(callers.Seeker))
        {
            var theirs = Api.Json(await Api.GetArrayAsync(client, "api/notifications/deliveries"));
            checks.Equal($"{who} does not see the seeker's deliveries", false, ids.Any(id => theirs.Contains(id, StringComparison.Ordinal)));
        }
        checks.Verify();
    }

    [Fact]
    public async Task An_employers_notifications_are_read_by_its_own_users_and_no_one_else()
    {
        using var callers = new Callers(platform);
        using var colleague = platform.CreateClient(TestTokens.Employer(Guid.NewGuid(), callers.OwnerEmployerId));
        var checks = new Checks();
        var posting = await Api.PublishPostingAsync(callers.Owner, Posting("Organisation notice " + Unique()));
        var notification = await Eventually.GetAsync(
            async () => (await Api.GetArrayAsync(colleague, "api/notifications")).FirstOrDefault(n => Api.Json(n!["data"]).Contains(posting.ToString(), StringComparison.Ordinal)),
            n => n is not null, "the organisation's notification that its posting was published");
        var id = notification!["id"]!.GetValue<Guid>();

        foreach (var (who, client) in callers.AllBut(callers.Owner))
        {
            var theirs = Api.Json(await Api.GetArrayAsync(client, "api/notifications"));
            checks.Equal($"{who} does not list the organisation's notification", false, theirs.Contains(id.ToString(), StringComparison.Ordinal));
            await checks.ExpectAsync(who, client, HttpMethod.Post, $"api/notifications/{id}/read", HttpStatusCode.NotFound);
        }
        var owners = Api.Json(await Api.GetArrayAsync(callers.Owner, "api/notifications?unreadOnly=true"));
        checks.Equal("the posting's author lists it, still unread", true, owners.Contains(id.ToString(), StringComparison.Ordinal));
        await checks.ExpectAsync("a colleague marks it read", colleague, HttpMethod.Post, $"api/notifications/{id}/read", HttpStatusCode.NoContent);
        checks.Verify();
    }

    [Fact]
    public async Task A_live_stream_carries_only_the_callers_own_notifications_even_resuming_after_someone_elses()
    {
        using var callers = new Callers(platform);
        var colleagueToken = TestTokens.Employer(Guid.NewGuid(), callers.OwnerEmployerId);
        using var colleague = platform.CreateClient(colleagueToken);
        var checks = new Checks();
        var first = await Api.PublishPostingAsync(callers.Owner, Posting("Stream notice " + Unique()));
        var earlier = await Eventually.GetAsync(
            async () => (await Api.GetArrayAsync(colleague, "api/notifications")).FirstOrDefault(n => Api.Json(n!["data"]).Contains(first.ToString(), StringComparison.Ordinal)),
            n => n is not null, "the organisation's first notification");
        var earlierId = earlier!["id"]!.GetValue<Guid>().ToString();

        // Everyone else opens the stream resuming "after" the organisation's notification, as a browser would after a drop.
        var strangers = new List<(string Who, HttpResponseMessage Response, StreamReader Reader)>();
        var streamClients = new List<HttpClient>();
        try
        {
            foreach (var (who, token) in callers.Tokens.Where(caller => caller.Who != "owner"))
            {
                var client = StreamClient(token);
                streamClients.Add(client);
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/notifications/stream");
                request.Headers.Add("Last-Event-ID", earlierId);
                var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                checks.Equal($"{who} may open their own stream", HttpStatusCode.OK, response.StatusCode);
                strangers.Add((who, response, new StreamReader(await response.Content.ReadAsStreamAsync())));
            }
            var ownClient = StreamClient(colleagueToken);
            streamClients.Add(ownClient);
            using var own = await ownClient.GetAsync("api/notifications/stream", HttpCompletionOption.ResponseHeadersRead);
            own.EnsureSuccessStatusCode();
            using var ownReader = new StreamReader(await own.Content.ReadAsStreamAsync());

            var second = await Api.PublishPostingAsync(callers.Owner, Posting("Stream notice " + Unique()));
            var received = await ReadUntilAsync(ownReader, second.ToString(), Eventually.DefaultTimeout);
            checks.Equal("a colleague's stream carries the organisation's new notification", true, received.Contains(second.ToString(), StringComparison.Ordinal));
            foreach (var (who, _, reader) in strangers)
            {
                var seen = await ReadUntilAsync(reader, second.ToString(), TimeSpan.FromSeconds(3));
                checks.Equal($"{who}'s stream carries none of the organisation's notifications", false,
                    seen.Contains(second.ToString(), StringComparison.Ordinal) || seen.Contains(first.ToString(), StringComparison.Ordinal) || seen.Contains(earlierId, StringComparison.Ordinal));
            }
        }
        finally
        {
            foreach (var (_, response, reader) in strangers)
            {
                reader.Dispose();
                response.Dispose();
            }
            foreach (var client in streamClients) client.Dispose();
        }
        checks.Verify();
    }

    /// <summary>A client for a stream that stays open longer than an ordinary call may take.</summary>
    private HttpClient StreamClient(string token)
    {
        var client = platform.CreateClient(token);
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }

    /// <summary>What a server-sent event stream says until a line contains the text or the time is up.</summary>
    private static async Task<string> ReadUntilAsync(StreamReader reader, string text, TimeSpan timeout)
    {
        var seen = new StringBuilder();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await reader.ReadLineAsync(deadline.Token) is { } line)
            {
                seen.AppendLine(line);
                if (line.Contains(text, StringComparison.Ordinal)) break;
            }
        }
        catch (OperationCanceledException)
        {
            // Nothing more within the time: that is the answer.
        }
        return seen.ToString();
    }

    // ---- Sign-in (gateway development issuer) ----

    [Fact]
    public async Task Signing_in_cannot_choose_the_role_user_id_employer_regions_or_key_enterprise_of_the_token()
    {
        var checks = new Checks();
        using var anonymous = platform.CreateClient();
        var answer = await Api.SendAsync(anonymous, HttpMethod.Post, "api/auth/token", new
        {
            username = "seeker", password = Api.DemoPassword,
            role = "administrator", userId = Guid.NewGuid(), employerId = Guid.NewGuid(), regions = new[] { "150000" }, region = "150000",
            keyEnterprise = true, key_enterprise = "true",
        });
        var token = new JsonWebToken(answer["accessToken"]!.GetValue<string>());
        checks.Equal("role from the account", "seeker", token.GetClaim("role").Value);
        checks.Equal("subject from the account", "0b6a1c52-3f4e-4c1a-9d7e-5a1f2e3d4c01", token.Subject);
        checks.Equal("no employer_id", false, token.TryGetClaim("employer_id", out _));
        checks.Equal("no region", false, token.TryGetClaim("region", out _));
        checks.Equal("no key_enterprise", false, token.TryGetClaim("key_enterprise", out _));
        using var seeker = platform.CreateClient(token.EncodedToken);
        await checks.ExpectAsync("the seeker's token on a staff route", seeker, HttpMethod.Get, "api/review", HttpStatusCode.Forbidden);
        await checks.ExpectAsync("an unknown account", anonymous, HttpMethod.Post, "api/auth/token", HttpStatusCode.Unauthorized,
            new { username = "root", password = Api.DemoPassword });
        checks.Verify();
    }

    // ---- helpers ----

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PathParameter();

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>
    /// Skills no other test uses: these postings and profiles must not crowd other tests' seekers' recommendations
    /// (the platform is shared by the whole collection).
    /// </summary>
    private static readonly string PostingSkill = "授权检查岗位-" + Unique();
    private static readonly string ProfileSkill = "授权检查求职-" + Unique();

    private static object Posting(string title) => Api.Posting(title, [PostingSkill], regionCode: Region);

    private static object Profile(string name) => new
    {
        name, skills = new[] { ProfileSkill }, regionCode = Region, latitude = 40.8426, longitude = 111.7492, maxCommuteKm = 30,
    };

    private static object Report(string regionCode, Guid? employerId) => new
    {
        regionCode,
        employerId,
        lines = new[] { new { occupationCode = "6-18-02", occupationName = "电焊工", vacancies = 12, plannedHires = 15 } },
    };

    private static async Task<Guid> CreateDraftAsync(HttpClient owner, string? title = null)
    {
        var created = await Api.SendAsync(owner, HttpMethod.Post, "api/postings", Posting(title ?? "Draft " + Unique()), HttpStatusCode.Created);
        return created["id"]!.GetValue<Guid>();
    }

    /// <summary>A posting screening holds for review (a gender requirement), so it waits in the region's queue.</summary>
    private static async Task<Guid> CreateFlaggedAsync(HttpClient owner, string word)
    {
        var created = await Api.SendAsync(owner, HttpMethod.Post, "api/postings", new
        {
            title = $"电焊工 {word}", description = $"限男性。{word}", skills = new[] { PostingSkill }, regionCode = Region,
            latitude = 40.8426, longitude = 111.7492, salaryMin = 5000, salaryMax = 7000, vacancies = 1,
        }, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var submitted = await Api.SendAsync(owner, HttpMethod.Post, $"api/postings/{id}/publish");
        Assert.Equal("needsReview", submitted["status"]!.GetValue<string>());
        return id;
    }

    private static async Task<(Guid Posting, Guid Application)> AppliedAsync(Callers callers)
    {
        var posting = await Api.PublishPostingAsync(callers.Owner, Posting("Applied " + Unique()));
        var application = await Api.SendAsync(callers.Seeker, HttpMethod.Post, $"api/postings/{posting}/applications", new { coverNote = "你好" }, HttpStatusCode.Created);
        return (posting, application["id"]!.GetValue<Guid>());
    }

    private static async Task<HttpStatusCode> ImportAsync(HttpClient client, string path, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync(path, content);
        return response.StatusCode;
    }

    private static string NationalIdIn(string region)
    {
        var born = new DateOnly(1975, 1, 1).AddDays(Random.Shared.Next(0, 365 * 25));
        var first17 = $"{region}{born:yyyyMMdd}{Random.Shared.Next(0, 1000):000}";
        return first17 + NationalId.CheckCharacterOf(first17);
    }

    /// <summary>An employer token with key_enterprise=true, as the issuer writes it for enterprises on the bureau's list.</summary>
    private static string KeyEnterpriseToken(Guid employerId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "jobmatch-dev",
        Audience = "jobmatch",
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object>
        {
            ["sub"] = Guid.NewGuid().ToString(), ["role"] = "employer", ["employer_id"] = employerId.ToString(), ["key_enterprise"] = "true",
        },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestSecrets.SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>One caller of each kind, fresh ids: the owner employer, another employer, two seekers, staff in and out of the region.</summary>
    private sealed class Callers : IDisposable
    {
        public Callers(Platform platform)
        {
            Tokens =
            [
                ("owner", TestTokens.Employer(Guid.NewGuid(), OwnerEmployerId)),
                ("another employer", TestTokens.Employer(Guid.NewGuid(), OtherEmployerId)),
                ("seeker", TestTokens.Seeker(SeekerId)),
                ("another seeker", TestTokens.Seeker(OtherSeekerId)),
                ("caseworker of the region", TestTokens.Caseworker(CaseworkerId, "150100")),
                ("caseworker of another region", TestTokens.Caseworker(Guid.NewGuid(), "150200")),
                ("administrator", TestTokens.Administrator(Guid.NewGuid())),
            ];
            var clients = Tokens.Select(caller => platform.CreateClient(caller.Token)).ToList();
            (Owner, OtherEmployer, Seeker, OtherSeeker, Caseworker, OtherCaseworker, Administrator) =
                (clients[0], clients[1], clients[2], clients[3], clients[4], clients[5], clients[6]);
        }

        /// <summary>Each caller's token, in the order of <see cref="All"/>.</summary>
        public IReadOnlyList<(string Who, string Token)> Tokens { get; }

        public Guid OwnerEmployerId { get; } = Guid.NewGuid();
        public Guid OtherEmployerId { get; } = Guid.NewGuid();
        public Guid SeekerId { get; } = Guid.NewGuid();
        public Guid OtherSeekerId { get; } = Guid.NewGuid();
        public Guid CaseworkerId { get; } = Guid.NewGuid();
        public HttpClient Owner { get; }
        public HttpClient OtherEmployer { get; }
        public HttpClient Seeker { get; }
        public HttpClient OtherSeeker { get; }
        public HttpClient Caseworker { get; }
        public HttpClient OtherCaseworker { get; }
        public HttpClient Administrator { get; }

        public IEnumerable<(string Who, HttpClient Client)> All =>
        [
            ("owner", Owner), ("another employer", OtherEmployer), ("seeker", Seeker), ("another seeker", OtherSeeker),
            ("caseworker of the region", Caseworker), ("caseworker of another region", OtherCaseworker), ("administrator", Administrator),
        ];

        public IEnumerable<(string Who, HttpClient Client)> AllBut(params HttpClient[] excluded) => All.Where(caller => !excluded.Contains(caller.Client));

        public void Dispose()
        {
            foreach (var (_, client) in All) client.Dispose();
        }
    }

    /// <summary>Collects every cell that differs, so one run names all of them.</summary>
    private sealed class Checks
    {
        private readonly List<string> _failures = [];

        public async Task ExpectAsync(string who, HttpClient client, HttpMethod method, string path, HttpStatusCode expected, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await client.SendAsync(request);
            if (response.StatusCode != expected)
                _failures.Add($"{who}: {method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        public void Equal<T>(string what, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual)) _failures.Add($"{what}: expected {expected}, got {actual}");
        }

        public void Verify() => Assert.True(_failures.Count == 0, string.Join('\n', _failures));
    }
}
