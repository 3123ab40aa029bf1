using System.Text;

namespace Matching.Api.Evaluation;

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

    /// <summary>Records as dictionaries keyed by the header's names; throws naming the file and line on a malformed record.</summary>
    public static List<Dictionary<string, string>> Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var records = Parse(text, path);
        if (records.Count == 0) throw new InvalidDataException($"{path}: no header row");
        var header = records[0];
        var result = new List<Dictionary<string, string>>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            if (record is [""]) continue; // a blank line
            if (record.Count != header.Count)
                throw new InvalidDataException($"{path}: record {r + 1} has {record.Count} fields, the header {header.Count}");
            var row = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++) row[header[i]] = record[i];
            result.Add(row);
        }
        return result;
    }

    public static List<List<string>> Parse(string text, string source = "csv")
    {
        var records = new List<List<string>>();
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
                        throw new InvalidDataException($"{source}: text after a closing quote in record {records.Count + 1}");
                    continue;
                }
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
                    records.Add(record);
                    record = [];
                    atFieldStart = true;
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    i++;
                    break;
            }
        }
        if (quoted) throw new InvalidDataException($"{source}: unterminated quoted field in record {records.Count + 1}");
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        return records;
    }

    public static string List(IEnumerable<string> items) => string.Join(ListSeparator, items.Select(item =>
        item.Contains(ListSeparator, StringComparison.Ordinal) ? throw new ArgumentException($"A list item cannot contain '{ListSeparator}': {item}") : item.Trim()));

    /// <summary>A list field: empty is no items. Items cannot themselves contain the separator.</summary>
    public static string[] Items(string field) =>
        field.Length == 0 ? [] : field.Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
