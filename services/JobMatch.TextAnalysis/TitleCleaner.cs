using System.Reflection;
using System.Text.RegularExpressions;

namespace JobMatch.TextAnalysis;

/// <summary>
/// Takes off what real ads put around the job: hype (急招, 诚聘, 高薪, "needed", "!!!"), head counts (若干名, 3人), pay
/// and perks (月薪8000, 包吃住, 五险一金), brackets and what is in them (codes such as (J12930), (Seasonal), （某国企编）),
/// company and place names (…有限公司, 呼和浩特, "at Walmart"), grades (高级, 资深, senior), and the intern/graduate/
/// seasonal markers (kept as flags). Splits what is left at separators (| / - ·) into parts. What names the job stays.
/// </summary>
public static partial class TitleCleaner
{
    private static readonly Lazy<string[]> PlaceNames = new(() => ReadList("place-names.txt"));

    public static CleanedTitle Clean(string? title)
    {
        var text = TextNormalizer.Clean(title);
        if (text.Length == 0) return CleanedTitle.Empty;
        var lower = text.ToLowerInvariant();
        var internship = Internship().IsMatch(lower);
        var graduate = Graduate().IsMatch(lower);
        var seasonal = Seasonal().IsMatch(lower);
        var grade = Grade().Match(lower) is { Success: true } match ? match.Value.Trim() : null;

        var bracketed = new List<string>();
        var outside = Brackets().Replace(text, m => { bracketed.Add(m.Groups["inside"].Value); return " | "; });
        var parts = Parts(outside);
        if (parts.Count == 0) parts = Parts(string.Join(" | ", bracketed)); // the whole title was in brackets
        if (parts.Count == 0) parts = [text];
        return new CleanedTitle(string.Join(' ', parts), parts, internship, graduate, seasonal, grade);
    }

    private static List<string> Parts(string text)
    {
        var parts = new List<string>();
        foreach (var raw in Separators().Split(text))
        {
            var part = Strip(raw);
            if (part.Length > 0 && part.Any(char.IsLetter)) parts.Add(part);
        }
        return parts;
    }

    private static string Strip(string part)
    {
        var s = Companies().Replace(part, " ");
        s = EmployerAfterAt().Replace(s, " ");
        s = ChineseNoise().Replace(s, " ");
        s = EnglishNoise().Replace(s, " ");
        s = RemovePlaces(s);
        s = Spaces().Replace(s, " ").Trim(' ', '.', '、', '&', '+', '#', '*');
        return s;
    }

    private static string RemovePlaces(string s)
    {
        foreach (var place in PlaceNames.Value)
        {
            // Longest names first (the list is sorted so): 呼和浩特市 goes before 呼和浩特 can leave a stray 市.
            if (s.Contains(place, StringComparison.Ordinal) ) s = s.Replace(place, " ", StringComparison.Ordinal);
        }
        return s;
    }

