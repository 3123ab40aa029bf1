using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;
using Profiles.Api.Applicants;

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

    private async Task<Guid> AppliedAsync(Guid seekerId, Guid employerId)
    {
        var applicationId = Guid.NewGuid();
        await DeliveredAsync(new ApplicationSubmitted(applicationId, Guid.NewGuid(), seekerId, DateTimeOffset.UtcNow, employerId));
        return applicationId;
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
}
