using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using JobMatch.Testing;
using JobPostings.Api.Postings;

namespace JobMatch.EndToEndTests;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, a service ships its traces, metrics and logs over OTLP.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task A_service_exports_traces_metrics_and_logs_to_the_configured_otlp_endpoint()
    {
        using var collector = new OtlpHttpReceiver();
        var servers = await TestServers.GetAsync();
        var postings = new ServiceFactory<PostingStore>(servers, await servers.CreateVirtualHostAsync());
        postings.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint;
        postings.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";

        using (var client = postings.ClientWithToken(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid())))
        {
            using var response = await client.GetAsync("/api/postings/mine");
            response.EnsureSuccessStatusCode();
        }
        await postings.DisposeAsync(); // disposing the providers flushes what they hold

        var traces = await Eventually.GetAsync(() => Task.FromResult(collector.Received("/v1/traces")), t => t.Contains("/api/postings/mine", StringComparison.Ordinal), "an OTLP trace export");
        // The resource's service.name is the service's identity: a protobuf string value of length 8, "postings".
        Assert.Contains("service.name", traces, StringComparison.Ordinal);
        Assert.Contains("\n\bpostings", traces, StringComparison.Ordinal);
        Assert.Contains("http.server.request.duration", collector.Received("/v1/metrics"), StringComparison.Ordinal);
        var logs = await Eventually.GetAsync(() => Task.FromResult(collector.Received("/v1/logs")), l => l.Length > 0,
            "an OTLP log export; received paths: " + string.Join(", ", collector.Paths));
        Assert.Contains("\n\bpostings", logs, StringComparison.Ordinal);
    }

    /// <summary>A minimal OTLP/HTTP endpoint: accepts every export and keeps the raw protobuf, searchable as text.</summary>
    private sealed class OtlpHttpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, StringBuilder> _bodies = new();

        public OtlpHttpReceiver()
        {
            Endpoint = $"http://127.0.0.1:{TestServers.FreePort()}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _ = Task.Run(ReceiveAsync);
        }

        public string Endpoint { get; }

        public IEnumerable<string> Paths => _bodies.Keys;

        public string Received(string path)
        {
            if (!_bodies.TryGetValue(path, out var body)) return "";
            lock (body) return body.ToString();
        }

        private async Task ReceiveAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var buffer = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(buffer);
                var body = _bodies.GetOrAdd(context.Request.Url!.AbsolutePath, _ => new StringBuilder());
                lock (body) body.Append(Encoding.UTF8.GetString(buffer.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
