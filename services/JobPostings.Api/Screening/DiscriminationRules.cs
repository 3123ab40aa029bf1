using System.Globalization;
using System.Text.RegularExpressions;
using static JobPostings.Api.Screening.RuleWords;

namespace JobPostings.Api.Screening;

/// <summary>
/// Limits by gender, age, ethnicity, regional origin, household registration (户籍), school tier (985/211), religion,
/// marital or childbearing status, appearance and health — with the lawful wording beside each one let through:
/// 男装, 女子篮球, 男女不限, 蒙古语 (a language skill), 退役军人优先 (a legal preference), 健康证 (the law's own
/// health certificate), Hive and HDFS (not HIV), 单身宿舍 (housing, not a marital limit).
/// </summary>
public static class DiscriminationRules
{
    /// <summary>Things named with 男/女 that are not people: 男装, 女子篮球, 女生宿舍, 女鞋.</summary>
    private const string NotAPerson = "(?![女男]|不限|均可|皆可|子|装|鞋|包|款|宿舍|公寓|篮球|足球|排球|运动|用品|式)";

    /// <summary>
    /// Age limits the law sets itself (no work under 16; 18 for some) are not discrimination. ASCII digits only: \d also
    /// matches digits NFKC leaves alone (Arabic-Indic ٣٥), which int.Parse refuses; such an age is flagged unread.
    /// </summary>
    private static bool AboveLegalMinimum(string match)
    {
        var ages = Regex.Matches(match, "[0-9]{2}").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        return ages.Count == 0 || ages.Max() > 18;
    }

