using System.Collections.Concurrent;
using System.Net;
using JobMatch.ServiceDefaults.Http;
using JobMatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.ServiceDefaults.Tests.Unit;

/// <summary>Outgoing clients retry a read that failed for a moment, never a write, and never a "slow down".</summary>
public sealed class ResilienceTests : IDisposable
{
    private readonly AnswerServer _server = new();
    private readonly ServiceProvider _services;

    public ResilienceTests()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("outgoing", client => client.BaseAddress = new Uri(_server.Url))
            .AddDefaultResilience(attemptTimeout: TimeSpan.FromSeconds(10), totalTimeout: TimeSpan.FromSeconds(30));
        _services = services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        _server.Dispose();
    }

    private HttpClient Client => _services.GetRequiredService<IHttpClientFactory>().CreateClient("outgoing");

    [Fact]
    public async Task A_read_that_met_a_server_error_is_sent_again()
    {
        _server.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);

        using var response = await Client.GetAsync("read");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Calls.Count(path => path == "/read"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_write_that_met_a_server_error_is_sent_once(string method)
    {
        _server.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);

        using var request = new HttpRequestMessage(new HttpMethod(method), "write") { Content = method is "DELETE" ? null : new StringContent("{}") };
        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _server.Calls.Count(path => path == "/write"));
    }

    [Fact]
    public async Task A_read_told_to_slow_down_is_not_sent_again()
    {
        _server.Answers.Enqueue(HttpStatusCode.TooManyRequests);

        using var response = await Client.GetAsync("limited");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, _server.Calls.Count(path => path == "/limited"));
    }

    /// <summary>A loopback HTTP server that gives the queued answers first, then 200, and records each path called.</summary>
    private sealed class AnswerServer : IDisposable
    {
        private readonly HttpListener _listener = new();

        public AnswerServer()
        {
            Url = $"http://127.0.0.1:{TestServers.FreePort()}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }
        public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();
        public ConcurrentQueue<string> Calls { get; } = new();

        private async Task ServeAsync()
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
                Calls.Enqueue(context.Request.Url!.AbsolutePath);
                context.Response.StatusCode = (int)(Answers.TryDequeue(out var answer) ? answer : HttpStatusCode.OK);
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
