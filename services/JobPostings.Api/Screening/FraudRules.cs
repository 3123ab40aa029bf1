using System.Globalization;
using System.Text.RegularExpressions;

namespace JobPostings.Api.Screening;

/// <summary>
/// The signals public employment services warn seekers about: fees and deposits, training loans and 招转培 (a job that
/// turns into paid training), pay too good to be true, "高薪、保录" hype, disguised postings (刷单, buying the
/// employer's products, recruiting others), and contact only through private messaging. A job whose duties involve
/// fees (物业管理费收缴, 投标保证金) or the employer's own warning against fraud is not itself a fraud.
/// </summary>
public static class FraudRules
{
    /// <summary>A day rate worth flagging on its own: far above any day labour rate in the region (ASCII digits: see AboveLegalMinimum).</summary>
    private static bool ImplausibleDayRate(string match) =>
        Regex.Matches(match, "[0-9][0-9,]*").Select(m => decimal.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Max() >= 800;

    /// <summary>Before a fee word: the employer pays it, forbids it, warns against it, or the job is to handle it.</summary>
    private const string FeeExcusedBefore =
        @"(不收|不收取|无需|不需|免|免收|不会收|拒绝|严禁|不得|禁止|公司承担|单位承担|公司报销|报销|承担|包|无任何|不交|不用交|谨防|警惕|凡是|负责|收缴|催缴|核算|对账|代收)[^,。]{0,6}$";

    private const string NoExperience = "(无需经验|不需经验|不需要经验|不要经验|零经验|零基础|零门槛|无经验|无需技能|不需任何技能|只需会用?手机|在家|轻松|躺着)";
    private const string BigMonthlyPay = @"(月薪|月入|日赚|日入|工资|收入)\s*(过万|上万|[1-9]\d{4,}|\d+(\.\d+)?\s*[万w])";

    public static readonly IReadOnlyList<ScreeningRule> All =
    [
        // Fees and deposits charged to applicants — but not "不收取任何费用", "体检费由公司承担", "free uniform".
        new("fee.zh", ScreeningKinds.Fee,
            @"报名费|押金|保证金|风险金|担保金|服装费|工装费|工牌费|工卡费|培训费|体检费|介绍费|中介费|入职费|管理费|建档费|资料费|上岗费|会员费|入会费|加盟费|代理费" +
            @"|(收取|缴纳|交纳|先交|需交|需缴|预交|缴)\s*\d+\s*(元|块)",
            unlessBefore: FeeExcusedBefore,
            unlessAfter: @"^[^,。]{0,4}(由公司|由单位|公司承担|单位承担|全免|报销|全包|免费|一律免|公司出|单位出|的.{0,4}都是骗子)|^\s*(的)?\s*(缴纳与退还|收缴|催缴|核算|管理工作|结算)"),
        new("fee.en", ScreeningKinds.Fee,
            @"\b(registration|application|training|uniform|processing|placement|agency|admin|administration|medical\s+check|interview|onboarding|membership)\s+fees?\b" +
            @"|\b(pay|paying|paid|payable|refundable|security)\s+(a\s+|an\s+|the\s+)?(small\s+)?(refundable\s+)?deposit\b|\bdeposit\s+(of\s+)?(rmb|¥|cny)?\s*\d[\d,]*\s*(yuan|rmb)?\s+(is\s+)?(required|payable|due)\b|\bdeposit\s+(is\s+)?required\b" +
            @"|\bupfront\s+payment\b|\bpay\s+(a|an)?\s*(small\s+)?(one-off\s+)?fee\b|\bpay\s+(rmb|¥|cny)\s*\d+",
            unlessBefore: @"\b(no|not|never|without|free\s+of|zero|waive\w*|we\s+cover|we\s+pay|company\s+pays|charge\s+no|any|don't\s+pay|do\s+not\s+pay|never\s+pay|beware\s+of)\b[^.]{0,24}$",
            unlessAfter: @"^[^.]{0,8}\b(is\s+|are\s+)?(covered|waived|paid\s+by\s+(us|the\s+company|the\s+employer)|reimbursed)"),

        // Training-loan schemes and 招转培: 培训贷, a course in instalments before "placement", training fees taken from wages.
        new("training-loan.zh", ScreeningKinds.TrainingLoan,
            @"培训贷|贷款培训|学费贷|分期(付款|缴纳|支付)?.{0,6}(培训|学费|课程)|(培训|学费|课程)(费)?.{0,6}(分期|贷款|网贷)|办理.{0,4}贷款|网贷|信用贷|花呗|白条" +
            @"|招转培|以培代招|(培训|学习|课程)\s*(费|费用|学费)?\s*[^,。]{0,4}(从|由|在)\s*(工资|薪资|薪水|收入)\s*(中|里)?\s*(扣|抵)|(工资|薪资)\s*(抵|抵扣|扣除)\s*(培训|学)费" +
            @"|(先|需|须|要)\s*(参加|参与|完成)?\s*(付费|收费|自费)\s*(培训|学习|课程)|(培训|学习|课程)\s*(结业|合格|结束|毕业)\s*(后)?\s*(包|保|保证|推荐)\s*(就业|工作|分配|入职)",
            unlessBefore: @"(不|无|严禁|杜绝|谨防|警惕|拒绝)[^,。]{0,6}$"),
        new("training-loan.en", ScreeningKinds.TrainingLoan,
            @"\btraining\s+loans?\b|\bloan\b.{0,30}\b(training|course|tuition|bootcamp)\b|\b(training|course|tuition|bootcamp)\b.{0,30}\b(loan|instal(l)?ments?|financing)\b|\bstudy\s+now,?\s+pay\s+later\b" +
            @"|\b(a\s+)?loans?\s+(that\s+)?(we|our\s+partner|the\s+company)\s+(arrange|provide|offer|set\s+up)s?\b|\b(we|our\s+partner(\s+bank)?)\s+(can\s+|will\s+)?(arrange|provide|offer|set\s+up)s?\s+(a\s+|the\s+)?(loan|financing|credit)\b" +
            @"|\b(course|training|tuition|bootcamp)\s+fees?\b[^.]{0,30}\b(deducted|taken|repaid)\s+from\s+(your\s+)?(salary|wages|pay)\b|\bpaid\s+training\s+(before|prior\s+to)\s+(placement|starting|employment)\b",
            unlessBefore: @"\b(no|not|never|without|beware\s+of)\b[^.]{0,16}$"),

        // Pay that is too good to be true, stated in the text (the structured salary is checked against the salary guide separately).
        new("implausible-pay.zh", ScreeningKinds.ImplausiblePay,
            @"(日赚|日入|日结|日薪)\s*\d[\d,]{2,}|月入(过万|上万|\d+万)|轻松(月入|日赚|赚钱|赚)|躺赚|在家.{0,4}(月入|日赚)" +
            $@"|{NoExperience}[^。!?]{{0,20}}{BigMonthlyPay}|{BigMonthlyPay}[^。!?]{{0,20}}{NoExperience}",
            applies: match => !Regex.IsMatch(match, @"^(日结|日薪)") || ImplausibleDayRate(match)),
        new("implausible-pay.en", ScreeningKinds.ImplausiblePay,
            @"\bearn\s+(up\s+to\s+)?(rmb|¥|cny)?\s*\d[\d,]{2,}\s*(yuan\s+)?(per|a|/)\s*day\b|\beasy\s+money\b|\bget\s+rich\b|\bwork\s+from\s+home\b.{0,40}\b(earn|easy|no\s+experience)\b" +
            @"|\b(earn|make)\s+(up\s+to\s+)?(rmb|¥|cny)?\s*\d{2},?\d{3}\s*(yuan\s+)?(a|per|/)\s*month\b[^.]{0,40}\bno\s+(experience|skills|qualifications)\b",
            applies: match => !Regex.IsMatch(match, @"^earn\s+(up\s+to\s+)?(rmb|¥|cny)?\s*\d[\d,]*\s*(yuan\s+)?(per|a|/)\s*day", RegexOptions.IgnoreCase) || ImplausibleDayRate(match)),

        // "高薪、保录" hype (2026 rules): guaranteed hiring, 包就业, 内部名额, paying to be placed.
        new("hype.zh", ScreeningKinds.Hype,
            @"保录(取|用)?|包录(取|用)?|保证录(用|取)|百分之?百\s*录(用|取)|100%\s*(录用|录取|就业|上岗)|包(就业|分配|上岗|入职|进编|编制)|保(就业|分配|入职|进编|上岗)|稳拿\s*offer" +
            @"|内部(名额|指标|渠道)|内部推荐\s*(进|入)\s*(国企|央企|事业单位|编制)|花钱\s*(进|买)\s*(编|岗|编制)|交钱\s*(入职|进编|上岗)|(无需|免)\s*(面试|考试)\s*(直接)?\s*(入职|上岗|录用)" +
            @"|高薪\s*[,、]?\s*(保录|包|保|轻松|躺赚|无需经验|零门槛|零基础|日结)|(零门槛|零基础)\s*[,、]?\s*高薪",
            unlessBefore: @"(不|无|严禁|杜绝|谨防|警惕|拒绝|承诺不|轻信|勿信|相信|识别|打击|虚假)[^,。]{0,6}$", unlessAfter: @"^\s*(的)?\s*(宣传|广告|骗局|诈骗|陷阱|承诺)"),
        new("hype.en", ScreeningKinds.Hype,
            @"\bguaranteed\s+(job|jobs|employment|placement|hiring|offer|admission|position|pass)\b|\b(100%|hundred\s+percent)\s+(hiring|placement|job|employment)(\s+(rate|guarantee))?\b|\bjob\s+guaranteed\b" +
            @"|\bno\s+interview\s+(needed|required)\b.{0,30}\bhigh\s+(pay|salary)\b|\bhigh\s+(pay|salary)\b.{0,20}\b(guaranteed|no\s+experience)\b",
            unlessBefore: @"\b(no|not|never|cannot|can't|beware\s+of)\b[^.]{0,16}$"),

        // Disguised postings (变相招聘): order brushing, buying the employer's products to start, recruiting others to earn.
        new("disguised-posting.zh", ScreeningKinds.DisguisedPosting,
            @"刷单|刷信誉|刷好评|刷流水|点赞员|打字员.{0,10}(在家|兼职|日结)|(需|须|要|先)\s*(自购|购买|认购|购置)\s*(公司)?\s*(产品|设备|手机|套餐|会员|材料|货)" +
            @"|发展下线|拉人头|团队计酬|(招聘|招)\s*[\u4e00-\u9fff]{0,6}\s*(实为|实际为|其实是)",
            unlessBefore: @"(不|无|严禁|杜绝|谨防|警惕|拒绝|防范|打击|识别)[^,。]{0,8}$"),
        new("disguised-posting.en", ScreeningKinds.DisguisedPosting,
            @"\b(order\s+brushing|click\s+farm\w*|fake\s+reviews?|boost(ing)?\s+(shop\s+|store\s+)?ratings)\b|\b(buy|purchase)\s+(a\s+|our\s+|the\s+)?(starter\s+kit|products?|package|membership)\s+(first|before|to\s+start|to\s+join)\b" +
            @"|\brecruit\s+(others|friends|new\s+members|your\s+friends)\s+to\s+earn\b|\b(pyramid\s+scheme|multi-level\s+marketing|mlm)\b",
            unlessBefore: @"\b(no|not|never|avoid|beware\s+of|against)\b[^.]{0,16}$"),

        // Contact only through private messaging (checked with OfficialChannel: a phone line or the platform excuses it).
        new("private-contact.zh", ScreeningKinds.PrivateContact,
            @"(加|添加|联系|私信|私聊|咨询)\s*(我的)?\s*(微信|vx|wx|v信|薇信|威信|weixin|qq|扣扣|企鹅|v)(?![a-z])|(微信|vx|wx)(号)?\s*[:]\s*[a-z0-9][-_a-z0-9]{5,}" +
            @"|(?<![a-z0-9])qq\s*(号)?\s*[:]?\s*\d{5,}|私聊|私信|只(加|通过)(微信|qq)|不接(电话|来电)"),
        new("private-contact.en", ScreeningKinds.PrivateContact,
            @"\b(add|contact|message|text|reach|find|dm|ping)\s+(me|us)?\s*(on|via|through|at)\s+(wechat|whatsapp|telegram|qq|line)\b|\b(wechat|whatsapp|telegram)\s*(id)?\s*[:]\s*\w+" +
            @"|\b(via|through|on)\s+(wechat|whatsapp|telegram|qq)\s+only\b|\bqq\b\s*[:]?\s*\d{5,}|\b(dm|pm|message)\s+me\b|\bprivate\s+messages?\b"),
    ];
}
