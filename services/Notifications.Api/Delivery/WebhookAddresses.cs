using System.Net;
using System.Net.Sockets;

namespace Notifications.Api.Delivery;

/// <summary>Notifications:Delivery:Webhooks — exceptions to the public-address rule, for tests and development only.</summary>
public sealed class WebhookOptions
{
    /// <summary>Host names (as written in the URL) that may be private or loopback, e.g. a receiver in a test.</summary>
    public string[] AllowedHosts { get; set; } = [];
    /// <summary>Lets every webhook reach private and loopback addresses. Never in production.</summary>
    public bool AllowPrivateAddresses { get; set; }

    public bool MayBePrivate(string host) => AllowPrivateAddresses || AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
}

/// <summary>The webhook URL named an address the service will not call (SSRF: loopback, private, link-local…).</summary>
public sealed class WebhookAddressRefusedException(string host) : Exception($"The webhook host {host} is not a public internet address.")
{
}

/// <summary>
/// Webhooks go to public internet addresses only, or the service becomes a probe of its own network (OWASP API7).
/// Checked when the URL is saved, and again at send time on the very address connected to (ConnectCallback), so a
/// name that resolves differently later (DNS rebinding) cannot lead inside.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>Whether an address is on the public internet: not loopback, private, link-local, CGNAT, multicast, reserved…</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork) return IsPublicV4(b);
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (b.Take(12).All(x => x == 0)) return false;                              // ::, ::1, IPv4-compatible
        if ((b[0] & 0xFE) == 0xFC) return false;                                      // fc00::/7 unique local
        if (b[0] == 0xFE && (b[1] & 0xC0) is 0x80 or 0xC0) return false;              // fe80::/10 link-local, fec0::/10 site-local
        if (b[0] == 0xFF) return false;                                               // ff00::/8 multicast
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.Skip(4).Take(8).All(x => x == 0))
            return IsPublicV4(b[12..]);                                               // 64:ff9b::/96 NAT64 of an IPv4 address
        if (b[0] == 0x20 && b[1] == 0x02) return IsPublicV4(b[2..6]);                 // 2002::/16 6to4 of an IPv4 address
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return false; // 2001:db8::/32 documentation
        return true;
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0                                    // 0.0.0.0/8 "this network", unspecified
        || b[0] == 10                                // RFC 1918
        || b[0] == 127                               // loopback
        || (b[0] == 100 && (b[1] & 0xC0) == 64)      // 100.64.0.0/10 carrier-grade NAT
        || (b[0] == 169 && b[1] == 254)              // link-local, cloud metadata 169.254.169.254
        || (b[0] == 172 && (b[1] & 0xF0) == 16)      // RFC 1918
        || (b[0] == 192 && b[1] == 168)              // RFC 1918
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)   // 192.0.0.0/24 protocol assignments
        || (b[0] == 198 && (b[1] & 0xFE) == 18)      // 198.18.0.0/15 benchmarking
        || b[0] >= 224);                             // multicast, reserved, 255.255.255.255 broadcast

    /// <summary>The reason a URL to be saved is refused, or null: its scheme, and every address its host resolves to.</summary>
    public static async Task<string?> RefusalAsync(string url, bool requireHttps, WebhookOptions options, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (!requireHttps && uri.Scheme == Uri.UriSchemeHttp)))
            return requireHttps ? "The webhook is an https:// URL." : "The webhook is an http(s):// URL.";
        if (options.MayBePrivate(uri.IdnHost)) return null;
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return "The webhook's host name does not resolve.";
        }
        return addresses.Length == 0 || !addresses.All(IsPublic)
            ? "The webhook must be on a public internet address (not loopback, private, link-local, carrier-grade NAT, multicast or reserved)."
            : null;
    }

    /// <summary>
    /// SocketsHttpHandler.ConnectCallback: resolves the host, keeps its public addresses only, and connects to one of
    /// them — so what is checked is what is connected to.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, WebhookOptions options, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);
        var allowed = options.MayBePrivate(host) ? addresses : addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0) throw new WebhookAddressRefusedException(host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}
