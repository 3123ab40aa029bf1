namespace JobPostings.Benchmarks.Relevance;

/// <summary>A job kind of the judged set: the ways employers title it in Chinese and English, and what its ads say.</summary>
public sealed record JobKind(string Key, string[] ChineseTitles, string[] EnglishTitles, string ChineseWords, string EnglishWords, string Occupation);

/// <summary>A judged query: the grade (0–3) of each job kind for it, and the place it names, if any (postings elsewhere grade 0).</summary>
public sealed record JudgedQuery(string Text, string Category, IReadOnlyDictionary<string, int> Grades, string? Place = null)
{
    public int Grade(JudgedPosting posting) =>
        posting.Hidden || (Place is not null && !posting.RegionCode.StartsWith(Place, StringComparison.Ordinal)) ? 0 : Grades.GetValueOrDefault(posting.Kind);
}

/// <summary>One posting of the judged set; Hidden ones (expired or duplicates) must never be shown.</summary>
public sealed record JudgedPosting(Guid Id, string Kind, string Title, string Description, string[] Skills, string RegionCode, double Latitude, double Longitude,
    bool Expired, Guid? DuplicateOf, DateTime PublishedAt)
{
    public bool Hidden => Expired || DuplicateOf is not null;
}

/// <summary>
/// The judged relevance set for job search (issue 17). SYNTHETIC, written for this project: 24 job kinds of Inner
/// Mongolia's labour market, each titled several ways in Chinese and English, posted in several places with the noise
/// real ads carry (急招/高薪诚聘 banners, 包吃住 and 五险一金 boilerplate, places in titles, full-width letters, mentions of
/// other jobs), plus expired and duplicate postings that must never show; and 72 queries in Chinese and English
/// (exact titles, synonyms, places, mixed language, misspelled English, common words) whose grades are given per job
/// kind: 3 the job asked for, 2 a close variant, 1 related, 0 otherwise. The postings are generated from a fixed seed,
/// so the set is the same on every run; grades are judgments about job kinds, written by hand, never read from any
/// search's output.
/// </summary>
public static class JudgedSet
{
    public static readonly JobKind[] Kinds =
    [
        new("forklift", ["叉车司机", "叉车工", "叉车操作员", "仓库叉车工"], ["Forklift driver", "Forklift operator"], "仓库货物装卸 持叉车证 库位管理", "warehouse loading pallets forklift licence required", "4-02-06"),
        new("welder", ["电焊工", "焊工", "氩弧焊工", "二保焊工"], ["Welder", "Welding technician"], "钢结构焊接 持焊工证 两班倒", "structural steel welding certificate shifts", "6-18-02"),
        new("delivery", ["货车司机", "配送司机", "冷链配送员"], ["Delivery driver", "Truck driver"], "乳制品冷链配送 C1驾照 熟悉路线", "cold chain dairy delivery driving licence", "4-02-03"),
        new("bus", ["公交驾驶员", "公交司机", "客车司机"], ["Bus driver"], "A1驾照 公交线路 安全驾驶", "city bus routes passenger safety licence", "4-02-01"),
        new("care", ["养老护理员", "护工", "陪护员"], ["Care worker", "Elderly caregiver"], "老人生活照料 基础护理 岗前培训", "elderly care daily living support training", "4-10-01"),
        new("nurse", ["护士", "临床护士", "护理师"], ["Nurse", "Registered nurse"], "临床护理 护士执业证书 倒班", "clinical nursing licence hospital wards", "2-05-08"),
        new("teacher", ["小学数学教师", "数学老师", "小学教师"], ["Maths teacher", "Primary school teacher"], "数学教学 教师资格证 班主任", "mathematics teaching certificate classroom", "2-08-02"),
        new("accountant", ["会计", "财务会计", "主办会计"], ["Accountant", "Bookkeeper"], "账务处理 纳税申报 用友软件", "bookkeeping tax filing accounts software", "2-06-02"),
        new("cook", ["厨师", "中式烹调师", "蒙餐厨师"], ["Cook", "Chef"], "蒙餐 鲁菜 健康证 后厨", "kitchen Mongolian cuisine health certificate", "4-03-02"),
        new("cleaner", ["保洁员", "清洁工", "社区保洁员"], ["Cleaner", "Janitor"], "环境保洁 公益性岗位 早班", "cleaning public areas early shift", "4-09-01"),
        new("cashier", ["收银员", "超市收银员"], ["Cashier"], "收银 商品陈列 早晚班", "supermarket cash handling till shifts", "4-01-02"),
        new("electrician", ["电工", "维修电工", "煤矿井下电工"], ["Electrician", "Maintenance electrician"], "电气维修 低压电工证 特种作业证", "electrical maintenance low voltage licence", "6-31-01"),
        new("solar", ["光伏电站运维员", "光伏运维工程师"], ["Solar technician", "PV maintenance technician"], "光伏巡检 设备维护 电站运维", "photovoltaic inspection plant maintenance", "6-28-01"),
        new("wind", ["风电场检修工", "风机运维工程师"], ["Wind turbine technician"], "风机检修 高处作业证 野外作业", "turbine maintenance work at height field work", "6-28-02"),
        new("tester", ["软件测试工程师", "测试工程师"], ["Software tester", "QA engineer"], "测试用例 接口测试 自动化测试", "test cases API testing automation", "2-02-10"),
        new("developer", ["Java开发工程师", "前端开发工程师", "软件开发工程师"], ["Web developer", "Software developer"], "Java Spring 前端 Vue 数据库", "JavaScript SQL web applications", "2-02-10"),
        new("security", ["保安", "保安员", "门卫"], ["Security guard"], "巡逻 门岗值守 退伍军人优先", "patrols gate duty veterans preferred", "4-07-05"),
        new("dairy", ["奶牛场挤奶工", "牧场饲养员"], ["Dairy farm worker"], "挤奶操作 牛只护理 包食宿", "milking cows herd care board provided", "5-03-01"),
        new("guide", ["导游", "旅游接待员"], ["Tour guide"], "草原景区 游客接待 蒙古语讲解", "grassland visitors guiding Mongolian", "4-07-04"),
        new("ecommerce", ["电商运营", "网店运营专员"], ["E-commerce operator"], "网店运营 牛肉干 活动策划", "online shop operations promotions", "4-01-06"),
        new("tractor", ["农机驾驶员", "拖拉机手"], ["Tractor driver"], "拖拉机 春耕秋收 农机维修", "tractor ploughing harvest machinery repair", "5-05-01"),
        new("sales", ["销售代表", "销售专员", "业务员"], ["Sales representative"], "客户开发 业绩提成 市场拓展", "client development commission targets", "4-01-01"),
        new("warehouse", ["仓库管理员", "库管员"], ["Warehouse keeper"], "出入库登记 盘点 配合叉车装卸", "stock records inventory counts loading", "4-02-07"),
        new("service", ["客服专员", "电话客服"], ["Customer service representative"], "电话接听 售后服务 普通话标准", "phone support after-sales service", "4-07-02"),
    ];

