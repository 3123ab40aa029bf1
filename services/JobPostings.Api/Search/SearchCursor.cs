using System.Globalization;
using System.Text;

namespace JobPostings.Api.Search;

/// <summary>
/// Where the next page starts: the sort key and id of the last result, opaque to clients. A cursor made for one sort
/// is refused by another, so a client cannot mix up orders between pages.
/// </summary>
public sealed record SearchCursor(SearchSort Sort, string Value, Guid Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Sort}|{Value}|{Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string text, SearchSort sort, out SearchCursor? cursor)
    {
        cursor = null;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            if (parts.Length != 3 || !Enum.TryParse<SearchSort>(parts[0], out var cursorSort) || cursorSort != sort || !Guid.TryParse(parts[2], out var id))
                return false;
            var valid = sort == SearchSort.Newest
                ? DateTime.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)
                : decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out _);
            if (valid) cursor = new SearchCursor(sort, parts[1], id);
            return valid;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public decimal Number => decimal.Parse(Value, NumberStyles.Number, CultureInfo.InvariantCulture);

    public DateTime Time => DateTime.Parse(Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();
}
