using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Portal.Infrastructure;

/// <summary>How the portal encodes what it writes: every script as itself (only markup characters are escaped).</summary>
public static class PortalEncoding
{
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
}

public static class HtmlExtensions
{
    /// <summary>
    /// The messages for one field (the API's, in the page's language, or the portal's own), placed inside the field's
    /// label so a screen reader reads them with it.
    /// </summary>
    public static IHtmlContent FieldError(this IHtmlHelper html, ApiResult? result, string field)
    {
        if (result is null || !result.Errors.TryGetValue(field, out var messages) || messages.Length == 0) return HtmlString.Empty;
        return new HtmlString($"<span class=\"field-error\">{PortalEncoding.Html.Encode(string.Join(" ", messages))}</span>");
    }

    /// <summary>
    /// A moment in Beijing time with the zone named ("2026-12-03 20:05 北京时间"), in a time element carrying the UTC
    /// instant; a dash when there is none.
    /// </summary>
    public static IHtmlContent Time(this IHtmlHelper html, DateTime? utc, Text text, bool dateOnly = false)
    {
        if (utc is not { } moment) return new HtmlString("—");
        var shown = dateOnly ? Fmt.LocalDate(moment) : $"{Fmt.Local(moment)} {text["time.zone"]}";
        var instant = DateTime.SpecifyKind(moment, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return new HtmlString($"<time datetime=\"{instant}\">{PortalEncoding.Html.Encode(shown)}</time>");
    }

    /// <summary>aria-invalid on an input whose field the API refused.</summary>
    public static IHtmlContent Invalid(this IHtmlHelper html, ApiResult? result, string field) =>
        result is not null && result.Errors.ContainsKey(field) ? new HtmlString("aria-invalid=\"true\"") : HtmlString.Empty;

    /// <summary>The current page's address with the language switched, keeping its query.</summary>
    public static string WithLanguage(this HttpRequest request, string lang)
    {
        var query = request.Query.Where(pair => pair.Key != "lang").SelectMany(pair => pair.Value.Select(value => (Name: pair.Key, Value: value ?? "")))
            .Append((Name: "lang", Value: lang));
        return request.Path + "?" + string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
    }
}

/// <summary>Horizontal bar charts as inline SVG: no script, readable at any width, with a text equivalent.</summary>
public static class Charts
{
    /// <param name="table">
    /// When given, the figures also as a table (in a closed <c>details</c>, headed by the summary and the two column
    /// names): screen-reader users can move through its cells, and anyone can read exact values or copy them.
    /// </param>
    public static IHtmlContent Bars(string id, string title, IReadOnlyList<(string Label, double Value)> bars,
        (string Summary, string LabelHeader, string ValueHeader)? table = null)
    {
        const int rowHeight = 26, barWidth = 300, valueWidth = 60;
        if (bars.Count == 0)
            return new HtmlString($"<figure class=\"chart\"><figcaption>{PortalEncoding.Html.Encode(title)}</figcaption><p>—</p></figure>");
        // Wide enough for the longest label at the 13px label font (about 14 units a CJK character, 7.5 others), so
        // English labels such as "People with employment difficulties" are not cut off; at most 320 units.
        var labelWidth = (int)Math.Clamp(bars.Max(bar => bar.Label.Sum(c => c >= 0x2E80 ? 14 : 7.5)) + 12, 170, 320);
        var max = bars.Count == 0 ? 1 : Math.Max(1, bars.Max(bar => bar.Value));
        var height = Math.Max(1, bars.Count) * rowHeight + 8;
        var svg = new StringBuilder();
        var e = PortalEncoding.Html;
        svg.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\"><figcaption id=\"{id}-title\">{e.Encode(title)}</figcaption>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {labelWidth + barWidth + valueWidth} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{e.Encode(string.Join("; ", bars.Select(b => $"{b.Label}: {b.Value:0.##}")))}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = i * rowHeight + 4;
            var width = Math.Max(1, value / max * barWidth);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"chart-label\">{e.Encode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"{rowHeight - 8}\" class=\"chart-bar\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6:0.#}\" y=\"{y + 16}\" class=\"chart-value\">{value:0.##}</text>");
        }
        svg.Append("</svg>");
        if (table is { } t)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<details><summary>{e.Encode(t.Summary)}</summary><table id=\"{id}-table\"><thead><tr><th scope=\"col\">{e.Encode(t.LabelHeader)}</th><th scope=\"col\">{e.Encode(t.ValueHeader)}</th></tr></thead><tbody>");
            foreach (var (label, value) in bars)
                svg.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{e.Encode(label)}</th><td>{value:0.##}</td></tr>");
            svg.Append("</tbody></table></details>");
        }
        svg.Append("</figure>");
        return new HtmlString(svg.ToString());
    }
}
