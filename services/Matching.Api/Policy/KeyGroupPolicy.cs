using JobMatch.Contracts;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Matching.Api.Candidates;

namespace Matching.Api.Policy;

/// <summary>
/// One explicit, configurable preference of the employment service for a key group, applied after the model and
/// shown in the explanation: e.g. a veteran-priority post for a veteran is lifted by 20 %. A rule applies when the
/// seeker belongs to <see cref="KeyGroup"/> and the posting has one of <see cref="PostingKeyGroups"/> or
/// <see cref="PostingEmploymentTypes"/>, or lies within <see cref="WithinKm"/> (any condition given suffices).
/// </summary>
public sealed class PolicyRule
{
    public string Name { get; set; } = "";
    public string KeyGroup { get; set; } = "";
    public double Boost { get; set; }
    public string[] PostingKeyGroups { get; set; } = [];
    public string[] PostingEmploymentTypes { get; set; } = [];
    public double? WithinKm { get; set; }
    public string ReasonZh { get; set; } = "";
    public string ReasonEn { get; set; } = "";
}

public sealed class PolicyOptions
{
    public List<PolicyRule> Rules { get; set; } = [];
}

/// <summary>The boost a recommendation received, by which rule and of which policy version, for the explanation and the audit.</summary>
public sealed record PolicyBoost(string Rule, string KeyGroup, double Amount, string Reason, string PolicyVersion);

/// <summary>
/// The key-group policy: boosts kept apart from the model (the model never learns them, and the stored results record
/// model score and boost separately), so they can be read, changed and audited on their own.
/// Several rules may apply; the largest boost counts, once.
/// </summary>
public sealed class KeyGroupPolicy
{
    public KeyGroupPolicy(IReadOnlyList<PolicyRule> rules)
    {
        Rules = rules.Count > 0 ? rules : Defaults;
        foreach (var rule in Rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Name) || !SeekerKeyGroups.All.Contains(rule.KeyGroup) || rule.Boost is < 0 or > 1)
                throw new InvalidOperationException($"Matching:Policy rule '{rule.Name}' needs a name, a key group ({string.Join(", ", SeekerKeyGroups.All)}) and a boost between 0 and 1.");
        }
        RulesJson = JsonSerializer.Serialize(Rules);
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RulesJson)))[..12];
    }

    public IReadOnlyList<PolicyRule> Rules { get; }
    public string RulesJson { get; }
    /// <summary>A hash of the rules: the same rules always have the same version, on every instance.</summary>
    public string Version { get; }

    public PolicyBoost? BoostFor(IndexedSeeker seeker, IndexedPosting posting, Reach reach, string language)
    {
        PolicyRule? best = null;
        foreach (var rule in Rules)
        {
            if (!seeker.IsIn(rule.KeyGroup) || !Applies(rule, posting, reach)) continue;
            if (best is null || rule.Boost > best.Boost) best = rule;
        }
        return best is null ? null
            : new PolicyBoost(best.Name, best.KeyGroup, best.Boost, language == "en" ? best.ReasonEn : best.ReasonZh, Version);
    }

    private static bool Applies(PolicyRule rule, IndexedPosting posting, Reach reach) =>
        posting.Snapshot.KeyGroups.Any(group => rule.PostingKeyGroups.Contains(group, StringComparer.OrdinalIgnoreCase))
        || (posting.Snapshot.EmploymentType is { } type && rule.PostingEmploymentTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        || (rule.WithinKm is { } km && (reach.DistanceKm is { } distance ? distance <= km : reach.Basis == "same-county"));

    /// <summary>The region's stated priorities (MISSION.md): used when configuration names no rules.</summary>
    public static readonly IReadOnlyList<PolicyRule> Defaults =
    [
        new() { Name = "graduate-grassroots-traineeship", KeyGroup = SeekerKeyGroups.Graduate, Boost = 0.15,
            PostingEmploymentTypes = ["Internship", "Grassroots"], PostingKeyGroups = ["GraduateFriendly"],
            ReasonZh = "高校毕业生优先推荐基层岗位和就业见习岗位", ReasonEn = "Grassroots and traineeship posts come first for new graduates" },
        new() { Name = "veteran-priority", KeyGroup = SeekerKeyGroups.Veteran, Boost = 0.2, PostingKeyGroups = ["VeteranPriority"],
            ReasonZh = "退役军人优先岗位", ReasonEn = "A veteran-priority post, for a veteran" },
        new() { Name = "rural-nearby", KeyGroup = SeekerKeyGroups.RuralWorker, Boost = 0.1, WithinKm = 30, PostingKeyGroups = ["RuralFriendly"],
            ReasonZh = "农牧民就近就业优先", ReasonEn = "Nearby work comes first for rural and pastoral workers" },
        new() { Name = "public-welfare", KeyGroup = SeekerKeyGroups.EmploymentDifficulty, Boost = 0.2,
            PostingEmploymentTypes = ["PublicWelfare"], PostingKeyGroups = ["DisabilityAccessible"],
            ReasonZh = "就业困难人员优先推荐公益性岗位", ReasonEn = "Public-welfare posts come first for people with employment difficulties" },
    ];
}
