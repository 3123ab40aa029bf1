using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;
using Profiles.Api.Applicants;
using Profiles.Api.Audit;

namespace Profiles.Tests.Integration;

/// <summary>
/// The applicant card: the posting's employer (named by ApplicationSubmitted) reads name, phone and profile under the
/// seeker's employer-sharing consent, the contact only after an accepted request for that application, a masked card
/// otherwise; anyone else gets 404.
/// </summary>
public sealed class ApplicantCardTests : ProfilesHost
{
    private async Task DeliveredAsync<T>(T message) where T : class
    {
        var messageId = NewId.NextGuid();
        await Factory.Bus.Publish(message, context => context.MessageId = messageId);
        await Eventually.GetAsync(async () =>
        {
            await using var connection = await Factory.DataSource.OpenConnectionAsync();
            return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox WHERE message_id = @messageId", new { messageId });
        }, count => count == 1, $"{typeof(T).Name} consumed");
    }

    private async Task<Guid> AppliedAsync(Guid seekerId, Guid employerId, Guid? postingId = null, string? title = null, string? organisation = null)
    {
        var applicationId = Guid.NewGuid();
        await DeliveredAsync(new ApplicationSubmitted(applicationId, postingId ?? Guid.NewGuid(), seekerId, DateTimeOffset.UtcNow, employerId, title, organisation));
        return applicationId;
    }

    private async Task<HttpResponseMessage> CardsAsync(string token, Guid postingId, IEnumerable<Guid> applicationIds, string? language = null)
    {
        using var client = Factory.ClientWithToken(token);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await client.PostAsJsonAsync(new Uri("/api/profiles/applicants/cards", UriKind.Relative), new { postingId, applicationIds });
    }

    private async Task<List<EmployerContactRead>> ContactReadsAsync(Guid seekerId)
    {
        using var client = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        return (await client.GetFromJsonAsync<List<EmployerContactRead>>(new Uri("/api/profiles/me/contact-reads", UriKind.Relative), ProfilesJson))!;
    }

