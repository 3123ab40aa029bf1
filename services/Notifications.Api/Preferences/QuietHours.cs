namespace Notifications.Api.Preferences;

/// <summary>
/// A nightly window, in China Standard Time (UTC+8, no daylight saving), during which outside channels wait.
/// Start after end means the window spans midnight (22:00–07:00).
/// </summary>
public sealed record QuietHours(TimeSpan Start, TimeSpan End)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>When a delivery due at <paramref name="now"/> may go: now, or the end of the window it falls in.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset now)
    {
        var local = now.ToOffset(ChinaOffset);
        var time = local.TimeOfDay;
        var spansMidnight = Start > End;
        var inside = spansMidnight ? time >= Start || time < End : time >= Start && time < End;
        if (!inside) return now;
        var endDate = spansMidnight && time >= Start ? local.Date.AddDays(1) : local.Date;
        return new DateTimeOffset(endDate + End, ChinaOffset).ToUniversalTime();
    }
}