    /// <summary>Where the set's postings are (a seat per league/city, two districts of Hohhot): code, latitude, longitude.</summary>
    public static readonly (string Code, double Lat, double Lng)[] Places =
    [
        ("150102", 40.83, 111.73), ("150105", 40.80, 111.68), ("150203", 40.63, 109.83), ("150302", 39.66, 106.82), ("150402", 42.27, 118.96),
        ("150502", 43.62, 122.26), ("150602", 39.82, 110.00), ("150702", 49.22, 119.77), ("150802", 40.75, 107.40), ("150902", 41.03, 113.10),
    ];

    private static readonly string[] Banners = ["【急招】", "高薪诚聘", "急聘", "", "", "", ""];
    private static readonly string[] Tails = ["（包吃住）", "（五险一金）", " 2名", "", "", "", ""];
    private static readonly string[] Boilerplate =
    [
        "五险一金 包吃住 月休四天", "待遇从优 欢迎应届毕业生", "工作稳定 节假日福利", "有相关工作经验者优先", "Full-time job, overtime paid, apply now",
        "Good salary and benefits, training provided",
    ];

    public static IReadOnlyList<JudgedPosting> Postings(int seed = 20261203)
    {
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        var postings = new List<JudgedPosting>();
        foreach (var kind in Kinds)
        {
            foreach (var (title, english) in kind.ChineseTitles.Select(t => (t, false)).Concat(kind.EnglishTitles.Select(t => (t, true))))
            {
                for (var copy = 0; copy < 3; copy++)
                {
                    var place = Places[random.Next(Places.Length)];
                    var other = Kinds[random.Next(Kinds.Length)];
                    var shown = english
                        ? (random.Next(8) == 0 ? ToFullWidth(title) : title) + (random.Next(4) == 0 ? " (full-time)" : "")
                        : Banners[random.Next(Banners.Length)] + title + Tails[random.Next(Tails.Length)];
                    var words = english ? kind.EnglishWords : kind.ChineseWords;
                    // Noise: another job's words in a fifth of the ads ("配合叉车装卸", "also helps the cook").
                    var description = $"{words} {Boilerplate[random.Next(Boilerplate.Length)]}" +
                        (random.Next(5) == 0 ? " " + (english ? other.EnglishWords : other.ChineseWords) : "");
                    var skills = words.Split(' ')[..2];
                    var expired = random.Next(100) < 6;
                    var duplicateOf = !expired && random.Next(100) < 4 && postings.Count > 0 ? postings[^1].Id : (Guid?)null;
                    postings.Add(new JudgedPosting(Guid.CreateVersion7(), kind.Key, shown, description, skills, place.Code,
                        place.Lat + (random.NextDouble() - 0.5) * 0.2, place.Lng + (random.NextDouble() - 0.5) * 0.2,
                        expired, duplicateOf, now.AddMinutes(-random.Next(30 * 24 * 60))));
                }
            }
        }
        return postings;
    }