    private async Task<int> AuditEntriesAsync(Guid seekerId)
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_log WHERE seeker_id = @seekerId", new { seekerId });
    }

    private async Task<HttpResponseMessage> CardAsync(string token, Guid applicationId)
    {
        using var client = Factory.ClientWithToken(token);
        return await client.GetAsync(new Uri($"/api/profiles/applicants/{applicationId}/card", UriKind.Relative));
    }

    private async Task<ApplicantCard> ReadAsync(Guid employerId, Guid applicationId)
    {
        using var response = await CardAsync(TestTokens.Employer(Guid.NewGuid(), employerId), applicationId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ApplicantCard>(ProfilesJson))!;
    }

    private static readonly System.Text.Json.JsonSerializerOptions ProfilesJson =
        new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task A_consenting_applicant_is_a_person_to_the_postings_employer_and_to_no_one_else()
    {
        var profile = Profile();
        profile["consents"] = new Dictionary<string, bool> { ["matching"] = true, ["employer-sharing"] = true };
        var seekerId = await SavedAsync(profile);
        var employerId = Guid.NewGuid();
        var applicationId = await AppliedAsync(seekerId, employerId);

        var card = await ReadAsync(employerId, applicationId);
        using var otherEmployer = await CardAsync(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()), applicationId);
        using var seeker = await CardAsync(TestTokens.Seeker(seekerId), applicationId);
        using var caseworker = await CardAsync(TestTokens.Caseworker(Guid.NewGuid(), "150100"), applicationId);
        using var unknown = await CardAsync(TestTokens.Employer(Guid.NewGuid(), employerId), Guid.NewGuid());

        Assert.Equal((ApplicantSharing.Consented, "张伟明", Phone), (card.Sharing, card.Name, card.Phone));
        Assert.Contains("Welding", card.Profile!.Skills);
        Assert.Equal(HttpStatusCode.NotFound, otherEmployer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, seeker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, caseworker.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Without_consent_the_card_is_masked_until_the_seeker_accepts_a_contact_request_for_that_application_only()
    {
        var seekerId = await SavedAsync(Profile());
        var employerId = Guid.NewGuid();
        var applicationId = await AppliedAsync(seekerId, employerId);
        var otherApplicationId = await AppliedAsync(seekerId, employerId);

        var masked = await ReadAsync(employerId, applicationId);
        await DeliveredAsync(new ContactRequestAnswered(applicationId, Guid.NewGuid(), seekerId, employerId, Accepted: true, DateTimeOffset.UtcNow));
        var shared = await ReadAsync(employerId, applicationId);
        var stillMasked = await ReadAsync(employerId, otherApplicationId);

        Assert.Equal((ApplicantSharing.Masked, "张**", null, null), (masked.Sharing, masked.Name, masked.Phone, masked.Profile));
        Assert.Equal((ApplicantSharing.ContactShared, "张伟明", Phone, null), (shared.Sharing, shared.Name, shared.Phone, shared.Profile));
        Assert.Equal((ApplicantSharing.Masked, null), (stillMasked.Sharing, stillMasked.Phone));
    }

    [Fact]
    public async Task A_deleted_seeker_is_no_longer_anyones_applicant()
    {
        var profile = Profile();
        profile["consents"] = new Dictionary<string, bool> { ["matching"] = true, ["employer-sharing"] = true };
        var seekerId = await SavedAsync(profile);
        var employerId = Guid.NewGuid();
        var applicationId = await AppliedAsync(seekerId, employerId);
        using (var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId)))
        {
            using var deleted = await seeker.DeleteAsync(new Uri("/api/profiles/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var card = await CardAsync(TestTokens.Employer(Guid.NewGuid(), employerId), applicationId);

        Assert.Equal(HttpStatusCode.NotFound, card.StatusCode);
    }

    [Fact]
    public async Task Each_read_of_contact_details_is_in_the_seekers_audit_log_with_the_organisation_and_the_job_and_masked_reads_are_not()
    {
        var consenting = Profile();
        consenting["consents"] = new Dictionary<string, bool> { ["matching"] = true, ["employer-sharing"] = true };
        var seekerId = await SavedAsync(consenting);
        var maskedSeekerId = await SavedAsync(Profile());
        var employerId = Guid.NewGuid();
        var applicationId = await AppliedAsync(seekerId, employerId, title: "挤奶工", organisation: "呼和浩特市草原乳业有限公司");
        var maskedApplicationId = await AppliedAsync(maskedSeekerId, employerId, title: "挤奶工", organisation: "呼和浩特市草原乳业有限公司");

        await ReadAsync(employerId, applicationId);
        await ReadAsync(employerId, applicationId);
        await ReadAsync(employerId, maskedApplicationId);
        using var stranger = await CardAsync(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()), applicationId);

        var reads = await ContactReadsAsync(seekerId);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(2, reads.Count);
        Assert.All(reads, read => Assert.Equal(("呼和浩特市草原乳业有限公司", "挤奶工", applicationId), (read.Organisation, read.PostingTitle, read.ApplicationId)));
        Assert.Contains("phone", reads[0].Fields);
        Assert.Empty(await ContactReadsAsync(maskedSeekerId));
        Assert.Equal(0, await AuditEntriesAsync(maskedSeekerId));
    }

    [Fact]
    public async Task A_page_of_cards_is_read_in_one_call_for_the_callers_posting_only()
    {
        var consenting = Profile();
        consenting["consents"] = new Dictionary<string, bool> { ["matching"] = true, ["employer-sharing"] = true };
        var employerId = Guid.NewGuid();
        var postingId = Guid.NewGuid();
        var seekers = new[] { await SavedAsync(consenting), await SavedAsync(Profile()) };
        var ids = new List<Guid>();
        foreach (var applicant in seekers) ids.Add(await AppliedAsync(applicant, employerId, postingId, "挤奶工", "草原乳业"));
        var otherPosting = await AppliedAsync(seekers[1], employerId);
        var otherEmployers = await AppliedAsync(seekers[0], Guid.NewGuid(), postingId);
        // A row stored before applicant rows kept their posting: checked against the employer only, as a single read is.
        var legacy = Guid.NewGuid();
        await using (var connection = await Factory.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO applicants (application_id, seeker_id, employer_id, applied_at) VALUES (@legacy, @seekerId, @employerId, now())",
                new { legacy, seekerId = seekers[1], employerId });
        }
        ids.Add(legacy);
        var token = TestTokens.Employer(Guid.NewGuid(), employerId);

        using var response = await CardsAsync(token, postingId, [.. ids, otherPosting, otherEmployers, Guid.NewGuid()]);
        var cards = (await response.Content.ReadFromJsonAsync<List<ApplicantCard>>(ProfilesJson))!;
        using var stranger = await CardsAsync(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid()), postingId, ids);
        using var seeker = await CardsAsync(TestTokens.Seeker(seekers[0]), postingId, ids);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ids.Order(), cards.Select(card => card.ApplicationId).Order());
        Assert.Equal(ApplicantSharing.Consented, cards.Single(card => card.SeekerId == seekers[0]).Sharing);
        Assert.All(cards.Where(card => card.SeekerId == seekers[1]), card => Assert.Equal(ApplicantSharing.Masked, card.Sharing));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, seeker.StatusCode);
        Assert.Single(await ContactReadsAsync(seekers[0]));
    }

    [Theory]
    [InlineData("zh-CN", "最多 50 项。", "请指明岗位。")]
    [InlineData("en", "At most 50 applications.", "Name the posting.")]
    public async Task A_batch_of_more_than_50_or_without_its_posting_is_refused_by_field_in_the_callers_language(string language, string tooMany, string noPosting)
    {
        var token = TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid());

        using var large = await CardsAsync(token, Guid.NewGuid(), Enumerable.Range(0, 51).Select(_ => Guid.NewGuid()), language);
        using var unnamed = await CardsAsync(token, Guid.Empty, [Guid.NewGuid()], language);
        var largeErrors = (await large.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors;
        var unnamedErrors = (await unnamed.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors;

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (large.StatusCode, unnamed.StatusCode));
        Assert.Equal([tooMany], largeErrors["applicationIds"]);
        Assert.Equal([noPosting], unnamedErrors["postingId"]);
    }
}
