using System.Text;

namespace Matching.Evaluation;

/// <summary>
/// RFC 4180 CSV: fields separated by commas, records by CRLF (LF accepted on reading); a field holding a comma, a
/// quote, CR or LF is quoted, with quotes doubled. UTF-8 without a byte-order mark (one is skipped on reading).
/// Lists inside a field are joined with <see cref="ListSeparator"/>.
/// </summary>
public static class Csv
{
    public const char ListSeparator = '|';

    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        WriteRecord(writer, header);
        foreach (var row in rows)
        {
            if (row.Count != header.Count) throw new ArgumentException($"{path}: a row of {row.Count} fields under a header of {header.Count}.");
            WriteRecord(writer, row);
        }
    }

    private static void WriteRecord(TextWriter writer, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(',');
            var field = fields[i] ?? "";
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0) writer.Write('"' + field.Replace("\"", "\"\"", StringComparison.Ordinal) + '"');
            else writer.Write(field);
        }
        writer.Write("\r\n");
    }

    /// <summary>
    /// Records keyed by the header's names, each with the line it starts on. The header must hold exactly
    /// <paramref name="columns"/> (any order); an empty file, an unknown or missing column, or a record with the wrong
    /// number of fields throws <see cref="DatasetException"/> naming the file, the line and the field.
    /// </summary>
    public static List<CsvRow> Read(string path, IReadOnlyCollection<string>? columns = null)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) throw new DatasetException(file, 0, null, "no such file");
        var records = Parse(File.ReadAllText(path, Encoding.UTF8), file);
        if (records.Count == 0 || records[0].Fields is [""]) throw new DatasetException(file, 1, null, "the file is empty: a header row is needed");
        var header = records[0].Fields;
        if (columns is not null)
        {
            if (header.FirstOrDefault(name => !columns.Contains(name)) is { } unknown)
                throw new DatasetException(file, 1, unknown, $"unknown column (the columns are: {string.Join(", ", columns)})");
            if (columns.FirstOrDefault(name => !header.Contains(name)) is { } missing)
                throw new DatasetException(file, 1, missing, "missing column");
        }
        if (header.GroupBy(name => name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DatasetException(file, 1, twice.Key, "the column appears twice");
        var result = new List<CsvRow>(records.Count - 1);
        foreach (var (line, record) in records.Skip(1))
        {
            if (record is [""]) continue; // a blank line
            if (record.Count != header.Count)
            {
                throw new DatasetException(file, line, record.Count > header.Count ? null : header[record.Count],
                    $"the record has {record.Count} fields, the header {header.Count}");
            }

            var row = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++) row[header[i]] = record[i];
            result.Add(new CsvRow(file, line, row));
        }
        return result;
    }

    /// <summary>Records with the line each starts on (1-based; a quoted line break continues the record).</summary>
    public static List<(int Line, List<string> Fields)> Parse(string text, string source = "csv")
    {
        var records = new List<(int Line, List<string> Fields)>();
        var line = 1;
        var recordLine = 1;
        var record = new List<string>();
        var field = new StringBuilder();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var quoted = false;
        var atFieldStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    quoted = false;
                    i++;
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                        throw new DatasetException(source, line, null, "text after a closing quote");
                    continue;
                }
                if (c == '\n') line++;
                field.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    i++;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    i++;
                    break;
                case '\r' or '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, record));
                    record = [];
                    atFieldStart = true;
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    recordLine = ++line;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    i++;
                    break;
            }
        }
        if (quoted) throw new DatasetException(source, recordLine, null, "a quoted field is never closed");
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add((recordLine, record));
        }
        return records;
    }

    public static string List(IEnumerable<string> items) => string.Join(ListSeparator, items.Select(item =>
        item.Contains(ListSeparator, StringComparison.Ordinal) ? throw new ArgumentException($"A list item cannot contain '{ListSeparator}': {item}") : item.Trim()));

    /// <summary>A list field: empty is no items. Items cannot themselves contain the separator.</summary>
    public static string[] Items(string field) =>
        field.Length == 0 ? [] : field.Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One record of a dataset file: its fields by column name, and where it is, for error messages.</summary>
public sealed record CsvRow(string File, int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string this[string column] => Fields[column];

    /// <summary>Parses one field; a malformed value throws <see cref="DatasetException"/> naming file, line and field.</summary>
    public T Parse<T>(string column, Func<string, T> parse)
    {
        var value = Fields[column];
        try
        {
            return parse(value);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentException)
        {
            throw new DatasetException(File, Line, column, $"'{value}' is not valid: {exception.Message}");
        }
    }
}

/// <summary>A dataset file that cannot be read: which file, which line (0: the file as a whole), which field, what is wrong. The command exits 2.</summary>
public sealed class DatasetException(string file, int line, string? field, string problem)
    : Exception($"{file}{(line > 0 ? $" line {line}" : "")}{(field is null ? "" : $", field {field}")}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string? Field { get; } = field;
}
