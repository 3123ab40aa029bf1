using System.Net.Http.Json;
using JobMatch.Testing;

namespace Profiles.Tests.Integration;

/// <summary>
/// The profile service's real answers read strictly into the records the portal reads them with
/// (JobMatch.Contracts.Responses.Profiles): a field renamed in an answer fails here, not on a page (record 068).
/// </summary>
public sealed class ResponseContractTests : ProfilesHost
{
    [Fact]
    public async Task A_seekers_own_profile_with_details_personal_sections_and_key_groups_reads_as_the_shared_record()
    {
        var profile = Profile(TestIds.Make("150102", new DateOnly(2003, 2, 2), 12));
        profile["education"] = new[] { new { level = "bachelor", major = "Mining engineering", institution = "Inner Mongolia University", graduationDate = "2025-07-01" } };
        profile["workHistory"] = new[] { new { employer = "Baotou Steel", occupation = "Welder", from = "2023-01-01", to = "2023-12-31" } };
        profile["desiredOccupations"] = new[] { "Mining technician" };
        profile["salaryExpectation"] = 6000;
        profile["employmentTypes"] = new[] { "full-time" };
        profile["ruralResidence"] = true;
        profile["veteran"] = new { dischargeDate = "2024-06-30", branch = "army", militaryOccupation = "driver" };
        profile["disability"] = new { category = "physical", grade = 3, certificateNumber = "15010219900404131X43" };
        profile["nationalOccupationCode"] = "6-18-02-04";
        var seekerId = await SavedAsync(profile);

        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        var mine = await ContractJson.GetAsync<ProfileResponse>(seeker, "/api/profiles/me");

        Assert.Equal("army", mine.Veteran!.Branch);
        Assert.Equal(3, mine.Disability!.Grade);
        Assert.Equal(["Mining technician"], mine.Details!.DesiredOccupations);
        Assert.Equal("bachelor", Assert.Single(mine.Details.Education).Level);
        Assert.Contains(mine.KeyGroups!, group => group.Applies && group.State == KeyGroupState.Declared);
        Assert.NotEmpty(mine.SkillConcepts!);

        Assert.True((await ContractJson.ReadAsync<ConsentResponse>(
            await seeker.PutAsJsonAsync("/api/profiles/me/consents/matching", new { granted = true }))).Granted);
        Assert.Contains(await ContractJson.GetAsync<IReadOnlyList<ConsentResponse>>(seeker, "/api/profiles/me/consents"), consent => consent.Purpose == "matching");
        Assert.Empty(await ContractJson.GetAsync<IReadOnlyList<EmployerContactRead>>(seeker, "/api/profiles/me/contact-reads"));
        using (var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100")))
        {
            (await caseworker.GetAsync(new Uri($"/api/profiles/{seekerId}?reason=weekly-casework-review", UriKind.Relative))).EnsureSuccessStatusCode();
        }
        var export = await ContractJson.GetAsync<ProfileExport>(seeker, "/api/profiles/me/export");
        Assert.Equal(seekerId, export.Profile.SeekerId);
        Assert.NotEmpty(export.Consents);
        Assert.Contains(export.StaffAccess, entry => entry.Reason == "weekly-casework-review");
    }

    [Fact]
    public async Task Labour_supply_reads_as_the_shared_record()
    {
        var profile = Profile();
        profile["desiredOccupations"] = new[] { "焊工" };
        await SavedAsync(profile);
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var supply = await ContractJson.GetAsync<LabourSupply>(caseworker, $"/api/profiles/monitoring/supply?region=150100&month={month}");

        Assert.True(supply.Seekers > 0);
        Assert.NotEmpty(supply.Occupations);
    }

    [Fact]
    public async Task A_seeker_as_staff_read_them_the_register_key_group_decisions_and_applicant_cards_read_as_the_shared_records()
    {
        var profile = Profile(TestIds.Make("150102", new DateOnly(1990, 4, 4), 31));
        profile["ruralResidence"] = true;
        profile["workHistory"] = new[] { new { employer = "伊利", occupation = "奶牛养殖", from = "2020-01-01", to = (string?)null } };
        var seekerId = await SavedAsync(profile);
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150100"));

        var staffView = await ContractJson.GetAsync<StaffProfileResponse>(caseworker, $"/api/profiles/{seekerId}?reveal=keyGroupEvidence&reason=weekly-casework-review");
        Assert.True(staffView.NationalIdMasked);
        Assert.Contains(staffView.KeyGroups, group => group.KeyGroup == JobMatch.Contracts.SeekerKeyGroups.RuralWorker && group.Applies);
        var register = await ContractJson.GetAsync<SeekerRegisterPage>(caseworker, $"/api/profiles/seekers?reason=weekly-casework-review&limit=25&seekerId={seekerId}");
        Assert.Equal(seekerId, Assert.Single(register.Seekers).SeekerId);
        var group = $"/api/profiles/{seekerId}/key-groups/{JobMatch.Contracts.SeekerKeyGroups.RuralWorker}";
        Assert.Equal(KeyGroupState.Verified, (await ContractJson.ReadAsync<KeyGroupResponse>(
            await caseworker.PostAsJsonAsync(group + "/verification", new { reason = "核对户籍登记。" }))).State);
        Assert.Equal(KeyGroupState.Rejected, (await ContractJson.ReadAsync<KeyGroupResponse>(
            await caseworker.PostAsJsonAsync(group + "/rejection", new { reason = "户籍已迁入城镇。" }))).State);
        Assert.True((await ContractJson.ReadAsync<KeyGroupResponse>(await caseworker.PutAsJsonAsync(group,
            new { applies = true, evidence = "乡镇出具的农村户籍证明。", reason = "复核后恢复。" }))).Applies);

        using (var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId)))
            (await seeker.PutAsJsonAsync("/api/profiles/me/consents/employer-sharing", new { granted = true })).EnsureSuccessStatusCode();
        var (employerId, postingId, applicationId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Factory.Bus.Publish(new JobMatch.Contracts.ApplicationSubmitted(applicationId, postingId, seekerId, DateTimeOffset.UtcNow, employerId, "奶牛养殖员", "草原乳业"));
        using var employer = Factory.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), employerId));
        var cards = await Eventually.GetAsync(async () =>
        {
            using var response = await employer.PostAsJsonAsync("/api/profiles/applicants/cards", new { postingId, applicationIds = new[] { applicationId } });
            return response.IsSuccessStatusCode ? await ContractJson.ReadAsync<IReadOnlyList<ApplicantCard>>(response) : [];
        }, found => found.Count > 0, "the applicant's card once the application is known");
        var card = Assert.Single(cards);
        Assert.Equal(ApplicantSharing.Consented, card.Sharing);
        Assert.Equal("奶牛养殖", Assert.Single(card.Profile!.WorkHistory).Occupation);
    }
}
