namespace JobMatch.Gateway.Hardening;

/// <summary>Gateway — limits and the browser origins the API answers.</summary>
public sealed class HardeningOptions
{
    /// <summary>Largest request body accepted; larger ones get 413 before anything is forwarded.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
    /// <summary>Routes that take files (a caseworker's register import), by path prefix, with their own larger limit.</summary>
    public Dictionary<string, long> LargeBodyRoutes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The limit for a request path: a large-body route's, or the default.</summary>
    public long LimitFor(string path) =>
        LargeBodyRoutes.Where(route => path.StartsWith(route.Key, StringComparison.OrdinalIgnoreCase)).Select(route => route.Value).DefaultIfEmpty(MaxRequestBodyBytes).Max();

    /// <summary>The portal's origin(s); cross-origin browser calls from anywhere else are not allowed.</summary>
    public List<string> PortalOrigins { get; set; } = [];

    /// <summary>
    /// Addresses or networks (CIDR) whose X-Forwarded-For is believed: the portal, which calls on behalf of each
    /// visitor, and a load balancer in front. Unset, loopback only (the portal on the same machine); set, exactly
    /// these. Anyone else's header is ignored, so a client cannot pick the address its sign-in attempts are counted under.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}
