using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace JobMatch.Testing.Logs;

/// <summary>
/// Where the services a test starts write their logs: one file per host under the test assembly's <c>logs/</c>
/// folder (or <c>JOBMATCH_TEST_LOGS</c>), never the console, so a green run prints only results. Each file belongs
/// to the test class (or collection) that started the host — <see cref="QuietTestFramework"/> tells them apart — and
/// a failing test's output ends with the tail of its owners' files.
/// </summary>
public static class TestLogs
{
    private static readonly AsyncLocal<string?> CurrentOwner = new();
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<LogFile>> FilesByOwner = new();
    private static readonly ConcurrentDictionary<string, LogFile> FilesByPath = new();
    private static readonly Lazy<string> Root = new(CreateRoot);
    private static int _sequence;

    /// <summary>The test class (or "collection:…") whose code is running; set by <see cref="QuietTestFramework"/>.</summary>
    public static string Owner => CurrentOwner.Value ?? "unowned";

    internal static void SetOwner(string owner) => CurrentOwner.Value = owner;

    /// <summary>A new log file for a host started now, registered to the current owner.</summary>
    public static string NewFile(string host)
    {
        var owner = Owner;
        var name = $"{Interlocked.Increment(ref _sequence):D4}-{Safe(Short(owner))}-{Safe(host)}.log";
        var file = new LogFile(Path.Combine(Root.Value, name));
        FilesByOwner.GetOrAdd(owner, _ => new ConcurrentQueue<LogFile>()).Enqueue(file);
        FilesByPath[file.Path] = file;
        return file.Path;
    }

    /// <summary>The host writing <paramref name="path"/> has stopped: its file no longer concerns later tests.</summary>
    internal static void Closed(string path)
    {
        if (FilesByPath.TryGetValue(path, out var file)) file.ClosedAt = DateTime.UtcNow;
    }

    /// <summary>A logger provider writing to a new file for <paramref name="host"/>.</summary>
    public static ILoggerProvider ProviderFor(string host) => new FileLoggerProvider(NewFile(host));

    /// <summary>
    /// The last lines of the log files the owners' hosts had open at some moment since <paramref name="since"/> (the
    /// failing test's start): its own hosts and the shared ones, not those of the tests before it.
    /// </summary>
    public static string TailsOf(IEnumerable<string> owners, DateTime since, int linesPerFile = 80)
    {
        var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var owner in owners.Distinct())
        {
            if (!FilesByOwner.TryGetValue(owner, out var entries)) continue;
            foreach (var file in entries.Where(entry => entry.ClosedAt is null || entry.ClosedAt >= since).Select(entry => entry.Path))
            {
                var lines = ReadShared(file);
                if (lines.Count == 0) continue;
                writer.WriteLine($"----- {Path.GetFileName(file)} (last {Math.Min(linesPerFile, lines.Count)} of {lines.Count} lines; whole file: {file})");
                foreach (var line in lines.TakeLast(linesPerFile)) writer.WriteLine(line);
            }
        }
        return writer.ToString();
    }

    private static List<string> ReadShared(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var lines = new List<string>();
            while (reader.ReadLine() is { } line) lines.Add(line);
            return lines;
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static string CreateRoot()
    {
        var root = Environment.GetEnvironmentVariable("JOBMATCH_TEST_LOGS") is { Length: > 0 } configured
            ? Path.Combine(configured, Path.GetFileNameWithoutExtension(AppDomain.CurrentDomain.FriendlyName))
            : Path.Combine(AppContext.BaseDirectory, "logs");
        // A run's logs replace the previous run's: the folder holds one run, so nothing grows without bound.
        if (Directory.Exists(root))
            foreach (var old in Directory.EnumerateFiles(root, "*.log")) File.Delete(old);
        Directory.CreateDirectory(root);
        return root;
    }

    private sealed record LogFile(string Path)
    {
        public DateTime? ClosedAt { get; set; }
    }

    private static string Short(string owner) => owner[(owner.LastIndexOf('.') + 1)..];

    private static string Safe(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
