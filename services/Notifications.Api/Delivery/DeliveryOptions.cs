namespace Notifications.Api.Delivery;

/// <summary>Notifications:Delivery, :Smtp, :Sms, :Webhooks (daily digests too).</summary>
public sealed class DeliveryOptions
{
    public int MaxAttempts { get; set; } = 6;
    /// <summary>First retry delay; each further one doubles, up to MaxBackoff.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 20;
    /// <summary>How often an instance looks for daily digests that are due.</summary>
    public TimeSpan DigestPollInterval { get; set; } = TimeSpan.FromSeconds(30);
    public SmtpOptions Smtp { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
    public bool RequireHttpsWebhooks { get; set; } = true;
    public WebhookOptions Webhooks { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string From { get; set; } = "JobMatch <no-reply@jobmatch.example.gov.cn>";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>SMTP conversations at once per instance, each on a pooled connection of its own (see EmailSender).</summary>
    public int MaxConcurrentSends { get; set; } = 8;
    /// <summary>A pooled connection idle this long is closed rather than reused (servers hang up on idle clients).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>An SMS provider reached over HTTP: POST {to, text} with the key as a bearer token.</summary>
public sealed class SmsOptions
{
    public Uri? Endpoint { get; set; }
    public string? ApiKey { get; set; }
}
