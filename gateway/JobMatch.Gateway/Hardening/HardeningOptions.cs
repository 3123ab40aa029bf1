namespace JobMatch.Gateway.Hardening;

/// <summary>Gateway — limits and the browser origins the API answers.</summary>
public sealed class HardeningOptions
{
    /// <summary>Largest request body accepted; larger ones get 413 before anything is forwarded.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
    /// <summary>The portal's origin(s); cross-origin browser calls from anywhere else are not allowed.</summary>
    public List<string> PortalOrigins { get; set; } = [];
}
