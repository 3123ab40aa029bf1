using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using JobMatch.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Profiles.Api.Profiles;

namespace Profiles.Tests.Integration;

/// <summary>
/// Seeds a known ID number, phone, name and health detail, drives every endpoint that touches them, and asserts that
/// none appears in any event written, any log line (all levels, with scopes and structured values), or any trace
/// attribute recorded meanwhile.
/// </summary>
public sealed class NoPersonalDataTests : ProfilesHost
{
    private readonly CapturedLogs _logs = new();
    private readonly ConcurrentQueue<string> _traces = new();
    private ActivityListener? _listener;

    private readonly string _nationalId = TestIds.Unique(male: false);
    private readonly string _registerId = TestIds.Unique();
    private readonly string _phone = "1" + Random.Shared.Next(3, 10) + Random.Shared.NextInt64(100_000_000, 999_999_999);
    private const string SeededName = "乌云其木格";
    private const string HealthDetail = "hearing-aid-left-ear-7731";

    public override async Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var text = new StringBuilder(activity.DisplayName);
                foreach (var (key, value) in activity.TagObjects) text.Append('|').Append(key).Append('=').Append(value);
                foreach (var e in activity.Events)
                {
                    text.Append('|').Append(e.Name);
                    foreach (var (key, value) in e.Tags) text.Append('|').Append(key).Append('=').Append(value);
                }
                foreach (var (key, value) in activity.Baggage) text.Append('|').Append(key).Append('=').Append(value);
                _traces.Enqueue(text.ToString());
            },
        };
        ActivitySource.AddActivityListener(_listener);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        _listener?.Dispose();
        await base.DisposeAsync();
    }

    protected override ServiceFactory<ProfileStore> CreateFactory(TestServers servers, string virtualHost) => new CapturingFactory(servers, virtualHost, _logs);

    [Fact]
    public async Task No_event_log_line_or_trace_attribute_holds_the_ID_number_phone_name_or_health_detail()
    {
        var profile = Profile(_nationalId, name: SeededName);
        profile["phone"] = _phone;
        profile["healthNotes"] = HealthDetail;
        profile["disability"] = new { category = "hearing", grade = 4 };
        profile["veteran"] = new { dischargeDate = "2015-09-01", branch = "PLA Army", militaryOccupation = "Driver" };
        var seekerId = await SavedAsync(profile);
        using var seeker = Factory.ClientWithToken(TestTokens.Seeker(seekerId));
        using var caseworker = Factory.ClientWithToken(TestTokens.Caseworker(Guid.NewGuid(), "150000"));

        (await seeker.GetAsync(new Uri("/api/profiles/me", UriKind.Relative))).EnsureSuccessStatusCode();
        (await caseworker.GetAsync(new Uri($"/api/profiles/{seekerId}?reason=check&reveal=nationalId&reveal=sensitive", UriKind.Relative))).EnsureSuccessStatusCode();
        (await caseworker.PutAsJsonAsync($"/api/profiles/{seekerId}/key-groups/employment-difficulty",
            new { applies = true, evidence = "disability certificate seen", reason = "assessment" })).EnsureSuccessStatusCode();
        (await seeker.PutAsJsonAsync("/api/profiles/me/consents/employer-sharing", new { granted = true })).EnsureSuccessStatusCode();
        (await seeker.GetAsync(new Uri("/api/profiles/me/export", UriKind.Relative))).EnsureSuccessStatusCode();
        var register = $"name,national_id,phone,region_code,registered_on\n{SeededName},{_nationalId},{_phone},150102,2026-01-05\n";
        (await caseworker.PostAsync(new Uri("/api/profiles/registers/unemployed-graduates/imports", UriKind.Relative),
            new StringContent(register, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var badRow = $"name,national_id,phone,region_code,registered_on\n{SeededName},{_registerId[..17]}Y,{_phone}0,150102,2026-01-05\n";
        Assert.Equal(400, (int)(await caseworker.PostAsync(new Uri("/api/profiles/registers/unemployed-graduates/imports", UriKind.Relative),
            new StringContent(badRow, Encoding.UTF8, "text/csv"))).StatusCode);
        using (var wrongPut = await seeker.PutAsJsonAsync("/api/profiles/me", new Dictionary<string, object?>(profile) { ["nationalId"] = _registerId[..17] + "Y" }))
            Assert.Equal(400, (int)wrongPut.StatusCode);
        (await seeker.DeleteAsync(new Uri("/api/profiles/me", UriKind.Relative))).EnsureSuccessStatusCode();
        var bodies = await Eventually.GetAsync(OutboxBodiesAsync, rows => rows.Count >= 5 && rows.All(row => row.Sent), "every event published");

        Assert.Contains(bodies, row => row.Body.Contains(seekerId.ToString(), StringComparison.Ordinal));
        Assert.NotEmpty(_logs.Lines);
        Assert.Contains(_traces, trace => trace.Contains("/api/profiles", StringComparison.Ordinal));
        foreach (var secret in new[] { _nationalId, _registerId[..17], _phone, SeededName, HealthDetail, "hearing", _nationalId[6..14] })
        {
            Assert.DoesNotContain(bodies, row => row.Body.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(_logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(_traces, trace => trace.Contains(secret, StringComparison.Ordinal));
        }
    }

    private async Task<List<(string Body, bool Sent)>> OutboxBodiesAsync()
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, bool)>("SELECT body::text, sent_at IS NOT NULL FROM outbox ORDER BY position")).AsList();
    }

    private sealed class CapturingFactory(TestServers servers, string virtualHost, CapturedLogs logs) : ServiceFactory<ProfileStore>(servers, virtualHost)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(logs);
                // Every level, not only what production writes: a leak at Debug is a leak waiting for a config change.
                logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
            });
        }
    }
}

/// <summary>Every log entry as text: message, exception, structured values and scopes.</summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder(category).Append(' ').Append(formatter(state, exception)).Append(' ').Append(exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                foreach (var (key, value) in values) line.Append('|').Append(key).Append('=').Append(value);
            owner._scopes?.ForEachScope((scope, text) =>
            {
                text.Append("|scope=").Append(scope);
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, value) in pairs) text.Append('|').Append(key).Append('=').Append(value);
            }, line);
            owner.Lines.Enqueue(line.ToString());
        }
    }
}
