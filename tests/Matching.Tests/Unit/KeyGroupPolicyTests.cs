using JobMatch.Contracts;
using Matching.Api.Candidates;
using Matching.Api.Policy;
using static Matching.Tests.Unit.Snapshots;

namespace Matching.Tests.Unit;

/// <summary>Key-group boosts: explicit, applied after the model, named in the explanation with the policy version.</summary>
public sealed class KeyGroupPolicyTests
{
    [Fact]
    public void A_veteran_priority_post_is_lifted_for_a_veteran_and_says_why()
    {
        var pipeline = new Pipeline();
        var priority = Posting(["Welding"], title: "priority", keyGroups: ["VeteranPriority"]);
        var plain = Posting(["Welding"], title: "plain");

        var ranked = pipeline.Recommend(Seeker(["Welding"], keyGroups: [SeekerKeyGroups.Veteran]), [plain, priority]);

        Assert.Equal(["priority", "plain"], ranked.Select(match => match.Posting.Snapshot.Title));
        Assert.Equal(1.2, ranked[0].Score);
        Assert.Equal(1.0, ranked[0].Explanation.ModelScore);
        var boost = ranked[0].Explanation.PolicyBoost!;
        Assert.Equal("veteran-priority", boost.Rule);
        Assert.Equal(0.2, boost.Amount);
        Assert.Equal(pipeline.Ranker.Policy.Version, boost.PolicyVersion);
        Assert.Contains(boost.Reason, ranked[0].Explanation.Reasons);
        Assert.Null(ranked[1].Explanation.PolicyBoost);
    }

    [Fact]
    public void The_same_posting_is_not_lifted_for_someone_outside_the_group()
    {
        var match = new Pipeline().Single(Seeker(["Welding"]), Posting(["Welding"], keyGroups: ["VeteranPriority"]))!;

        Assert.Null(match.Explanation.PolicyBoost);
        Assert.Equal(1.0, match.Score);
    }

    [Theory]
    [InlineData(SeekerKeyGroups.Graduate, "Internship", "graduate-grassroots-traineeship")]
    [InlineData(SeekerKeyGroups.Graduate, "Grassroots", "graduate-grassroots-traineeship")]
    [InlineData(SeekerKeyGroups.EmploymentDifficulty, "PublicWelfare", "public-welfare")]
    public void Graduates_and_people_with_employment_difficulties_get_their_kinds_of_post_first(string keyGroup, string employmentType, string rule)
    {
        var match = new Pipeline().Single(Seeker(["Welding"], keyGroups: [keyGroup]), Posting(["Welding"], employmentType: employmentType))!;

        Assert.Equal(rule, match.Explanation.PolicyBoost!.Rule);
    }

    [Fact]
    public void Rural_workers_get_nearby_jobs_first()
    {
        var pipeline = new Pipeline();
        var seeker = Seeker(["Welding"], maxCommuteKm: 100, keyGroups: [SeekerKeyGroups.RuralWorker]);

        var near = pipeline.Single(seeker, Posting(["Welding"], latitude: HohhotLat + 0.2, longitude: HohhotLon))!; // ~22 km
        var far = new Pipeline().Single(seeker, Posting(["Welding"], latitude: HohhotLat + 0.5, longitude: HohhotLon))!; // ~56 km

        Assert.Equal("rural-nearby", near.Explanation.PolicyBoost!.Rule);
        Assert.Null(far.Explanation.PolicyBoost);
    }

    [Fact]
    public void Rules_come_from_configuration_and_their_version_follows_their_content()
    {
        var custom = new PolicyRule { Name = "veteran-double", KeyGroup = SeekerKeyGroups.Veteran, Boost = 0.5, PostingKeyGroups = ["VeteranPriority"], ReasonEn = "x", ReasonZh = "x" };

        var configured = new KeyGroupPolicy([custom]);

        Assert.Equal(["veteran-double"], configured.Rules.Select(rule => rule.Name));
        Assert.NotEqual(new KeyGroupPolicy([]).Version, configured.Version);
        Assert.Equal(configured.Version, new KeyGroupPolicy([custom]).Version);
        Assert.Throws<InvalidOperationException>(() => new KeyGroupPolicy([new PolicyRule { Name = "bad", KeyGroup = "women", Boost = 0.1 }]));
    }
}
