using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Resources;

namespace JobMatch.Portal.Tests;

/// <summary>
/// One person's browser for one journey: visits pages through the gateway, and at each checkpoint measures what the
/// page cost to load, runs axe-core on it (no WCAG 2.1 A/AA violation of any impact allowed), checks that the page
/// is no wider than the window, and keeps a screenshot under artifacts/screenshots/ of a checkpoint that fails (of every one with
/// JOBMATCH_SCREENSHOTS=all). For a seeker it also checks
/// what a person without technical knowledge must never meet: no GUID, division code or internal value on the page,
/// every time in Beijing time with the zone named, and no English sentence on a Chinese page.
/// </summary>
public sealed partial class Visitor : IAsyncDisposable
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

    public const int Desktop = 1280;
    public const int Phone = 375;

    /// <summary>Whether checkpoints hold the page to what a seeker may see (codes, GUIDs, times, language).</summary>
    public bool SeekerChecks { get; init; }

    public static async Task<Visitor> OpenAsync(PortalStack stack, string journey, bool javaScript = true, bool seekerChecks = false, int width = Desktop)
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
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
        });
        return new Visitor(stack, journey, javaScript, context, await context.NewPageAsync()) { SeekerChecks = seekerChecks };
    }

    /// <summary>The portal's words for a key, in Chinese (the default language) — the tests read what users read.</summary>
    public static string Zh(string key) => Strings.In(Strings.Chinese, key) ?? throw new KeyNotFoundException(key);

    public static string En(string key) => Strings.In(Strings.English, key) ?? throw new KeyNotFoundException(key);

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

    /// <summary>The window's width from now on (a phone or a desktop), as the person turns to another device.</summary>
    public Task ResizeAsync(int width) => Page.SetViewportSizeAsync(width, width == Phone ? 740 : 800);

    /// <summary>The checkpoint at a phone's width and at a desktop's, coming back to the width it was at.</summary>
    public async Task CheckBothAsync(string name)
    {
        var width = Page.ViewportSize?.Width ?? Desktop;
        await ResizeAsync(Phone);
        await CheckAsync(name + "-375");
        await ResizeAsync(Desktop);
        await CheckAsync(name + "-1280");
        await ResizeAsync(width);
    }

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
        var axeTime = System.Diagnostics.Stopwatch.StartNew();
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

        var axeMs = axeTime.Elapsed.TotalMilliseconds;
        var width = Page.ViewportSize?.Width ?? Desktop;
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        _checkpoint++;
        var visit = new PageVisit(_journey, name, new Uri(Page.Url).PathAndQuery, bytes, responses.Count, violations, passes, axeMs);
        try
        {
            if (SeekerChecks) await CheckWhatASeekerSeesAsync(name);
            Assert.True(violations.Count == 0, $"{name} ({Page.Url}): " + string.Join("; ", violations.Select(v => $"{v.Impact} {v.Id} × {v.Nodes}: {v.Help}")));
            Assert.True(overflow <= 0, $"{name} ({Page.Url}) is {overflow} px wider than the {width} px window.");
            if (EveryScreenshot) visit = visit with { ScreenshotMs = await ScreenshotAsync(name) };
        }
        catch
        {
            await ScreenshotAsync(name);
            throw;
        }
        finally
        {
            _stack.Report.Add(visit);
        }
        Reset();
        return visit;
    }

    /// <summary>
    /// Screenshots of every checkpoint only when asked (JOBMATCH_SCREENSHOTS=all: to look at the pages); otherwise of a
    /// checkpoint that fails, beside the failure — a full-page PNG per checkpoint was a tenth of the journeys' time.
    /// </summary>
    private static readonly bool EveryScreenshot = Environment.GetEnvironmentVariable("JOBMATCH_SCREENSHOTS") == "all";

    /// <summary>A full-page screenshot under artifacts/screenshots/; returns what it took.</summary>
    private async Task<double> ScreenshotAsync(string name)
    {
        var screenshots = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        var time = System.Diagnostics.Stopwatch.StartNew();
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(screenshots, $"{_journey}-{_checkpoint.ToString("00", CultureInfo.InvariantCulture)}-{name}.png"),
            FullPage = true,
        });
        return time.Elapsed.TotalMilliseconds;
    }

    /// <summary>No GUID, division code or internal value shown; times in Beijing time, zone named; Chinese pages without English sentences.</summary>
    private async Task CheckWhatASeekerSeesAsync(string name)
    {
        var text = await Page.Locator("body").InnerTextAsync();
        var where = $"{name} ({Page.Url})";
        Assert.False(GuidPattern().IsMatch(text), $"{where} shows a GUID: {GuidPattern().Match(text).Value}");
        Assert.False(HexFragment().IsMatch(text), $"{where} shows an id fragment: {HexFragment().Match(text).Value}");
        Assert.False(DivisionCode().IsMatch(text), $"{where} shows a division code: {DivisionCode().Match(text).Value}");
        Assert.False(Internal().IsMatch(text), $"{where} shows an internal value: {Internal().Match(text).Value}");
        var times = await Page.Locator("time").EvaluateAllAsync<string[][]>("times => times.map(t => [t.getAttribute('datetime'), t.textContent])");
        foreach (var time in times)
        {
            var utc = DateTime.Parse(time[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            var beijing = utc.AddHours(8);
            Assert.True(time[1].StartsWith(beijing.ToString(time[1].Length > 10 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal),
                $"{where}: {time[1]} is not {time[0]} in Beijing time");
            if (time[1].Length > 10) Assert.Contains(await Page.GetAttributeAsync("html", "lang") == "en" ? En("time.zone") : Zh("time.zone"), time[1], StringComparison.Ordinal);
        }
        Assert.Equal(times.Count(time => time[1].Length > 10), ClockTime().Matches(text).Count);
        if (await Page.GetAttributeAsync("html", "lang") == "zh-CN")
            Assert.False(EnglishSentence().IsMatch(text), $"{where} has English on a Chinese page: {EnglishSentence().Match(text).Value}");
    }

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    // Eight hex characters with a digit and a letter: an id cut short ("应聘者 85c0323a").
    [GeneratedRegex(@"\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8}\b")]
    private static partial Regex HexFragment();

    [GeneratedRegex(@"(?<![0-9])15[0-9]{4}(?![0-9])")]
    private static partial Regex DivisionCode();

    [GeneratedRegex(@"\b(?:null|undefined|NaN|other-city|within-commute|same-county|rural-worker|employment-difficulty|employer-sharing|caseworker-contact|bootstrap[\w-]*|policyVersion|modelVersion)\b|\b[a-z]+[A-Z][a-z]+\b")]
    private static partial Regex Internal();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")]
    private static partial Regex ClockTime();

    // Four English words in a row (a message left untranslated); product names and single words pass.
    [GeneratedRegex(@"[A-Za-z]{2,}(?:[ ,'’][A-Za-z]{2,}){3,}")]
    private static partial Regex EnglishSentence();

    private void Reset()
    {
        lock (_responses) _responses.Clear();
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
