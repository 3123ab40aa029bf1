namespace JobMatch.Gateway.RateLimiting;

/// <summary>RateLimits — requests per window, counted in Redis so every gateway instance shares one count.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Redis key prefix; gateways that should count together share it.</summary>
    public string KeyPrefix { get; set; } = "jobmatch:ratelimit";
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Per signed-in user (token subject), whatever address they come from.</summary>
    public int PerUser { get; set; } = 600;
    /// <summary>Per client address, signed in or not: bounds one machine's share.</summary>
    public int PerAddress { get; set; } = 1200;
    /// <summary>Sign-in attempts per address: stricter, against password guessing.</summary>
    public int SignInPerAddress { get; set; } = 10;
}
