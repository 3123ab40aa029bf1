namespace JobMatch.DemoData.Market;

/// <summary>
/// Word lists for invented people and employers: common Han surnames and given-name characters, Mongolian given
/// names as they are written in Chinese, brand syllables and industry words for company names. Invented for the demo;
/// any likeness to a real person or company is chance.
/// </summary>
public static class People
{
    public static readonly string[] HanSurnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
        "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "白", "乔", "郝", "云", "武", "康", "包", "任", "闫", "石",
    ];

    public static readonly string[] HanGivenCharacters =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
        "刚", "桂", "英", "华", "慧", "建", "国", "文", "斌", "宇", "浩", "凯", "鹏", "晨", "欣", "怡", "婷", "雪", "琳", "佳",
        "鑫", "博", "宁", "亮", "峰", "波", "瑞", "彤", "悦", "璐", "海", "东", "红", "春", "志", "永", "俊", "子", "晓", "思",
    ];

    /// <summary>Mongolian given names (written in Chinese characters); many Mongols use the given name alone.</summary>
    public static readonly string[] MongolianNames =
    [
        "巴特尔", "乌日娜", "其其格", "额尔敦", "斯琴", "阿拉坦", "苏日娜", "朝鲁", "呼和", "萨仁", "那日苏", "图雅", "巴雅尔",
        "宝音", "乌兰", "格日勒", "敖登", "孟和", "阿古拉", "塔娜", "额尔德尼", "哈斯", "达来", "吉日嘎拉", "娜仁花", "苏和",
        "特木尔", "乌力吉", "包力高", "高娃", "查干", "毕力格", "满都拉", "阿木古楞", "布和", "斯日古楞", "诺敏", "托娅",
    ];

    public static readonly string[] BrandSyllables =
    [
        "蒙", "草原", "北疆", "塞北", "鑫", "华", "泰", "源", "兴", "达", "恒", "盛", "祥", "瑞", "鼎", "金", "银河", "长城", "阴山",
        "大青山", "黄河", "河套", "敕勒川", "昭君", "蒙源", "伊泰", "天骄", "驼铃", "草原鹰", "白云", "青城", "鹿城", "宏远", "广汇",
        "众诚", "锦程", "腾飞", "新元", "汇通", "佳禾", "丰泽", "安泰", "万和", "德顺", "正通", "博远", "利民", "康宁", "星火",
    ];

    /// <summary>What a company of an industry section calls itself after its brand.</summary>
    public static readonly Dictionary<string, string[]> IndustryWords = new()
    {
        ["A"] = ["牧业", "农牧业", "乳业牧场", "种养殖", "草业"],
        ["B"] = ["煤业", "矿业", "能源", "煤炭开发"],
        ["C"] = ["乳业", "钢结构", "化工", "机械制造", "稀土新材料", "食品"],
        ["D"] = ["新能源", "电力", "光伏发电", "风电", "热力"],
        ["E"] = ["建筑工程", "建设集团", "路桥工程", "建工"],
        ["F"] = ["商贸", "超市", "百货", "商业连锁", "农资"],
        ["G"] = ["物流", "运输", "冷链物流", "快递服务", "仓储"],
        ["H"] = ["餐饮管理", "酒店", "旅游", "蒙餐文化"],
        ["I"] = ["信息技术", "软件", "网络科技", "数据服务", "电子商务"],
        ["L"] = ["人力资源服务", "商务服务", "企业管理咨询", "会计服务"],
        ["O"] = ["物业服务", "家政服务", "汽车服务", "美容美发"],
        ["P"] = ["教育咨询", "培训学校", "幼儿园"],
        ["Q"] = ["医院", "养老服务中心", "康复医疗", "社区卫生服务"],
        ["S"] = ["社区服务中心", "公共就业服务中心"],
    };

    public static readonly string[] CompanySuffixes = ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司"];

    public static readonly string[] Roads =
    [
        "新华大街", "中山路", "锡林南路", "昭乌达路", "钢铁大街", "阿尔丁大街", "鄂尔多斯大街", "成吉思汗大街", "工业园区纬三路",
        "兴安北路", "胜利路", "光明路", "团结路", "建设路", "民族街", "滨河路", "解放路", "开发区经五路",
    ];

    public static readonly string[] Schools =
    [
        "内蒙古大学", "内蒙古工业大学", "内蒙古农业大学", "内蒙古师范大学", "内蒙古科技大学", "内蒙古财经大学", "内蒙古民族大学",
        "赤峰学院", "集宁师范学院", "呼伦贝尔学院", "河套学院", "内蒙古机电职业技术学院", "包头职业技术学院", "鄂尔多斯职业学院",
        "内蒙古建筑职业技术学院", "锡林郭勒职业学院", "兴安职业技术学院",
    ];

    public static readonly string[] Majors =
    [
        "计算机科学与技术", "会计学", "电气工程及其自动化", "机械设计制造", "护理学", "学前教育", "汉语言文学", "动物医学", "采矿工程",
        "市场营销", "旅游管理", "土木工程", "化学工程与工艺", "电子商务", "蒙古语言文学", "英语", "汽车检测与维修",
    ];

    public static readonly string[] MilitaryBranches = ["陆军", "海军", "空军", "火箭军", "武警部队"];

    public static readonly string[] MilitaryOccupations = ["汽车驾驶员", "通信兵", "炊事员", "装备维修", "警卫", "卫生员"];

    public static readonly string[] DisabilityCategories = ["肢体", "听力", "视力", "言语"];

    /// <summary>Skills many seekers add whatever they do — some in English, as people type them.</summary>
    public static readonly string[] CommonSkills = ["沟通能力", "吃苦耐劳", "Excel", "office", "驾驶证C1", "普通话", "English", "团队合作", "蒙古语", "责任心强"];

    public static readonly string[] Benefits = ["五险一金", "包吃住", "提供住宿", "餐补", "交通补贴", "年终奖", "带薪年假", "节日福利", "定期体检"];
}
