using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace JobMatch.Portal.Tests;

/// <summary>One visited page: bytes transferred (headers and bodies of every response it loaded) and axe's findings.</summary>
public sealed record PageVisit(string Journey, string Name, string Path, long Bytes, int Responses, IReadOnlyList<AxeViolation> Violations, int Passes,
    double AxeMs = 0, double ScreenshotMs = 0);

public sealed record AxeViolation(string Id, string Impact, int Nodes, string Help);

public sealed class PageReport
{
    private readonly ConcurrentQueue<PageVisit> _visits = new();

    public IReadOnlyCollection<PageVisit> Visits => _visits;

    public void Add(PageVisit visit) => _visits.Enqueue(visit);

    /// <summary>page-weights.md (a table for docs/benchmarks.md) and axe.json, under the test output's artifacts/.</summary>
    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var table = new StringBuilder();
        table.AppendLine("| journey | page | path | bytes transferred | responses | axe violations (impact: rule × nodes) | axe passes | axe ms | screenshot ms |");
        table.AppendLine("|---|---|---|---:|---:|---|---:|---:|---:|");
        foreach (var visit in _visits)
        {
            var violations = visit.Violations.Count == 0 ? "none"
                : string.Join("; ", visit.Violations.Select(v => $"{v.Impact}: {v.Id} × {v.Nodes}"));
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {visit.Journey} | {visit.Name} | `{visit.Path}` | {visit.Bytes:N0} | {visit.Responses} | {violations} | {visit.Passes} | {visit.AxeMs:F0} | {visit.ScreenshotMs:F0} |");
        }
        File.WriteAllText(Path.Combine(directory, "page-weights.md"), table.ToString());
        File.WriteAllText(Path.Combine(directory, "axe.json"), JsonSerializer.Serialize(_visits, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(table.ToString());
    }
}
