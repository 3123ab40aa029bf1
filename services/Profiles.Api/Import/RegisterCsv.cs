using System.Globalization;
using System.Security.Claims;
using System.Text;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.PersonalData;
using JobMatch.ServiceDefaults.Problems;

namespace Profiles.Api.Import;

/// <summary>One valid row of a register file.</summary>
public sealed record RegisterRow(int Line, string Name, NationalId NationalId, string? Phone, string RegionCode, DateOnly RegisteredOn);

/// <summary>What is wrong with one field of one line (line numbers count the header as line 1, as spreadsheets do).</summary>
public sealed record RowError(int Line, string Field, string Message);

/// <summary>
/// Reads a caseworker's real-name register: UTF-8 CSV (RFC 4180 quoting), header
/// <c>name,national_id,phone,region_code,registered_on</c>. Every line is checked; messages never repeat the values.
/// </summary>
public static class RegisterCsv
{
    public static readonly string[] Header = ["name", "national_id", "phone", "region_code", "registered_on"];

    public static async Task<(List<RegisterRow> Rows, List<RowError> Errors)> ReadAsync(TextReader reader, ClaimsPrincipal caller, DateOnly today)
    {
        var rows = new List<RegisterRow>();
        var errors = new List<RowError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var header = await ReadRecordAsync(reader);
        if (header is null || !header.Select(column => column.Trim().TrimStart('\uFEFF').ToLowerInvariant()).SequenceEqual(Header))
        {
            errors.Add(new RowError(1, "header", "The first line is the header: " + string.Join(",", Header) + "."));
            return (rows, errors);
        }
        var line = 1;
        while (await ReadRecordAsync(reader) is { } fields)
        {
            line++;
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            if (fields.Count != Header.Length)
            {
                errors.Add(new RowError(line, "row", $"Expected {Header.Length} columns, found {fields.Count}."));
                continue;
            }
            var before = errors.Count;
            var name = fields[0].Trim();
            if (name.Length is 0 or > 100) errors.Add(new RowError(line, "name", "A name of 1 to 100 characters is required."));
            if (!NationalId.TryParse(fields[1], today, out var nationalId, out var idError)) errors.Add(new RowError(line, "national_id", idError!));
            else if (seen.TryGetValue(nationalId!.Value, out var first)) errors.Add(new RowError(line, "national_id", $"The same ID number is on line {first}."));
            else seen[nationalId.Value] = line;
            var phone = fields[2].Trim();
            if (phone.Length > 0 && !Validation.IsMobile(phone)) errors.Add(new RowError(line, "phone", "The phone is an 11-digit mainland mobile number, or empty."));
            var region = fields[3].Trim();
            if (!RegionCodes.IsKnown(region)) errors.Add(new RowError(line, "region_code", "The region is a 6-digit Inner Mongolia division code (15xxxx)."));
            else if (!caller.MayServeRegion(region)) errors.Add(new RowError(line, "region_code", "This region is not one you serve."));
            if (!DateOnly.TryParseExact(fields[4].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var registeredOn) || registeredOn > today)
                errors.Add(new RowError(line, "registered_on", "The registration date is yyyy-MM-dd and not in the future."));
            if (errors.Count == before) rows.Add(new RegisterRow(line, name, nationalId!, phone.Length == 0 ? null : phone, region, registeredOn));
        }
        return (rows, errors);
    }

    /// <summary>One CSV record; quoted fields may hold commas, doubled quotes and line breaks. Null at the end.</summary>
    private static async Task<List<string>?> ReadRecordAsync(TextReader reader)
    {
        var line = await reader.ReadLineAsync();
        if (line is null) return null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; ; i++)
        {
            if (i == line.Length)
            {
                if (!quoted) break;
                var next = await reader.ReadLineAsync();
                if (next is null) break;
                field.Append('\n');
                line = next;
                i = -1;
                continue;
            }
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }

}
