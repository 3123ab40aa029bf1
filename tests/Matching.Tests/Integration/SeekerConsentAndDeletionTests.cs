using System.Net;
using Dapper;
using JobMatch.Contracts;
using JobMatch.Testing;

namespace Matching.Tests.Integration;

/// <summary>Matching drops a seeker who withdraws consent or deletes their account, and keeps the employer-sharing flag.</summary>
public sealed class SeekerConsentAndDeletionTests : MatchingHost
{
    private Task<Guid> ConsentAsync(Guid seekerId, string purpose, bool granted, DateTimeOffset at) =>
        ConsumedAsync(new SeekerConsentChanged(seekerId, purpose, granted, at), "SeekerConsentChangedConsumer");

    private Task<Guid> DeletedAsync(Guid seekerId) =>
        ConsumedAsync(new SeekerDeleted(seekerId, DateTimeOffset.UtcNow), "SeekerDeletedConsumer");

    private async Task<(long Seekers, long Announced)> RowsAsync(Guid seekerId)
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(long, long)>(
            "SELECT (SELECT count(*) FROM seekers WHERE seeker_id = @seekerId), (SELECT count(*) FROM announced_matches WHERE seeker_id = @seekerId)",
            new { seekerId });
    }

    private async Task<Guid> MatchedSeekerAsync()
    {
        var seekerId = Guid.NewGuid();
        await PublishedAsync(Job());
        await ProfileAsync(Profile(seekerId));
        Assert.Equal((1L, 1L), await RowsAsync(seekerId));
        return seekerId;
    }

    [Fact]
    public async Task Withdrawing_consent_to_matching_drops_the_seeker_and_their_announced_matches()
    {
        var seekerId = await MatchedSeekerAsync();

        await ConsentAsync(seekerId, "matching", false, DateTimeOffset.UtcNow);

        Assert.Equal((0L, 0L), await RowsAsync(seekerId));
        Assert.Equal(HttpStatusCode.NotFound, (await RecommendationsAsync(seekerId, TestTokens.Seeker(seekerId))).Status);
    }

    [Fact]
    public async Task A_profile_written_before_the_withdrawal_and_arriving_after_it_does_not_bring_the_seeker_back_but_a_newer_one_does()
    {
        var seekerId = await MatchedSeekerAsync();
        var withdrawnAt = DateTimeOffset.UtcNow;
        await ConsentAsync(seekerId, "matching", false, withdrawnAt);

        await ProfileAsync(Profile(seekerId, updatedAt: withdrawnAt.AddSeconds(-1)));
        Assert.Equal(0L, (await RowsAsync(seekerId)).Seekers);

        await ProfileAsync(Profile(seekerId, updatedAt: withdrawnAt.AddSeconds(1)));
        Assert.Equal(1L, (await RowsAsync(seekerId)).Seekers);
    }

    [Fact]
    public async Task A_deleted_seeker_is_dropped_and_never_comes_back()
    {
        var seekerId = await MatchedSeekerAsync();

        await DeletedAsync(seekerId);
        await ProfileAsync(Profile(seekerId, updatedAt: DateTimeOffset.UtcNow.AddDays(1)));

        Assert.Equal((0L, 0L), await RowsAsync(seekerId));
    }

    [Fact]
    public async Task Employer_sharing_is_stored_from_the_profile_and_follows_a_newer_consent_change()
    {
        var seekerId = Guid.NewGuid();
        var updatedAt = DateTimeOffset.UtcNow;
        await ProfileAsync(Profile(seekerId, updatedAt: updatedAt) with { SharedWithEmployers = true, KeyGroups = ["graduate"], EducationLevel = "bachelor" });
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        const string Query = "SELECT shared_with_employers FROM seekers WHERE seeker_id = @seekerId";
        Assert.True(await connection.ExecuteScalarAsync<bool>(Query, new { seekerId }));
        var (level, groups) = await connection.QuerySingleAsync<(string, string[])>(
            "SELECT education_level, key_groups FROM seekers WHERE seeker_id = @seekerId", new { seekerId });
        Assert.Equal("bachelor", level);
        Assert.Equal(["graduate"], groups);

        await ConsentAsync(seekerId, "employer-sharing", false, updatedAt.AddSeconds(-1));
        Assert.True(await connection.ExecuteScalarAsync<bool>(Query, new { seekerId }));

        await ConsentAsync(seekerId, "employer-sharing", false, updatedAt.AddSeconds(1));
        Assert.False(await connection.ExecuteScalarAsync<bool>(Query, new { seekerId }));
    }
}
