using System.Globalization;
using System.Text;
using JobMatch.Contracts.Responses.Postings;
using JobMatch.Contracts.Responses.Profiles;

namespace Portal.Pages.Caseworker;

/// <summary>
/// One line of the talent-demand catalogue (人才需求目录): an occupation's new vacancies and new seekers in the month, the
/// ratio between them (求人倍率: vacancies per seeker), 紧缺 (short) where vacancies exceed seekers, and posted pay. Code is
/// the occupation's code in the scheme counted by (a 职业分类大典 code, an ESCO URI or isco:NNNN), null when unclassified.
/// </summary>
public sealed record CatalogueLine(string Occupation, int Vacancies, int Seekers, double? Ratio, bool Short, int PaySample,
    decimal? LowerQuartile, decimal? Median, decimal? UpperQuartile, string? Code = null);

/// <summary>The period and area a bureau's CSV states on every line: the month (2026-12), the area's name and division code.</summary>
public sealed record ReportArea(string Period, string AreaName, string AreaCode);

/// <summary>
/// Demand and supply of one area and month side by side, per occupation (the 细类 both services resolve titles and
/// desired occupations to). Occupations with vacancies come first, most vacancies first; occupations only seekers ask
/// for follow. Shared by the page and its CSV export, so both say the same.
/// </summary>
public static class TalentDemandCatalogue
{
    public static IReadOnlyList<CatalogueLine> Lines(LabourDemand demand, LabourSupply supply, string lang, string unclassified)
    {
        string Name(string? code, string? name, string? nameEn) => code is null ? unclassified : (lang == "en" ? nameEn : name) ?? name ?? unclassified;
        var seekers = supply.Occupations.ToDictionary(o => o.OccupationCode ?? "", o => o, StringComparer.Ordinal);
        var lines = demand.Occupations.Select(o =>
        {
            var sought = seekers.GetValueOrDefault(o.OccupationCode ?? "")?.Seekers ?? 0;
            return new CatalogueLine(Name(o.OccupationCode, o.OccupationName, o.OccupationNameEn), o.Vacancies, sought,
                sought == 0 ? null : Math.Round((double)o.Vacancies / sought, 2), o.OccupationCode is not null && o.Vacancies > sought,
                o.PaySample, o.LowerQuartile, o.Median, o.UpperQuartile, o.OccupationCode);
        }).ToList();
        var demanded = demand.Occupations.Select(o => o.OccupationCode ?? "").ToHashSet(StringComparer.Ordinal);
        lines.AddRange(supply.Occupations.Where(o => !demanded.Contains(o.OccupationCode ?? ""))
            .Select(o => new CatalogueLine(Name(o.OccupationCode, o.OccupationName, o.OccupationNameEn), 0, o.Seekers, 0, false, 0, null, null, null, o.OccupationCode)));
        return lines;
    }

    /// <summary>The catalogue as CSV: UTF-8 with a byte-order mark, so Excel opens the Chinese as Chinese; RFC 4180 quoting.</summary>
    public static byte[] Csv(IReadOnlyList<CatalogueLine> lines, IReadOnlyList<string> header, string shortMark) =>
        Table(header, lines.Select(line => new[]
        {
            line.Occupation, Number(line.Vacancies), Number(line.Seekers), Ratio(line),
            line.Short ? shortMark : "", Number(line.PaySample), Number(line.LowerQuartile), Number(line.Median), Number(line.UpperQuartile),
        }));

    /// <summary>
    /// The figures in the layout a bureau files (职业供求状况表): code, name, vacancies, seekers, ratio, median pay, period,
    /// area name and area code on every line — one line per occupation, unclassified ones with an empty code; same encoding.
    /// </summary>
    public static byte[] BureauCsv(IReadOnlyList<CatalogueLine> lines, IReadOnlyList<string> header, ReportArea area) =>
        Table(header, lines.Select(line => new[]
        {
            line.Code ?? "", line.Occupation, Number(line.Vacancies), Number(line.Seekers), Ratio(line), Number(line.Median),
            area.Period, area.AreaName, area.AreaCode,
        }));

    private static byte[] Table(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(Quote)).Append("\r\n");
        foreach (var cells in rows) csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Ratio(CatalogueLine line) => line.Ratio?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static string Number(decimal? value) => value?.ToString("0", CultureInfo.InvariantCulture) ?? "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quoted when needed; a cell starting with = + - @ gets a leading apostrophe so a spreadsheet never runs it as a formula.</summary>
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@') cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
