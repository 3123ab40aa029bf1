using Dapper;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Matching.Api.Policy;

public sealed record PolicyRuleUse(string Rule, string Source, long Results, DateTime? Last);

public sealed record PolicyResponse(string Version, IReadOnlyList<PolicyRule> Rules, IReadOnlyList<PolicyRuleUse> Uses);

public static class PolicyApi
{
    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var policy = endpoints.MapApiGroup("/api/matches/policy", "Policy", "The key-group policy that matching applies and explains.").RequireAuthorization(Policies.Staff);
        policy.MapGet("/", GetPolicy)
            .WithName("GetMatchingPolicy").WithSummary("The key-group policy matching applies: which groups are boosted, by how much, and why.");
        return endpoints;
    }

    /// <summary>
    /// The key-group rules in force and how often each lifted a result — announced matches and campaign results —
    /// counted apart from the model (staff only; the audit trail of the policy).
    /// </summary>
    public static async Task<Ok<PolicyResponse>> GetPolicy(KeyGroupPolicy policy, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var uses = await connection.QueryAsync<PolicyRuleUse>(new CommandDefinition(
            """
            SELECT policy_rule AS Rule, 'announcement' AS Source, count(*) AS Results, max(announced_at) AS Last
            FROM announced_matches WHERE policy_rule IS NOT NULL GROUP BY policy_rule
            UNION ALL
            SELECT r.policy_rule, 'campaign', count(*), max(c.created_at)
            FROM campaign_results r JOIN campaigns c USING (campaign_id) WHERE r.policy_rule IS NOT NULL GROUP BY r.policy_rule
            ORDER BY 1, 2
            """, cancellationToken: cancellationToken));
        return TypedResults.Ok(new PolicyResponse(policy.Version, policy.Rules, uses.AsList()));
    }
}
