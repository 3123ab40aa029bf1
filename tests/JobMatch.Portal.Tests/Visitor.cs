using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Portal.Infrastructure;

namespace JobMatch.Portal.Tests;

/// <summary>
/// One person's browser for one journey: visits pages through the gateway, and at each checkpoint measures what the
/// page cost to load, runs axe-core on it (no serious or critical WCAG 2.1 A/AA violation allowed) and keeps a
/// screenshot under artifacts/screenshots/.
/// </summary>
public sealed class Visitor : IAsyncDisposable
{
    private static readonly string AxeScript = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
    private readonly List<IResponse> _responses = [];
    private readonly PortalStack _stack;
    private readonly string _journey;
    private readonly bool _javaScript;
    private readonly IBrowserContext _context;
    private int _checkpoint;

    private Visitor(PortalStack stack, string journey, bool javaScript, IBrowserContext context, IPage page)
    {
        _stack = stack;
        _journey = journey;
        _javaScript = javaScript;
        _context = context;
        Page = page;
        page.Response += (_, response) =>
        {
            lock (_responses) _responses.Add(response);
        };
    }

    public IPage Page { get; }

    public static async Task<Visitor> OpenAsync(PortalStack stack, string journey, bool javaScript = true)
    {
        await stack.StartBrowserAsync();
        var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = stack.Gateway.ToString(),
            JavaScriptEnabled = javaScript,
            // Only so axe can be injected: the portal's policy rightly allows no script at all.
            BypassCSP = true,
            Locale = "zh-CN",
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1024, Height = 800 },
        });
        return new Visitor(stack, journey, javaScript, context, await context.NewPageAsync());
    }

    /// <summary>The portal's words for a key, in Chinese (the default language) — the tests read what users read.</summary>
    public static string Zh(string key) => Strings.All[key].Zh;

    public static string En(string key) => Strings.All[key].En;

    public async Task GotoAsync(string path)
    {
        Reset();
        var response = await Page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"GET {path}: {response?.Status}");
    }

    /// <summary>Clicks something that submits a form or follows a link, and waits for the next page.</summary>
    public async Task SubmitAsync(ILocator target)
    {
        Reset();
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await target.ClickAsync();
            // A safety net for a page that never comes, not a performance assertion.
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            Page.Load -= OnLoad;
        }
    }

    public Task SubmitAsync(string buttonText) => SubmitAsync(Page.GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).First);

    public ILocator Field(string id) => Page.Locator($"#{id}");

    public async Task FillAsync(params (string Id, string Value)[] fields)
    {
        foreach (var (id, value) in fields) await Field(id).FillAsync(value);
    }

    /// <summary>The message shown beside a field (inside its label).</summary>
    public Task<string> FieldErrorAsync(string id) => Page.Locator($"label[for='{id}'] .field-error").InnerTextAsync();

    public async Task<string> TextAsync() => await Page.Locator("main").InnerTextAsync();

    /// <summary>Weight, axe and a screenshot of the page as it is now.</summary>
    public async Task<PageVisit> CheckAsync(string name)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        List<IResponse> responses;
        lock (_responses) responses = [.. _responses];
        long bytes = 0;
        foreach (var response in responses)
        {
            var sizes = await response.Request.SizesAsync();
            bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        IReadOnlyList<AxeViolation> violations = [];
        var passes = 0;
        if (_javaScript)
        {
            await Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
            var result = await Page.EvaluateAsync<JsonElement>("""
                async () => {
                  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                  return { violations: r.violations.map(v => ({ id: v.id, impact: v.impact || 'unknown', nodes: v.nodes.length, help: v.help })),
                           passes: r.passes.length };
                }
                """);
            violations = result.GetProperty("violations").EnumerateArray()
                .Select(v => new AxeViolation(v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("nodes").GetInt32(),
                    v.GetProperty("help").GetString()!)).ToList();
            passes = result.GetProperty("passes").GetInt32();
        }

        _checkpoint++;
        var screenshots = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(screenshots, $"{_journey}-{_checkpoint.ToString("00", CultureInfo.InvariantCulture)}-{name}.png"),
            FullPage = true,
        });
        var visit = new PageVisit(_journey, name, new Uri(Page.Url).PathAndQuery, bytes, responses.Count, violations, passes);
        _stack.Report.Add(visit);
        var serious = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name} ({Page.Url}): " + string.Join("; ", serious.Select(v => $"{v.Impact} {v.Id} × {v.Nodes}: {v.Help}")));
        Reset();
        return visit;
    }

    private void Reset()
    {
        lock (_responses) _responses.Clear();
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
