namespace JobPostings.Api.Screening;

/// <summary>
/// Rough monthly pay medians (CNY) for Inner Mongolia by major group of the national occupation classification
/// (职业分类大典: the code's first digit). Enough to tell "far above the market" from a normal offer; a posting
/// offering three times the median while asking for no skills, experience or education is a classic lure.
/// </summary>
public static class MarketPay
{
    public const decimal ImplausibleMultiple = 3m;

    private static readonly Dictionary<char, decimal> MedianByMajorGroup = new()
    {
        ['1'] = 9000m, // 党的机关、国家机关、群众团体和社会组织、企事业单位负责人
        ['2'] = 7000m, // 专业技术人员
        ['3'] = 5000m, // 办事人员和有关人员
        ['4'] = 4500m, // 社会生产服务和生活服务人员
        ['5'] = 4000m, // 农、林、牧、渔业生产及辅助人员
        ['6'] = 5000m, // 生产制造及有关人员
    };

    public const decimal DefaultMedian = 5000m;

    public static decimal MedianFor(string? occupationCode) =>
        occupationCode is { Length: > 1 } code && code[1] == '-' && MedianByMajorGroup.TryGetValue(code[0], out var median) ? median : DefaultMedian;
}