    private static string[] ReadList(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("JobMatch.TextAnalysis.Data." + name)
            ?? throw new InvalidOperationException($"JobMatch.TextAnalysis.Data.{name} is not embedded");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#')) lines.Add(line.Trim());
        }
        return [.. lines.OrderByDescending(line => line.Length)];
    }

    [GeneratedRegex(@"[(\[{【〔［｛<《](?<inside>[^)\]}】〕］｝>》]*)[)\]}】〕］｝>》]?")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\s*[|/\\·•,，;；:：!！?？~～—–]+\s*|\s+-+\s+|(?<=\p{IsCJKUnifiedIdeographs})-+|-+(?=\p{IsCJKUnifiedIdeographs})|(?<=\p{IsCJKUnifiedIdeographs})\s+|\s+(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex Separators();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{2,20}?(有限责任公司|股份有限公司|有限公司|分公司|公司|集团|(?<!工)厂(?!长))|\b[\w&.']+(\s+[\w&.']+)?\s+(inc|llc|ltd|corp|co|company|group|plc)\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex Companies();

    [GeneratedRegex(@"\s+(at|@)\s+.+$", RegexOptions.IgnoreCase)]
    private static partial Regex EmployerAfterAt();

    [GeneratedRegex(
        @"高薪诚聘|高薪急聘|高薪招聘|急招|急聘|急需|诚聘|诚招|热招|热聘|直招|直聘|长期招聘|长期招|大量招聘|招聘(?!专员|主管|经理|助理|顾问|hr|HR|负责人|官)|招募|聘请|高薪|" +
        @"若干名?|\d+\s*[-~至到]?\s*\d*\s*(名|人|位)|数名|多名|一名|两名|名额有限|" +
        @"月薪[\d.kK千万元\s\-~至到+以上]*|年薪[\d.kK千万元\s\-~至到+以上]*|底薪[\d.kK千万元\s\-~至到+以上]*|薪资[\d.kK千万元\s\-~至到+面议以上]*|薪[\d.kK千万]+|" +
        @"\d+(\.\d+)?\s*[-~至到]?\s*\d*(\.\d+)?\s*(元|块|k|K|千|万)(/月|/天|/小时|每月|一月|一天|起|以上)?|面议|" +
        @"包吃包住|包吃住|包住|包吃|五险一金|五险|六险一金|双休|单休|周末双休|日结|周结|月结|当天结|" +
        @"某国企|某央企|某公司|某单位|某集团|某企业|某|国企|央企|事业单位|在编|编制|劳务派遣|派遣|合同制|" +
        @"\d{2,4}\s*届|\d{4}\s*年|实习生|实习|应届毕业生|应届生|应届|校园招聘|校招|毕业生|" +
        @"资深|高级|中级|初级|兼职|全职|临时工|临时|长期|季节性|热门|可培训|经验不限|学历不限|不限经验|不限学历|男女不限|限男性|限女性|" +
        @"欢迎|加入|我们|诚邀|多劳多得|待遇优厚|待遇从优|提成|奖金|[!！]+")]
    private static partial Regex ChineseNoise();

    [GeneratedRegex(
        @"\b(now\s+hiring|we'?re\s+hiring|hiring\s+now|hiring|needed|wanted|urgently|urgent|immediately|immediate\s+start|start\s+today|asap|" +
        @"apply\s+now|apply\s+today|great\s+pay|top\s+pay|high\s+pay|sign[\s-]on\s+bonus|bonus|weekly\s+pay|daily\s+pay|" +
        @"full[\s-]?time|part[\s-]?time|ft|pt|seasonal|temporary|temp|remote|hybrid|on[\s-]site|" +
        @"entry[\s-]level|experienced|senior|sr|junior|jr|mid[\s-]level|intern|internship|new\s+grads?|graduates?|" +
        @"i{1,3}|iv|level\s+\d|\d+\s*(positions?|openings?)|multiple\s+positions|openings?|positions?\s+available|" +
        @"job|jobs|opportunity|opportunities|position)\b|\$\s*\d[\d,.]*\s*(\+|k)?(\s*(/|per)\s*(hr|hour|h|week|wk|year|yr))?|\d+(\.\d+)?\s*/\s*(hr|hour|h)\b|[!]+",
        RegexOptions.IgnoreCase)]
    private static partial Regex EnglishNoise();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"实习|\bintern(ship)?s?\b")]
    private static partial Regex Internship();

    [GeneratedRegex(@"应届|校招|校园招聘|毕业生|\bnew\s+grads?\b|\bgraduates?\b|\bentry[\s-]level\b")]
    private static partial Regex Graduate();

    [GeneratedRegex(@"季节|临时|\bseasonal\b|\btemporary\b|\btemp\b")]
    private static partial Regex Seasonal();

    [GeneratedRegex(@"资深|高级|中级|初级|\bsenior\b|\bsr\b|\bjunior\b|\bjr\b|\blead\b|\bprincipal\b|\bmid[\s-]level\b")]
    private static partial Regex Grade();
}
