using System.Text;

namespace Matching.Taxonomy;

/// <summary>The text of the classification's data files (Data/dadian/, embedded; tests may substitute one).</summary>
internal sealed record NationalSource(string Classification, string English, string Errata, string Crosswalk)
{
    public const string ClassificationFile = "dadian/dadian2022.csv";
    public const string EnglishFile = "dadian/dadian-en.tsv";
    public const string ErrataFile = "dadian/errata.tsv";
    public const string CrosswalkFile = "dadian/crosswalk.tsv";

    public static NationalSource FromResources() => new(
        Read("dadian.dadian2022.csv"), Read("dadian.dadian-en.tsv"), Read("dadian.errata.tsv"), Read("dadian.crosswalk.tsv"));

    private static string Read(string name)
    {
        var resource = "Matching.Taxonomy.Data." + name;
        using var stream = typeof(NationalSource).Assembly.GetManifestResourceStream(resource)
            ?? throw new TaxonomyDataException($"Embedded resource {resource} is missing (see Matching.Taxonomy.csproj).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>RFC 4180 records (quoted fields may hold commas, quotes and line breaks), each with the line it starts on.</summary>
internal static class Csv
{
    public static List<(int Line, string[] Fields)> Read(string text)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, start = 1, i = 0;
        var quoted = false;
        while (i < text.Length)
        {
            var c = text[i++];
            if (quoted)
            {
                if (c == '"' && i < text.Length && text[i] == '"') { field.Append('"'); i++; }
                else if (c == '"')
                {
                    quoted = false;
                }
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0) records.Add((start, [.. fields]));
                    fields.Clear();
                    start = ++line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((start, [.. fields]));
        }
        return records;
    }
}
