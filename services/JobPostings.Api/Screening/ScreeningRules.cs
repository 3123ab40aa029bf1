using System.Text.RegularExpressions;

namespace JobPostings.Api.Screening;

/// <summary>
/// The rule book, in Chinese and English: discrimination (<see cref="DiscriminationRules"/>) and fraud
/// (<see cref="FraudRules"/>). Sources: the Employment Promotion Law (就业促进法), the ministry's rules on
/// recruitment, and the national rules for online job postings issued in January 2026 (人社厅发〔2025〕60号: no ethnic,
/// gender, religious, hukou, regional or identity restrictions, no "高薪、保录" hype, no disguised postings, no 招转培 /
/// 培训贷). A rule errs towards not flagging when the words are negated: a false flag costs a clean employer as much
/// as a miss. Rules read <see cref="ScreeningText.Folded"/> — lower case, simplified, NFKC, so full-width punctuation
/// is ASCII here (，→, ：→: ；→; （→( ), while 、 and 。 stay.
/// </summary>
public static class ScreeningRules
{
    public static readonly IReadOnlyList<ScreeningRule> All = [.. DiscriminationRules.All, .. FraudRules.All];

    /// <summary>A phone line or the platform's own channel: with one of these, a messaging handle is not the only contact.</summary>
    public static readonly Regex OfficialChannel = ScreeningRule.Compile(
        @"(电话|座机|热线|联系方式)\s*[:]?\s*0\d{2,3}[- ]?\d{7,8}|通过(本)?平台|平台(在线)?投递|在线投递|投递简历" +
        @"|\bapply\s+(through|via|on)\s+(the|this)\s+(platform|portal|site)\b|\bcall\s+(us\s+(on|at)\s+)?0\d{2,3}[- ]?\d{7,8}");
}

/// <summary>Word lists several rules share.</summary>
internal static class RuleWords
{
    /// <summary>Words that lift a requirement ("户籍不限", "婚育均可").</summary>
    public const string Negated = "(不限|不论|不问|不要求|无要求|无限制|不作要求|不做要求|均可|皆可|一视同仁)";

    public const string NegatedEn = @"\b(regardless\s+of|irrespective\s+of|no\s+matter|any|not\s+required|no|whatever|all)\b";

    /// <summary>Ways of turning people away: "勿扰", "免谈", "请勿投递", "不予录用".</summary>
    public const string TurnedAway =
        "(勿扰|免谈|请勿投递|勿投递|请勿投|勿投|请勿应聘|勿应聘|不要(?!求)|不招(?!聘)|不收(?!取|费|任何)|谢绝|拒绝|婉拒|不予录用|不录用|不予考虑|不考虑|不接受|慎投|请绕行|绕行|止步|别来|莫来)";

    /// <summary>"Only" before a group of people: 限, 只招, 仅面向 ….</summary>
    public const string Only = "(限|仅限|只限|只招|仅招|只要|仅要|只收|只录用|仅录用|只面向|仅面向|面向|须为|须是|必须是|必须为|要求是|只用)";

    /// <summary>Refusing a group outright: 不招, 谢绝 ….</summary>
    public const string Refuse = "(不招收|不招(?!聘)|不要(?!求)|不收(?!取|费|任何)|谢绝|拒绝|婉拒|不录用|不予录用|不考虑|不接受|不欢迎)";

    /// <summary>Provinces, regions and the usual ways of naming where people come from.</summary>
    public const string Origins =
        "(北京|天津|河北|山西|内蒙古|内蒙|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|台湾|香港|澳门" +
        "|呼和浩特|呼市|包头|乌海|赤峰|通辽|鄂尔多斯|呼伦贝尔|巴彦淖尔|乌兰察布|兴安盟|锡林郭勒|阿拉善|东北|西北|西南|华南|两广|江浙|外省|外地|外市|某省|某地|某些省份|某些地区|个别省份|个别地区|特定地区|部分地区|部分省份|[冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕甘陇青宁新](?=籍))";

    public const string Ethnicities =
        "(汉族|蒙古族|蒙族|回族|满族|藏族|维吾尔族|维族|朝鲜族|达斡尔族|鄂温克族|鄂伦春族|壮族|苗族|彝族|土家族|哈萨克族|俄罗斯族|锡伯族|汉人|少数民族)";

    public const string EthnicitiesEn = @"(han|mongolian|mongol|hui|manchu|tibetan|uyghur|uighur|korean|daur|evenk|oroqen)";
}
