namespace JobMatch.Domain.Organisations;

/// <summary>An industry section (门类) of GB/T 4754-2017, 国民经济行业分类.</summary>
public sealed record Industry(string Code, string Name, string EnglishName)
{
    public string NameIn(string language) => language == "en" ? EnglishName : Name;
}

/// <summary>The 20 sections of GB/T 4754-2017, A to T: an organisation's industry is one of them.</summary>
public static class Industries
{
    public static IReadOnlyList<Industry> All { get; } =
    [
        new("A", "农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
        new("B", "采矿业", "Mining"),
        new("C", "制造业", "Manufacturing"),
        new("D", "电力、热力、燃气及水生产和供应业", "Electricity, heat, gas and water"),
        new("E", "建筑业", "Construction"),
        new("F", "批发和零售业", "Wholesale and retail"),
        new("G", "交通运输、仓储和邮政业", "Transport, storage and post"),
        new("H", "住宿和餐饮业", "Accommodation and catering"),
        new("I", "信息传输、软件和信息技术服务业", "Information transmission, software and IT services"),
        new("J", "金融业", "Finance"),
        new("K", "房地产业", "Real estate"),
        new("L", "租赁和商务服务业", "Leasing and business services"),
        new("M", "科学研究和技术服务业", "Scientific research and technical services"),
        new("N", "水利、环境和公共设施管理业", "Water, environment and public facilities"),
        new("O", "居民服务、修理和其他服务业", "Household, repair and other services"),
        new("P", "教育", "Education"),
        new("Q", "卫生和社会工作", "Health and social work"),
        new("R", "文化、体育和娱乐业", "Culture, sports and entertainment"),
        new("S", "公共管理、社会保障和社会组织", "Public administration, social security and social organisations"),
        new("T", "国际组织", "International organisations"),
    ];

    public static Industry? Find(string? code) => All.FirstOrDefault(industry => industry.Code == code);
}
