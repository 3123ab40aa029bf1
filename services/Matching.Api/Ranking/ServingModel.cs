using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Matching.Api.Ranking;

/// <summary>
/// What this instance serves and why, for the model page and health: a model version or the transparent fit, the
/// reason (the promotion decision), and the last model that failed to load (the previous one kept serving).
/// </summary>
public sealed class ServingModel : IHealthCheck
{
    private volatile State state = new(MatchRanker.TransparentVersion, "no model yet: starting", null);

    public string Version => state.Version;
    public string Reason => state.Reason;
    public string? LoadFailure => state.LoadFailure;

    public void Serving(string version, string reason) => state = new(version, reason, null);

    /// <summary>A model could not be loaded: whatever served keeps serving, and health says so until a model loads.</summary>
    public void FailedToLoad(string version, string message) =>
        state = state with { LoadFailure = $"model {version} failed to load ({message}); still serving {state.Version}" };

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = state;
        return Task.FromResult(current.LoadFailure is { } failure
            ? HealthCheckResult.Degraded(failure)
            : HealthCheckResult.Healthy($"serving {current.Version}: {current.Reason}"));
    }

    private sealed record State(string Version, string Reason, string? LoadFailure);
}
