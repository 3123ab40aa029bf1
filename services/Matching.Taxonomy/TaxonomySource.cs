using System.IO.Compression;
using System.Text;

namespace Matching.Taxonomy;

/// <summary>The text of every data file the taxonomy is built from (embedded resources; tests may substitute one).</summary>
internal sealed record TaxonomySource(
    string Occupations,
    string Skills,
    string Relations,
    string ZhOccupations,
    string ZhSkills,
    string Aliases,
    string MilitaryOccupations)
{
    public const string ZhOccupationsFile = "zh-occupations.tsv";
    public const string ZhSkillsFile = "zh-skills.tsv";
    public const string AliasesFile = "aliases.tsv";
    public const string MilitaryFile = "military-occupations.tsv";

    public static TaxonomySource FromResources() => new(
        Gzipped("esco.occupations.tsv.gz"),
        Gzipped("esco.skills.tsv.gz"),
        Gzipped("esco.relations.tsv.gz"),
        Plain(ZhOccupationsFile),
        Plain(ZhSkillsFile),
        Plain(AliasesFile),
        Plain(MilitaryFile));

    private static Stream Open(string name)
    {
        var resource = "Matching.Taxonomy.Data." + name;
        return typeof(TaxonomySource).Assembly.GetManifestResourceStream(resource)
            ?? throw new TaxonomyDataException($"Embedded resource {resource} is missing (see Matching.Taxonomy.csproj).");
    }

    private static string Plain(string name)
    {
        using var reader = new StreamReader(Open(name), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Gzipped(string name)
    {
        using var gzip = new GZipStream(Open(name), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>One data line of a tab-separated file: its 1-based line number and its fields, trimmed.</summary>
internal readonly record struct TsvRow(int Line, string[] Fields);

internal static class Tsv
{
    /// <summary>
    /// Reads a header-first TSV: '#' lines and blank lines are skipped, trailing whitespace is ignored (so trailing
    /// empty fields may be missing), a row with fewer than <paramref name="minFields"/> or more than the header's
    /// fields is reported in <paramref name="errors"/> with its line number and skipped.
    /// </summary>
    public static List<TsvRow> Read(string file, string text, string header, int minFields, List<string> errors)
    {
        var rows = new List<TsvRow>();
        var width = header.Split('\t').Length;
        var sawHeader = false;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = lineNumber == 1 ? rawLine.TrimEnd().TrimStart('\uFEFF') : rawLine.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (!sawHeader)
            {
                sawHeader = true;
                if (!string.Equals(line, header, StringComparison.Ordinal))
                {
                    errors.Add($"{file} line {lineNumber}: expected the header \"{header.Replace("\t", "\\t", StringComparison.Ordinal)}\", found \"{Shorten(line)}\"");
                }

                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < minFields || fields.Length > width)
            {
                errors.Add($"{file} line {lineNumber}: expected {(minFields == width ? width.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{minFields}-{width}")} tab-separated fields, found {fields.Length}: \"{Shorten(line)}\"");
                continue;
            }

            if (fields.Length < width)
            {
                Array.Resize(ref fields, width);
            }

            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = fields[i]?.Trim() ?? string.Empty;
            }

            rows.Add(new TsvRow(lineNumber, fields));
        }

        if (!sawHeader)
        {
            errors.Add($"{file}: empty (expected the header \"{header.Replace("\t", "\\t", StringComparison.Ordinal)}\")");
        }

        return rows;
    }

    public static string[] SplitList(string cell, char separator) =>
        cell.Length == 0 ? [] : cell.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Shorten(string line) => line.Length <= 120 ? line : line[..120] + "…";
}
