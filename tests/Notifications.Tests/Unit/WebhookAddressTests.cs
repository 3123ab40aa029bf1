using System.Net;
using Notifications.Api.Delivery;

namespace Notifications.Tests.Unit;

/// <summary>The SSRF table: which addresses a webhook may be sent to.</summary>
public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]        // loopback
    [InlineData("127.255.0.9", false)]
    [InlineData("10.0.0.5", false)]         // RFC 1918
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.254", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)]  // link-local: cloud metadata
    [InlineData("169.254.0.1", false)]
    [InlineData("100.64.0.1", false)]       // carrier-grade NAT
    [InlineData("100.127.255.255", false)]
    [InlineData("0.0.0.0", false)]          // unspecified
    [InlineData("255.255.255.255", false)]  // broadcast
    [InlineData("224.0.0.251", false)]      // multicast
    [InlineData("240.0.0.1", false)]        // reserved
    [InlineData("198.18.0.1", false)]       // benchmarking
    [InlineData("::1", false)]              // IPv6 loopback
    [InlineData("::", false)]               // IPv6 unspecified
    [InlineData("fc00::1", false)]          // unique local
    [InlineData("fd12:3456::1", false)]
    [InlineData("fe80::1", false)]          // link-local
    [InlineData("febf::1", false)]
    [InlineData("ff02::1", false)]          // multicast
    [InlineData("::ffff:127.0.0.1", false)] // IPv4-mapped loopback
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("64:ff9b::a00:1", false)]   // NAT64 of 10.0.0.1
    [InlineData("2002:c0a8:101::1", false)] // 6to4 of 192.168.1.1
    [InlineData("1.1.1.1", true)]
    [InlineData("100.63.255.255", true)]    // just below CGNAT
    [InlineData("100.128.0.1", true)]       // just above
    [InlineData("172.15.255.255", true)]    // just below 172.16/12
    [InlineData("172.32.0.1", true)]        // just above
    [InlineData("169.253.1.1", true)]
    [InlineData("223.5.5.5", true)]
    [InlineData("::ffff:1.1.1.1", true)]
    [InlineData("2400:3200::1", true)]
    [InlineData("64:ff9b::101:101", true)]  // NAT64 of 1.1.1.1
    public void Webhooks_go_only_to_public_addresses(string address, bool isPublic)
    {
        Assert.Equal(isPublic, WebhookAddresses.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("http://1.1.1.1/hook", true, "https://")]
    [InlineData("ftp://1.1.1.1/hook", false, "http(s)://")]
    [InlineData("https://127.0.0.1/hook", true, "public")]
    [InlineData("https://[::1]/hook", true, "public")]
    [InlineData("https://169.254.169.254/latest/meta-data/", true, "public")]
    [InlineData("https://localhost:8443/hook", true, "public")]
    [InlineData("https://10.1.2.3/hook", true, "public")]
    [InlineData("https://[fd00::1]/hook", true, "public")]
    public async Task A_webhook_url_is_refused_for_its_scheme_or_any_non_public_address(string url, bool requireHttps, string reason)
    {
        var refusal = await WebhookAddresses.RefusalAsync(url, requireHttps, new WebhookOptions(), CancellationToken.None);

        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_addresses_pass_and_allowed_hosts_are_let_through_for_tests_only()
    {
        Assert.Null(await WebhookAddresses.RefusalAsync("https://1.1.1.1/hook", true, new WebhookOptions(), CancellationToken.None));
        Assert.Null(await WebhookAddresses.RefusalAsync("http://127.0.0.1:9/hook", false, new WebhookOptions { AllowedHosts = ["127.0.0.1"] }, CancellationToken.None));
        Assert.NotNull(await WebhookAddresses.RefusalAsync("http://10.0.0.1:9/hook", false, new WebhookOptions { AllowedHosts = ["127.0.0.1"] }, CancellationToken.None));
        Assert.Null(await WebhookAddresses.RefusalAsync("http://10.0.0.1:9/hook", false, new WebhookOptions { AllowPrivateAddresses = true }, CancellationToken.None));
    }
}
