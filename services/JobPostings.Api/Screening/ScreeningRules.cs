using System.Globalization;
using System.Text.RegularExpressions;

namespace JobPostings.Api.Screening;

/// <summary>
/// The rule book, in Chinese and English. Discrimination: the Employment Promotion Law (就业促进法) and the
/// ministry's rules on recruitment forbid limits by gender, ethnicity, household registration, marital or
/// childbearing status, appearance, health conditions such as hepatitis B carrier status, and age beyond what the
/// law itself sets (16, or 18 for some work). Fraud: the signals public employment services warn seekers about.
/// A rule errs towards not flagging when the words are negated: a false flag costs a clean employer as much as a miss.
/// </summary>
public static class ScreeningRules
{
    private const string Negated = @"(不限|不论|不问|不要求|无要求|无限制|不作要求|不做要求|均可|皆可)";
    private const string NegatedEn = @"\b(regardless of|irrespective of|no matter|any|not required|no)\b";

    /// <summary>Age limits the law sets itself (no work under 16; 18 for some) are not discrimination.</summary>
    private static bool AboveLegalMinimum(string match)
    {
        var ages = Regex.Matches(match, @"\d{2}").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        return ages.Count == 0 || ages.Max() > 18;
    }

    /// <summary>A day rate worth flagging on its own: far above any day labour rate in the region.</summary>
    private static bool ImplausibleDayRate(string match) =>
        Regex.Matches(match, @"\d[\d,]*").Select(m => decimal.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Max() >= 800;

    public static readonly IReadOnlyList<ScreeningRule> All =
    [
        // Gender: 限男性, 仅招女, 女性优先, 性别：男, 招聘女服务员 — but not 男女不限 / 不限性别.
        new("gender.zh-restriction", ScreeningKinds.Gender, @"(限|仅限|只招|只限|仅招|要求|需|须)\s*(男|女)(性|士|生|工)?(?![女男]|不限|均可)", unlessBefore: "不$"),
        new("gender.zh-preference", ScreeningKinds.Gender, @"(?<![男女])(男|女)(性|士|生)?\s*优先"),
        new("gender.zh-field", ScreeningKinds.Gender, @"性别\s*(要求)?\s*[:：]?\s*(男|女)(?![女男]|不限|均可)"),
        new("gender.zh-hiring", ScreeningKinds.Gender, @"招(聘)?\s*(\d+\s*名)?\s*(男|女)(工|服务员|营业员|保安|司机|性|生|员工)"),
        new("gender.en", ScreeningKinds.Gender,
            @"\b(male|female|men|women|man|woman)\s+(only|preferred|applicants\s+only|candidates\s+only|applicants\s+preferred|candidates\s+preferred)\b" +
            @"|\bonly\s+(male|female|men|women)\b|\bmust\s+be\s+(a\s+)?(male|female|man|woman)\b|\bgender\s*(requirement)?\s*[:：]\s*(male|female)\b"),

        // Age: upper limits, ranges, age proxies (限90后), "young people preferred"; minimum ages of 16 or 18 pass.
        new("age.zh-limit", ScreeningKinds.Age,
            @"(?<!\d)\d{2}\s*周?岁\s*(以下|以内|之间|以上)|(?<!\d)\d{2}\s*周?岁?\s*[-－—~～至到]\s*\d{2}\s*周?岁|年龄\s*(要求)?\s*[:：]?\s*(不超过|不大于|不高于|小于|低于|在)\s*\d{2}" +
            @"|年龄\s*(要求)?\s*[:：]?\s*\d{2}\s*[-－—~～至到]\s*\d{2}|(不超过|不大于|不高于)\s*\d{2}\s*周?岁",
            applies: AboveLegalMinimum),
        new("age.zh-proxy", ScreeningKinds.Age, @"(限|仅限|要求|只要)\s*\d{2}后|\d{2}后\s*优先|年轻(人)?\s*优先|年纪轻"),
        new("age.en", ScreeningKinds.Age,
            @"\b(aged?|ages)\s+(between\s+)?\d{2}\s*(-|–|to|and)\s*\d{2}\b|\b(under|below|younger than|not older than|no older than|not over|over)\s+(the\s+age\s+of\s+)?\d{2}\b(?!\s*(kg|km|cm|yuan|rmb|%|hours|minutes|days|percent|locations|sites|customers|clients|staff|employees|people|workers|stores|branches|cities|years?\s+(of\s+)?(experience|in|on)))" +
            @"|\b\d{2}\s*(-|–|to)\s*\d{2}\s*years?\s*(old|of age)|\bage\s*(limit|requirement|range)?\s*[:：]\s*\d{2}|\byoung\s+(candidates|applicants|people)\s+(preferred|only)\b",
            unlessBefore: @"\b(experience|salary|pay|team of|more than|work)\b[^.]*$", applies: AboveLegalMinimum),

        // Ethnicity: 限汉族, 蒙古族优先, 民族：汉 — language skills (蒙汉兼通, Mongolian-speaking) are not ethnicity.
        new("ethnicity.zh", ScreeningKinds.Ethnicity,
            @"(限|仅限|只招|只限|要求|须为|必须是)\s*(汉族|蒙古族|回族|满族|藏族|维吾尔族|朝鲜族|达斡尔族|鄂温克族|鄂伦春族)|(汉族|蒙古族|回族|满族|藏族|维吾尔族)(人)?\s*(优先|为主|者优先)" +
            @"|民族\s*[:：]\s*(汉|蒙|回|满)|(不招|不要|谢绝)\s*(少数民族|[\u4e00-\u9fff]{1,3}族)"),
        new("ethnicity.en", ScreeningKinds.Ethnicity,
            @"\b(han|mongolian|hui|manchu|tibetan|uyghur)(\s+chinese)?(\s+ethnicity)?\s+(only|applicants\s+only|preferred)\b|\bethnicity\s*[:：]\s*\w+" +
            @"|\b(no|not)\s+(ethnic\s+)?minorit(y|ies)\b|\bmust\s+be\s+(of\s+)?(han|mongolian|hui)\b"),

        // Household registration: 本地户籍, 户口 in any requirement, 外地人勿扰 — but not 户籍不限 or help with 落户.
        new("household-registration.zh", ScreeningKinds.HouseholdRegistration,
            @"(本地|本市|本区|本县|本旗|当地|城镇|农村|非农业?)?\s*(户籍|户口)(所在地)?",
            unlessBefore: Negated + @"[^，,。；]{0,6}$|(解决|办理|协助|迁入|落实)\s*$", unlessAfter: @"^\s*(不限|均可|无要求|不作要求|不论)"),
        new("household-registration.zh-locals", ScreeningKinds.HouseholdRegistration,
            @"(外地|外省|外来|外市)(人|人员)?\s*(勿扰|免谈|不要|不招|谢绝)|(仅限|只限|只招|限)\s*(本地|本市|当地)(人|人员)?(?!户籍|户口|\s*户)|本地人\s*优先"),
        new("household-registration.en", ScreeningKinds.HouseholdRegistration,
            @"\b(local\s+)?(hukou|household\s+registration)\b|\blocal\s+residents?\s+(only|preferred)\b|\bmust\s+(be|have)\s+(a\s+)?local\b|\bno\s+(outsiders|migrants|non-locals)\b",
            unlessBefore: NegatedEn + @"[^.]{0,12}$|\b(help|assist)\w*\s+with\s+$", unlessAfter: @"^\s*(is\s+)?(not\s+required|not\s+needed|no\s+matter|irrelevant)"),

        // Marital and childbearing status.
        new("marital-status.zh", ScreeningKinds.MaritalStatus,
            @"已婚已育|已婚未育|未婚未育|已婚|未婚|已育|未育|婚育|婚否|生育(计划|要求|情况)|(两|三|[1-5一二三四五])年内不(要|生|得生育|孕)|不得怀孕|孕妇\s*(勿扰|不要|免谈)|单身",
            unlessBefore: Negated + @"\s*$", unlessAfter: @"^\s*(不限|均可|无要求|不论|皆可)"),
        new("marital-status.en", ScreeningKinds.MaritalStatus,
            @"\b(married|unmarried|single|childless)\s+(applicants?|candidates?|women|men|only|preferred)\b|\bmust\s+(not\s+)?be\s+(married|single|unmarried|pregnant)\b" +
            @"|\b(no|not)\s+(plans?\s+to|planning\s+to)\s+(have|get)\s+(children|pregnant|married)\b|\bmarital\s+status\b|\bpregnant\s+women\b",
            unlessBefore: NegatedEn + @"[^.]{0,12}$", unlessAfter: @"^\s*(is\s+)?(not|irrelevant|does\s+not)|^\s*(are\s+)?welcome"),

        // Height and appearance.
        new("appearance.zh", ScreeningKinds.Appearance,
            @"身高\s*(要求)?\s*[:：]?\s*(男|女)?\s*(在)?\s*1[.]?\d{1,2}|(?<!\d)1[5-9]\d\s*(cm|CM|厘米|公分)\s*以上|形象(好|佳|气质佳)|五官端正|相貌(端正|好|佳)|长相(好|甜美|端庄|佳)|颜值|气质(佳|好)|体型匀称|身材(好|匀称|高挑)|外貌(要求|佳|好)",
            unlessBefore: Negated + @"\s*$", unlessAfter: @"^\s*(不限|无要求)"),
        new("appearance.en", ScreeningKinds.Appearance,
            @"\bheight\s*(of\s*)?(at\s+least|over|above|min(imum)?)?\s*[:：]?\s*1[.]?\d{1,2}\s*(cm|m)\b|\b(at\s+least|over|minimum)\s+1[5-9]\d\s*cm\b" +
            @"|\b(good|attractive|pleasant|nice|presentable)[- ]?(looking|appearance|looks)\b|\b(beautiful|handsome|slim\s+figure|good\s+figure)\b",
            unlessBefore: NegatedEn + @"[^.]{0,12}$"),

        // Health conditions: hepatitis B, HIV, "no illness", disabled people turned away — a food handler's health certificate (健康证) is the law's and passes.
        new("health.zh", ScreeningKinds.Health,
            @"乙肝|乙型肝炎|两对半|大三阳|小三阳|HBsAg|艾滋|HIV|(无|没有)\s*(任何)?\s*(重大)?(疾病|病史|慢性病|残疾)|(残疾|残障)(人士|者|人)?\s*(勿扰|免谈|不要|谢绝)|身体(无|没有)(任何)?(疾病|缺陷)",
            unlessBefore: @"(不含|不查|不检测|不检查|不做|不包括|不包含|无需|不涉及|不得|禁止|严禁)[^，,]{0,6}$"),
        new("health.en", ScreeningKinds.Health,
            @"\bhepatitis\s*b\b|\bhbv\b|\bhbsag\b|\bhiv\b|\b(no|free\s+of|without)\s+(any\s+)?(chronic\s+|serious\s+)?(illness|illnesses|disease|diseases|medical\s+history|disability|disabilities)\b" +
            @"|\bdisabled\s+(people|persons|applicants)\s+(need\s+not|cannot|can't|not)\b",
            unlessBefore: @"\b(not\s+test\w*|not\s+screen\w*|no\s+test\w*|not\s+include\w*|doesn't\s+include|excluding|never\s+ask\w*|not\s+ask\w*)\b[^.]{0,16}$"),

        // Fees and deposits charged to applicants — but not "不收取任何费用", "体检费由公司承担", "free uniform".
        new("fee.zh", ScreeningKinds.Fee,
            @"报名费|押金|保证金|服装费|工装费|培训费|体检费|介绍费|中介费|入职费|管理费|建档费|资料费|上岗费|(收取|缴纳|交纳|先交|需交|需缴|预交)\s*\d+\s*(元|块)",
            unlessBefore: @"(不收|不收取|无需|不需|免|免收|不会收|拒绝|严禁|不得|禁止|公司承担|单位承担|公司报销|报销|承担|包|无任何|不交|不用交|谨防|警惕|凡是)[^，,。]{0,6}$",
            unlessAfter: @"^[^，,。]{0,4}(由公司|由单位|公司承担|单位承担|全免|报销|全包|免费|一律免|公司出|单位出|的.{0,4}都是骗子)"),
        new("fee.en", ScreeningKinds.Fee,
            @"\b(registration|application|training|uniform|processing|placement|agency|admin|administration|medical\s+check|interview|onboarding|membership)\s+fees?\b" +
            @"|\b(refundable\s+)?deposit\b|\bupfront\s+payment\b|\bpay\s+(a|an)?\s*(small\s+)?(one-off\s+)?fee\b|\bpay\s+(rmb|¥|cny)\s*\d+",
            unlessBefore: @"\b(no|not|never|without|free\s+of|zero|waive\w*|we\s+cover|we\s+pay|company\s+pays|charge\s+no|any|don't\s+pay|do\s+not\s+pay|never\s+pay|beware\s+of)\b[^.]{0,24}$",
            unlessAfter: @"^[^.]{0,8}\b(is\s+|are\s+)?(covered|waived|paid\s+by\s+(us|the\s+company|the\s+employer)|reimbursed)"),

        // Training-loan schemes: 培训贷, pay for a course in instalments before "placement".
        new("training-loan.zh", ScreeningKinds.TrainingLoan,
            @"培训贷|贷款培训|学费贷|分期(付款|缴纳|支付)?.{0,6}(培训|学费|课程)|(培训|学费|课程)(费)?.{0,6}(分期|贷款|网贷)|办理.{0,4}贷款|网贷|信用贷|花呗|白条",
            unlessBefore: @"(不|无|严禁|杜绝|谨防|警惕|拒绝)[^，,。]{0,6}$"),
        new("training-loan.en", ScreeningKinds.TrainingLoan,
            @"\btraining\s+loans?\b|\bloan\b.{0,30}\b(training|course|tuition)\b|\b(training|course|tuition)\b.{0,30}\b(loan|instal(l)?ments?|financing)\b|\bstudy\s+now,?\s+pay\s+later\b",
            unlessBefore: @"\b(no|not|never|without|beware\s+of)\b[^.]{0,16}$"),

        // Pay that is too good to be true, stated in the text (the structured salary is checked against the market separately).
        new("implausible-pay.zh", ScreeningKinds.ImplausiblePay,
            @"(日赚|日入|日结|日薪)\s*\d[\d,]{2,}|月入(过万|上万|\d+万)|轻松(月入|日赚|赚钱|赚)|躺赚|在家.{0,4}(月入|日赚)|(无需|不需|零)经验.{0,8}(月薪|月入|日赚)\s*(过万|\d+万|[1-9]\d{4})",
            applies: match => !Regex.IsMatch(match, @"^(日结|日薪)") || ImplausibleDayRate(match)),
        new("implausible-pay.en", ScreeningKinds.ImplausiblePay,
            @"\bearn\s+(up\s+to\s+)?(rmb|¥|cny)?\s*\d[\d,]{2,}\s*(yuan\s+)?(per|a|/)\s*day\b|\beasy\s+money\b|\bget\s+rich\b|\bwork\s+from\s+home\b.{0,40}\b(rmb|¥)\s*\d{2},?\d{3}",
            applies: match => !match.StartsWith("earn", StringComparison.OrdinalIgnoreCase) || ImplausibleDayRate(match)),

        // Contact only through private messaging (checked with OfficialChannel below: a phone line or the platform excuses it).
        new("private-contact.zh", ScreeningKinds.PrivateContact,
            @"(加|添加|联系|私信|私聊|咨询)\s*(我的)?\s*(微信|vx|v信|薇信|威信|QQ|扣扣|企鹅|V)(?![a-z])|微信(号)?\s*[:：]\s*[A-Za-z][-_A-Za-z0-9]{5,}|QQ\s*(号)?\s*[:：]?\s*\d{5,}|私聊|私信|只(加|通过)(微信|QQ)|不接(电话|来电)"),
        new("private-contact.en", ScreeningKinds.PrivateContact,
            @"\b(wechat|whatsapp|telegram)\b|\bqq\b\s*[:：]?\s*\d{5,}|\b(dm|pm|message)\s+me\b|\badd\s+(me|us)\s+on\b|\bprivate\s+messages?\b"),
    ];

    /// <summary>A phone line or the platform's own channel: with one of these, a messaging handle is not the only contact.</summary>
    public static readonly Regex OfficialChannel = new(
        @"(电话|座机|热线|联系方式)\s*[:：]?\s*0\d{2,3}[-－ ]?\d{7,8}|通过(本)?平台|平台(在线)?投递|在线投递|投递简历|\bapply\s+(through|via|on)\s+(the|this)\s+(platform|portal|site)\b|\bcall\s+(us\s+(on|at)\s+)?0\d{2,3}[- ]?\d{7,8}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
}