    private static string ToFullWidth(string text) =>
        new(text.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c).ToArray());

    private static JudgedQuery Q(string text, string category, string grades, string? place = null) =>
        new(text, category, grades.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split(':'))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture)), place);

    public static readonly JudgedQuery[] Queries =
    [
        // The title as employers write it, in Chinese.
        Q("叉车司机", "Chinese title", "forklift:3 warehouse:1"),
        Q("电焊工", "Chinese title", "welder:3"),
        Q("焊工", "Chinese title", "welder:3"),
        Q("护士", "Chinese title", "nurse:3 care:1"),
        Q("会计", "Chinese title", "accountant:3"),
        Q("厨师", "Chinese title", "cook:3"),
        Q("保洁员", "Chinese title", "cleaner:3"),
        Q("收银员", "Chinese title", "cashier:3"),
        Q("电工", "Chinese title", "electrician:3 solar:1"),
        Q("保安", "Chinese title", "security:3"),
        Q("导游", "Chinese title", "guide:3"),
        Q("养老护理员", "Chinese title", "care:3 nurse:1"),
        Q("数学老师", "Chinese title", "teacher:3"),
        Q("软件测试", "Chinese title", "tester:3 developer:1"),
        Q("仓库管理员", "Chinese title", "warehouse:3 forklift:1"),
        Q("客服", "Chinese title", "service:3"),
        Q("销售", "Chinese title", "sales:3 ecommerce:1"),
        Q("光伏运维", "Chinese title", "solar:3 wind:1"),
        // Another name for the same job.
        Q("叉车工", "synonym", "forklift:3 warehouse:1"),
        Q("护工", "synonym", "care:3 nurse:1"),
        Q("清洁工", "synonym", "cleaner:3"),
        Q("拖拉机手", "synonym", "tractor:3"),
        Q("库管", "synonym", "warehouse:3 forklift:1"),
        Q("门卫", "synonym", "security:3"),
        Q("财务", "synonym", "accountant:3"),
        Q("司机", "synonym", "delivery:3 bus:3 forklift:2 tractor:2"),
        Q("驾驶员", "synonym", "bus:3 delivery:3 tractor:3 forklift:2"),
        Q("烹调师", "synonym", "cook:3"),
        Q("程序员", "synonym", "developer:3 tester:1"),
        // English, including English for postings written in Chinese.
        Q("forklift driver", "English", "forklift:3 warehouse:1"),
        Q("welder", "English", "welder:3"),
        Q("nurse", "English", "nurse:3 care:1"),
        Q("accountant", "English", "accountant:3"),
        Q("chef", "English", "cook:3"),
        Q("cleaner", "English", "cleaner:3"),
        Q("cashier", "English", "cashier:3"),
        Q("electrician", "English", "electrician:3 solar:1"),
        Q("security guard", "English", "security:3"),
        Q("tour guide", "English", "guide:3"),
        Q("bus driver", "English", "bus:3 delivery:1"),
        Q("truck driver", "English", "delivery:3 bus:1"),
        Q("care worker", "English", "care:3 nurse:1"),
        Q("software tester", "English", "tester:3 developer:1"),
        Q("welding", "English", "welder:3"),
        Q("drivers", "English", "delivery:3 bus:3 forklift:2 tractor:2"),
        Q("nursing", "English", "nurse:3 care:2"),
        // Misspelled English.
        Q("forklfit driver", "misspelled English", "forklift:3 warehouse:1"),
        Q("weldr", "misspelled English", "welder:3"),
        Q("acountant", "misspelled English", "accountant:3"),
        Q("electrican", "misspelled English", "electrician:3 solar:1"),
        Q("casheir", "misspelled English", "cashier:3"),
        Q("securty guard", "misspelled English", "security:3"),
        Q("delivary driver", "misspelled English", "delivery:3 bus:1"),
        Q("web develper", "misspelled English", "developer:3 tester:1"),
        // Two languages in one query.
        Q("叉车 driver", "mixed language", "forklift:3 warehouse:1"),
        Q("焊工 welding", "mixed language", "welder:3"),
        Q("Java开发", "mixed language", "developer:3 tester:1"),
        Q("招聘 nurse", "mixed language", "nurse:3 care:1"),
        Q("光伏 technician", "mixed language", "solar:3 wind:2"),
        // A place typed with the job: postings elsewhere are not what was asked for.
        Q("呼和浩特 焊工", "place", "welder:3", "1501"),
        Q("包头叉车司机", "place", "forklift:3 warehouse:1", "1502"),
        Q("赛罕区 保洁", "place", "cleaner:3", "150105"),
        Q("鄂尔多斯 会计", "place", "accountant:3", "1506"),
        Q("hohhot nurse", "place", "nurse:3 care:1", "1501"),
        Q("baotou forklift", "place", "forklift:3 warehouse:1", "1502"),
        Q("呼伦贝尔导游", "place", "guide:3", "1507"),
        Q("赤峰 厨师", "place", "cook:3", "1504"),
        // Common words around the job.
        Q("急招叉车司机", "common words", "forklift:3 warehouse:1"),
        Q("招聘电焊工 五险一金", "common words", "welder:3"),
        Q("高薪诚聘厨师", "common words", "cook:3"),
        Q("welder wanted", "common words", "welder:3"),
        Q("full time cashier job", "common words", "cashier:3"),
    ];
}