    public static readonly IReadOnlyList<ScreeningRule> All =
    [
        // Gender: 限男性, 仅招女, 女性优先, 性别：男, 招聘女服务员, "，女，", 女士请勿投递, 只要小伙子 — not 男女不限 or 男装导购.
        new("gender.zh-restriction", ScreeningKinds.Gender, $@"(限|仅限|只招|只限|仅招|只要|仅要|只收|要求|需|须)\s*(?>(男|女)(性|士|生|工|的)?){NotAPerson}", unlessBefore: "不$"),
        new("gender.zh-preference", ScreeningKinds.Gender, @"(?<![男女])(?>(男|女)(性|士|生)?)\s*优先"),
        new("gender.zh-field", ScreeningKinds.Gender, $@"性别\s*(要求)?\s*[:]?\s*(限)?\s*(?>(男|女)(性)?){NotAPerson}"),
        new("gender.zh-bare", ScreeningKinds.Gender, @"(?<=(^|[,、;:。\s(])[-·・•*~_ ]*)(男|女)(性|士|生)?(?=[-·・•*~_ ]*([,、;。)\s]|$))(?![、/]?\s*[男女])",
            unlessBefore: @"[男女](性|士|生)?\s*[、/和与及]\s*$|(宿舍|厕所|卫生间|更衣室|浴室)[^,。]*$|性别\s*(要求)?\s*:?\s*$", unlessAfter: @"^[、/和与及]?\s*[男女]?\s*" + Negated),
        new("gender.zh-hiring", ScreeningKinds.Gender,
            @"招(聘|收)?\s*(\d+\s*名)?\s*(男|女)(工|服务员|营业员|保安|司机|性|生(?!宿舍|公寓)|员工|职工|技工|店员|文员|前台|老师|教师|护工|保洁|操作工|普工)"),
        new("gender.zh-exclusion", ScreeningKinds.Gender,
            $@"(?<![男女])(?>(男|女)(性|士|生|的|同志|同学|人)?)\s*(请)?\s*{TurnedAway}|{Refuse}\s*(?>(男|女)(性|士|生|的|工)?){NotAPerson}" +
            @"|(只要|仅要|只招|只收|只用|只限)\s*(小伙子|小伙儿|小伙|男孩子|男孩|女孩子|女孩|姑娘|小姑娘|美女|帅哥|小哥|大姐|大叔|爷们)" +
            @"|(不适合|不适宜|不宜|不合适)\s*(男|女)(性|士|生)|(岗位|工作|职位)\s*(更|仅|只)?\s*适合\s*(男|女)(性|士|生)"),
        new("gender.en", ScreeningKinds.Gender,
            @"\b(male|female|men|women|man|woman)\s+(only|preferred|applicants\s+only|candidates\s+only|applicants\s+preferred|candidates\s+preferred)\b" +
            @"|\bonly\s+(male|female|men|women)\b|\bmust\s+be\s+(a\s+)?(male|female|man|woman)\b|\bgender\s*(requirement)?\s*[:]\s*(male|female)\b" +
            @"|\b(ladies|women|females?|men|males?|girls|boys)\s+(need\s+not|needn't|should\s+not|shouldn't|do\s+not|don't|must\s+not|cannot|can't|will\s+not|won't)\s+(apply|be\s+considered|be\s+hired)\b" +
            @"|\bno\s+(women|ladies|females|girls|men|males)\b(?!')|\bnot\s+suitable\s+for\s+(women|men|females|males|ladies)\b" +
            @"|\b(we\s+)?only\s+(hire|hiring|accept|accepting|want|recruit|recruiting)\s+(men|women|males|females|guys|girls)\b|\b(strong\s+)?(young\s+)?(guys|lads)\s+wanted\b" +
            @"|\b(female|male)\s+(hostess(es)?|waitress(es)?|staff|workers?|drivers?|guards?|receptionists?|models?|assistants?|cashiers?)\s+(wanted|needed|required|only)\b",
            unlessBefore: NegatedEn + @"[^.]{0,12}$"),

        // Age: upper limits, ranges, age proxies (限90后), "young people preferred"; minimum ages of 16 or 18 pass.
        new("age.zh-limit", ScreeningKinds.Age,
            @"(?<!\d)\d{2}\s*周?岁\s*(以下|以内|之间|以上|以后)|(?<!\d)\d{2}\s*周?岁?\s*[-—~至到]\s*\d{2}\s*周?岁|年龄\s*(要求)?\s*[:]?\s*(不超过|不大于|不高于|小于|低于|在)\s*\d{2}" +
            @"|年龄\s*(要求)?\s*[:]?\s*\d{2}\s*[-—~至到]\s*\d{2}|(不超过|不大于|不高于|超过|大于)\s*\d{2}\s*周?岁",
            applies: AboveLegalMinimum),
        new("age.zh-proxy", ScreeningKinds.Age, @"(限|仅限|要求|只要|只招)\s*\d{2}后|\d{2}后\s*优先|年轻(人)?\s*优先|年纪轻|(中年|大龄|老年)(人|人员)?\s*" + TurnedAway),
        new("age.en", ScreeningKinds.Age,
            @"\b(aged?|ages)\s+(between\s+)?\d{2}\s*(-|–|to|and)\s*\d{2}\b|\b(under|below|younger than|not older than|no older than|not over|over)\s+(the\s+age\s+of\s+)?\d{2}\b(?!\s*(kg|km|cm|yuan|rmb|%|hours|minutes|days|percent|locations|sites|customers|clients|staff|employees|people|workers|stores|branches|cities|years?\s+(of\s+)?(experience|in|on)))" +
            @"|\b\d{2}\s*(-|–|to)\s*\d{2}\s*years?\s*(old|of age)|\bage\s*(limit|requirement|range)?\s*[:]\s*\d{2}|\byoung\s+(candidates|applicants|people)\s+(preferred|only)\b",
            unlessBefore: @"\b(experience|salary|pay|team of|more than|work)\b[^.]*$", applies: AboveLegalMinimum),

        // Ethnicity: 限汉族, 只招汉族员工, 蒙古族优先, 民族：汉, 非汉族勿扰, "，汉族。" — 蒙古语 and 蒙汉兼通 are language skills.
        new("ethnicity.zh", ScreeningKinds.Ethnicity,
            $@"{Only}\s*{Ethnicities}|(招聘|招收|招)\s*{Ethnicities}\s*(人|人员|员工|同胞|求职者)|{Ethnicities}\s*(人|人员|同胞)?\s*(优先|为主|者优先|专招)" +
            $@"|民族\s*(要求)?\s*[:]\s*(限)?\s*(汉|蒙|回|满|藏|维|朝鲜)|(非|不是)\s*{Ethnicities}\s*{TurnedAway}|{Refuse}\s*(少数民族|[\u4e00-\u9fff]{{1,3}}族)" +
            $@"|{Ethnicities}\s*(人|人员|同胞)?\s*{TurnedAway}",
            unlessBefore: Negated + @"[^,。]{0,6}$|(欢迎|包括|各|多)\s*$", unlessAfter: @"^\s*(等|、|和|及)?\s*[^,。]{0,8}" + Negated),
        new("ethnicity.zh-bare", ScreeningKinds.Ethnicity, @"(?<=^|[,、;:。\s])(汉族|蒙古族|回族|满族|藏族|维吾尔族|朝鲜族)(?=[,、。;!\s]|$)",
            unlessBefore: @"(包括|包含|有|欢迎|各|多|不论|不限|无论)[^,。]*$", unlessAfter: @"^[^,。]*(等|各民族|多民族|均可|不限|一视同仁|皆可|都可以)"),
        new("ethnicity.en", ScreeningKinds.Ethnicity,
            $@"\b{EthnicitiesEn}(\s+chinese)?(\s+ethnicity|\s+nationality)?\s+(only|applicants\s+only|candidates\s+only|preferred)\b|\bethnicity\s*[:]\s*\w+" +
            $@"|\b(no|not)\s+(ethnic\s+)?minorit(y|ies)\b|\bmust\s+be\s+(ethnically\s+|of\s+)?{EthnicitiesEn}\b|\bof\s+{EthnicitiesEn}\s+(ethnicity|origin|nationality)\s+only\b" +
            $@"|\b(only|exclusively)\s+(hiring|recruiting|accepting|employing)\s+(ethnic\s+)?{EthnicitiesEn}\b",
            unlessBefore: @"\b(spoken|written|fluent|speak|speaks|speaking|read|reading|language|bilingual|in|and|or)\s+$"),

        // Regional origin (地域): 不招收某省籍人员, 东北人勿扰, 只招山东人, 河南籍谢绝, 外省人员请绕行.
        new("regional-origin.zh", ScreeningKinds.RegionalOrigin,
            $@"{Refuse}\s*(来自)?\s*{Origins}\s*(籍|户籍|地区|省份|省)?\s*(的)?\s*(人员|人士|人|老乡|求职者|应聘者)?(?!户口|户籍)" +
            $@"|{Origins}\s*(籍|户籍|地区|省份)?\s*(的)?\s*(人员|人士|人|老乡|求职者|应聘者)?\s*{TurnedAway}" +
            $@"|{Only}\s*{Origins}\s*(本地|当地)?\s*(籍|人员|人士|人|老乡)|[\u4e00-\u9fff]{{1,4}}籍\s*(人员|人士|的人|人)?\s*{TurnedAway}" +
            $@"|籍贯\s*(要求)?\s*[:]?\s*(限|须为|须是|为)?\s*{Origins}|(老乡|同乡|{Origins}人)\s*优先",
            unlessBefore: Negated + @"[^,。]{0,6}$|(不论|无论|不分)[^,。]*$", unlessAfter: @"^\s*" + Negated),
        new("regional-origin.en", ScreeningKinds.RegionalOrigin,
            @"\bno\s+(applicants|candidates|people|workers|one)\s+from\s+(?!all\b|any\b|every\b)\w+|\b\w+\s+natives\s+only\b|\bnatives?\s+of\s+\w+(\s+\w+)?\s+(only|preferred)\b" +
            @"|\b(applicants|candidates|people|workers)\s+from\s+\w+(\s+province)?\s+(need\s+not\s+apply|will\s+not\s+be\s+(considered|hired)|are\s+not\s+(accepted|considered|welcome))\b" +
            @"|\bmust\s+be\s+(originally\s+)?from\s+\w+\s+(province|region)\b|\bonly\s+(hiring|accepting|applicants|candidates|people)\s+from\s+\w+(\s+province)?\b(?!\s+and)"),

        // Household registration: 本地户籍, 户口 in any requirement, 外地人勿扰 — not 户籍不限, 协助落户, 户口本 or a 户籍窗口 job.
        new("household-registration.zh", ScreeningKinds.HouseholdRegistration,
            @"(本地|本市|本区|本县|本旗|当地|城镇|农村|非农业?)?\s*(户籍|户口)(所在地)?",
            unlessBefore: Negated + @"[^,。;]{0,6}$|(解决|办理|协助|迁入|落实|受理|负责)[^,。]{0,4}$",
            unlessAfter: @"^\s*(不限|均可|无要求|不作要求|不论|本|簿|页|迁移|业务|管理|窗口|室|科|辅警|民警|协管|信息|档案|办理)"),
        new("household-registration.zh-locals", ScreeningKinds.HouseholdRegistration,
            $@"(外地|外省|外来|外市)(人|人员)?\s*{TurnedAway}|(仅限|只限|只招|限|只要)\s*(本地|本市|当地)(人|人员)?(?!户籍|户口|\s*户)|本地人\s*优先"),
        new("household-registration.en", ScreeningKinds.HouseholdRegistration,
            @"\b(local\s+)?(hukou|household\s+registration)\b|\blocal\s+residents?\s+(only|preferred)\b|\bmust\s+(be|have)\s+(a\s+)?local\b|\bno\s+(outsiders|migrants|non-locals)\b",
            unlessBefore: NegatedEn + @"[^.]{0,12}$|\b(help|assist|settle|transfer|obtain|apply\s+for)\w*\s+(with\s+)?(your\s+|a\s+|the\s+)?$",
            unlessAfter: @"^\s*(is\s+)?(not\s+required|not\s+needed|no\s+matter|irrelevant)"),

        // School tier: 限985/211, 第一学历须为985/211院校, 非211勿扰, 名校优先 — 本科及以上 (an education level) passes.
        new("school-tier.zh", ScreeningKinds.SchoolTier,
            @"(?<!\d)(985|211)(?!\d)\s*([/、,和及或与]\s*(985|211))?\s*(工程)?\s*([/、和及或与]\s*双一流)?\s*(院校|高校|大学|学校|名校|毕业|学历|本科|背景|以上|优先|出身|及以上)" +
            @"|(限|仅限|只招|只要|要求|须|必须|须为|必须为|需)\s*(985|211|双一流|名校|重点大学|重点院校|一本)" +
            $@"|(第一学历|本科)\s*(须|必须|要求|需)?\s*(为|是)?\s*(985|211|双一流|一本|统招一本|重点)|(非|不是)\s*(985|211|双一流|名校|重点院校|一本)\s*(院校|高校|大学)?\s*(毕业生?)?\s*{TurnedAway}" +
            @"|(名校|双一流|重点大学)\s*(毕业)?\s*(优先|者优先)"),
        new("school-tier.en", ScreeningKinds.SchoolTier,
            @"\b(project\s+)?(985|211)\b[^.]{0,30}\b(universit(y|ies)|graduates?|colleges?|schools?)\b|\b(top|elite|prestigious|tier[- ]?1|first[- ]tier|key)\s+universit(y|ies)\s+(graduates\s+)?(only|required|preferred)\b" +
            @"|\bgraduates?\s+of\s+(top|elite|prestigious|985|211)\b|\bdouble\s+first[- ]class\s+universit(y|ies)\b"),

        // Religion: 须为穆斯林, 基督徒优先, 无宗教信仰, 信教者勿扰 — 清真 (halal food) and 宗教事务局 are not a limit.
        new("religion.zh", ScreeningKinds.Religion,
            $@"{Only}\s*(穆斯林|基督徒|基督教徒|天主教徒|佛教徒|信徒|教徒|信教)|(穆斯林|基督徒|基督教徒|天主教徒|佛教徒|信教者|教徒)\s*(优先|者优先|为主)" +
            $@"|(无|没有|不得有|不能有)\s*宗教信仰|{Refuse}\s*(信教|有宗教信仰|宗教人士|穆斯林|基督徒|教徒)|(信教|有宗教信仰|宗教人士|穆斯林|基督徒)(者|人员|的人)?\s*{TurnedAway}" +
            @"|宗教信仰\s*(要求)?\s*[:]|(信仰|信奉)\s*(基督|佛|伊斯兰|天主)教?\s*(者)?\s*优先",
            unlessAfter: @"^\s*" + Negated + @"|^\s*(自由|无要求)"),
        new("religion.en", ScreeningKinds.Religion,
            @"\b(christians?|muslims?|buddhists?|catholics?|believers)\s+(only|preferred|applicants\s+only)\b|\bmust\s+be\s+(a\s+|an\s+)?(christian|muslim|buddhist|catholic|religious|non-religious|atheist)\b" +
            @"|\b(no|not)\s+(religious\s+(people|applicants|believers)|muslims|christians|believers)\b|\breligion\s*[:]\s*\w+|\bnon-religious\s+(applicants|candidates)\s+only\b",
            unlessBefore: NegatedEn + @"[^.]{0,12}$"),

        // Marital and childbearing status — not 单身宿舍 (housing) or 已婚员工可申请夫妻房 (a benefit).
        new("marital-status.zh", ScreeningKinds.MaritalStatus,
            @"已婚已育|已婚未育|未婚未育|已婚|未婚|已育|未育|婚育|婚否|生育(计划|要求|情况)|(两|三|[1-5一二三四五])年内不(要|生|得生育|孕)|不得怀孕|单身" +
            $@"|(无|没有|不得有|不能有)\s*(生育|怀孕|结婚|婚育|要孩子|生孩子|生二胎|二胎)\s*(计划|打算|意愿|安排)|(宝妈|孕妇|孕期|哺乳期|二胎|单亲)\s*(人员|者|女性|妈妈)?\s*{TurnedAway}",
            unlessBefore: Negated + @"\s*$",
            unlessAfter: @"^\s*(不限|均可|无要求|不论|皆可)|^(宿舍|公寓|楼|房|住宿|员工宿舍)|^\s*(员工|职工|人员)?\s*(可|可以|均可|也可)\s*(申请|安排|入住|享受)|^(夫妻房|家属房)"),
        new("marital-status.en", ScreeningKinds.MaritalStatus,
            @"\b(married|unmarried|single|childless)\s+(applicants?|candidates?|women|men|only|preferred)\b|\bmust\s+(not\s+)?be\s+(married|single|unmarried|pregnant)\b" +
            @"|\b(no|not)\s+(plans?\s+to|planning\s+to)\s+(have|get|start)\s+(a\s+)?(children|kids|baby|family|pregnant|married)\b|\bmarital\s+status\b|\bpregnant\s+women\b",
            unlessBefore: NegatedEn + @"[^.]{0,12}$", unlessAfter: @"^\s*(is\s+)?(not|irrelevant|does\s+not)|^\s*(are\s+)?welcome"),

        // Height and appearance.
        new("appearance.zh", ScreeningKinds.Appearance,
            @"身高\s*(要求)?\s*[:]?\s*(男|女)?\s*(在)?\s*1[.]?\d{1,2}|(?<!\d)1[5-9]\d\s*(cm|厘米|公分)\s*以上|(?<!品牌|企业|公司|产品|门店)形象(好|佳|气质佳)|五官端正|相貌(端正|好|佳)|长相(好|甜美|端庄|佳)|颜值|气质(佳|好)|体型匀称|身材(好|匀称|高挑)|外貌(要求|佳|好)",
            unlessBefore: Negated + @"\s*$", unlessAfter: @"^\s*(不限|无要求)"),
        new("appearance.en", ScreeningKinds.Appearance,
            @"\bheight\s*(of\s*)?(at\s+least|over|above|min(imum)?)?\s*[:]?\s*1[.]?\d{1,2}\s*(cm|m)\b|\b(at\s+least|over|minimum)\s+1[5-9]\d\s*cm\b|\b1[.][5-9]\d?\s*m\s+(or\s+)?(taller|tall|and\s+above)\b" +
            @"|\b(good|attractive|pleasant|nice|presentable)[- ]?(looking|appearance|looks)\b|\battractive\s+(female|male|women|men|girls|young)\b|\b(beautiful|handsome|slim\s+figure|good\s+figure)\b",
            unlessBefore: NegatedEn + @"[^.]{0,12}$"),

        // Health conditions: hepatitis B, HIV, "no illness", disabled people turned away — a health certificate (健康证) passes, and so
        // does a CDC job testing for them. HIV and HBsAg are the English rule's, in Chinese text too (a Latin word: not "Hive").
        new("health.zh", ScreeningKinds.Health,
            @"乙肝|乙型肝炎|两对半|大三阳|小三阳|艾滋|(无|没有)\s*(任何)?\s*(重大)?(疾病|病史|慢性病|残疾)|(残疾|残障)(人士|者|人)?\s*(勿扰|免谈|不要|谢绝)|身体(无|没有)(任何)?(疾病|缺陷)" +
            $@"|(携带者|阳性者?)\s*{TurnedAway}",
            unlessBefore: @"(不含|不查|不检测|不检查|不做|不包括|不包含|无需|不涉及|不得|禁止|严禁)[^,]{0,6}$|(负责|从事|开展)[^,。]{0,8}$",
            unlessAfter: @"^病?\s*(等)?\s*(传染病)?\s*(防治|防控|样本|检测实验室|筛查工作|宣传|宣教|咨询)"),
        new("health.en", ScreeningKinds.Health,
            @"\bhepatitis\s*b\b|\bhbv\b|\bhbsag\b|\bhiv\b|\b(no|free\s+of|without)\s+(any\s+)?(chronic\s+|serious\s+)?(illness|illnesses|disease|diseases|medical\s+history|disability|disabilities)\b" +
            @"|\bdisabled\s+(people|persons|applicants)\s+(need\s+not|cannot|can't|not)\b|\bcarriers\s+(need\s+not|will\s+not|won't|are\s+not|not)\b",
            unlessBefore: @"\b(not\s+test\w*|not\s+screen\w*|no\s+test\w*|not\s+include\w*|doesn't\s+include|excluding|never\s+ask\w*|not\s+ask\w*)\b[^.]{0,16}$" +
                @"|\b(test\w*|screen\w*|analys\w+)\s+(\w+\s+)?samples?\s+for\b[^.]{0,24}$|\b(prevention|awareness|treatment|research)\s+(of|on|for)\s+$",
            reach: 40),
    ];
}
