#!/usr/bin/env python3
"""Builds the screening corpus, tuned on (in-sample) — the held-out sets are heldout.json and heldout-2026.json:

- corpus.json: postings in Chinese and English, half clean, the rest one problem each, composed from hand-written
  parts: base postings (real kinds of work in Inner Mongolia), benign sentences that look like problems but are lawful
  (男女不限, 年满18周岁, 健康证, 体检费由公司承担, no fees...), and problem sentences of every kind screening looks for.
- evasion.json: for every text rule, a sentence it flags with its key term disguised each way a dodger would —
  zero-width space, word joiner, soft hyphen, full-width letters and digits, traditional characters (OpenCC s2t),
  spaces and punctuation between the characters — every one must be flagged by that rule; and the benign sentences
  disguised the same ways, none of which may be flagged.
- clean.json: the realistic clean postings of clean_postings.py (over 100, every sector, Hive/HDFS/Spark, 男装, 女子篮球,
  蒙古语, 退役军人优先, 健康证 …), none of which may be flagged.

Needs Debian's opencc for the traditional variants. Re-run after editing: python3 make_corpus.py
"""
import json
import os
import subprocess

from clean_postings import CLEAN

ZH = [  # title, description, occupation, skills, experience, salary min, max
    ("电焊工", "包头稀土高新区钢结构厂招聘电焊工，负责钢结构件焊接，持特种作业操作证（焊工）。两班倒，五险一金，提供工作餐。", "6-18-02", ["电焊", "钢结构"], 2, 6500, 9000),
    ("仓储叉车司机", "呼和浩特沙尔沁物流园仓库货物装卸、搬运和库位管理。持叉车证，熟悉WMS系统者优先。月休四天。", "4-02-06", ["叉车驾驶", "仓库管理"], 1, 5000, 7000),
    ("奶牛场挤奶工", "土默特左旗规模化牧场挤奶及牛只日常护理，执行卫生消毒规程。包食宿，班车接送。", "5-03-01", ["挤奶操作", "动物护理"], 0, 4500, 6000),
    ("光伏电站运维员", "鄂尔多斯达拉特光伏基地日常巡检、设备维护与故障处理，需持低压电工证。驻站工作，做十休五。", "6-28-01", ["电气设备维护", "光伏系统"], 1, 6000, 8500),
    ("养老护理员", "新城区社区养老服务中心为老人提供生活照料与基础护理，持养老护理员证书优先，提供岗前培训。", "4-10-01", ["老年护理", "急救"], 0, 4000, 5500),
    ("小学数学教师", "赛罕区民办小学招聘数学教师，持小学及以上教师资格证，本科及以上学历，有班主任经验者优先。", "2-08-02", ["数学教学", "班级管理"], 2, 6000, 8000),
    ("会计", "集宁区商贸公司招聘会计一名，负责日常账务处理、纳税申报，熟练使用用友财务软件，持初级会计职称。", "2-06-02", ["会计核算", "纳税申报"], 3, 5000, 7000),
    ("中式烹调师", "满洲里中俄互市贸易区酒店后厨，擅长蒙餐、鲁菜者优先，持健康证上岗。提供员工宿舍。", "4-03-02", ["中式烹调", "食品安全"], 3, 5500, 8000),
    ("冷链物流配送员", "巴彦淖尔乳制品冷链配送，熟悉呼包鄂路线，持C1及以上驾照，驾龄三年以上。", "4-02-03", ["机动车驾驶", "冷链物流"], 3, 5500, 7500),
    ("社区公益性岗位保洁员", "集宁区社区环境保洁，本岗位为公益性岗位，优先安置就业困难人员，签订一年期劳动合同。", "4-09-01", ["清洁"], 0, 2100, 2100),
    ("旅游接待员（蒙汉双语）", "呼伦贝尔草原景区游客接待与讲解，需能使用蒙古语和汉语讲解，6月至10月季节性用工。", "4-07-04", ["导游讲解", "蒙古语"], 0, 3800, 5200),
    ("风电场检修工", "锡林郭勒盟风电场风机定期检修与故障排查，需持高处作业证，能适应野外工作。", "6-28-02", ["风机检修", "高处作业"], 2, 7000, 10000),
    ("超市收银员", "海拉尔区连锁超市收银及商品陈列，做六休一，可排早晚班，新手可培训上岗。", "4-01-02", ["收银", "客户服务"], 0, 3200, 3800),
    ("煤矿井下电工", "鄂尔多斯准格尔旗煤矿井下机电设备安装维护，持煤矿电工特种作业证，五险一金，井下津贴另计。", "6-29-01", ["矿用电气", "设备维护"], 3, 9000, 13000),
    ("电子商务运营专员", "负责草原特产（奶制品、牛肉干）网店运营、商品上架与活动策划，熟悉主流电商平台后台。", "4-01-06", ["网店运营", "文案策划"], 1, 4500, 7000),
    ("机动车驾驶员（公交）", "呼和浩特公交集团招聘公交驾驶员，持A1驾照，近三年无重大交通事故记录。", "4-02-01", ["大客车驾驶"], 3, 6000, 7500),
    ("护士", "通辽市民营医院招聘护士，持护士执业证书，大专及以上学历，能适应倒班。", "2-05-08", ["临床护理"], 1, 4500, 6500),
    ("羊绒分梳工", "鄂尔多斯羊绒制品厂分梳车间操作工，负责原绒分梳、除杂，提供岗前培训，计件工资。", "6-04-01", ["纺织机械操作"], 0, 4000, 6500),
    ("软件测试工程师", "呼和浩特政务软件项目测试，编写测试用例、执行功能与接口测试，熟悉SQL和Postman。", "2-02-10", ["软件测试", "SQL"], 2, 7000, 10000),
    ("农机驾驶员", "河套灌区农业合作社春耕秋收农机作业，持拖拉机驾驶证，农忙期包吃住。", "5-05-01", ["拖拉机驾驶", "农机维修"], 1, 5000, 7000),
    ("见习岗位：行政助理", "高校毕业生就业见习岗位，见习期六个月，协助办公室文件收发、会议记录，发放见习补贴。", "3-01-02", ["办公软件"], 0, 2500, 2500),
    ("基层社区网格员", "乌兰察布市社区网格员，负责入户走访、信息采集与矛盾调解，熟悉本地方言者优先。", "3-01-01", ["信息采集", "沟通协调"], 0, 3000, 3500),
    ("汽车维修工", "包头昆区4S店机修工，负责车辆保养、故障诊断，持汽车维修工职业资格证书优先。", "4-12-01", ["汽车维修", "故障诊断"], 2, 5500, 8500),
    ("保安员", "物业公司小区保安，负责门岗值守、巡逻，持保安员证，年满18周岁，做二休一。", "3-02-03", ["安全巡逻"], 0, 3000, 3600),
    ("美发师", "赤峰红山区美发店招聘美发师，会剪、烫、染，有三年以上经验，底薪加提成。", "4-10-03", ["剪发", "烫染"], 3, 4000, 9000),
]
EN = [
    ("Welder (structural steel)", "Structural steel fabrication plant in Baotou hiring welders. Certified welding operator licence required. Two shifts, social insurance and housing fund, meals provided.", "6-18-02", ["Welding", "Blueprint reading"], 2, 6500, 9000),
    ("Warehouse forklift driver", "Load, unload and move goods at the Shaerqin logistics park in Hohhot. Forklift licence required; WMS experience is a plus. Four days off a month.", "4-02-06", ["Forklift", "Warehouse management"], 1, 5000, 7000),
    ("Solar plant maintenance technician", "Inspect and maintain equipment at a photovoltaic base in Ordos. Low-voltage electrician certificate required. Ten days on, five days off.", "6-28-01", ["Electrical maintenance", "Photovoltaics"], 1, 6000, 8500),
    ("Elderly care worker", "Provide daily care and basic nursing for older residents at a community care centre in Hohhot. Training before you start.", "4-10-01", ["Elderly care", "First aid"], 0, 4000, 5500),
    ("Junior web developer (JavaScript)", "Build the public employment service portal with a small team. Graduates welcome. You will write JavaScript and SQL and review each other's code.", "2-02-10", ["JavaScript", "SQL"], 0, 6000, 9000),
    ("Accountant", "Trading company in Jining needs an accountant for bookkeeping and tax filing. Junior accounting title and experience with Yonyou software required.", "2-06-02", ["Bookkeeping", "Tax filing"], 3, 5000, 7000),
    ("Cold-chain delivery driver", "Deliver dairy products on the Hohhot–Baotou–Ordos routes. C1 licence and three years of driving required.", "4-02-03", ["Driving", "Cold chain"], 3, 5500, 7500),
    ("Tour guide (Mongolian and Chinese)", "Welcome and guide visitors at a grassland scenic area in Hulunbuir. You must be able to guide in Mongolian and Chinese. Seasonal, June to October.", "4-07-04", ["Guiding", "Mongolian language"], 0, 3800, 5200),
    ("Wind turbine technician", "Maintain and repair wind turbines in Xilingol. Work-at-height certificate required; field work in all weather.", "6-28-02", ["Turbine maintenance", "Work at height"], 2, 7000, 10000),
    ("Supermarket cashier", "Cashier and shelf stacking at a supermarket chain in Hailar. Six days a week, early or late shifts. Newcomers are trained.", "4-01-02", ["Cash handling", "Customer service"], 0, 3200, 3800),
    ("Registered nurse", "Private hospital in Tongliao hiring nurses. Nurse practising certificate and a college diploma required; rotating shifts.", "2-05-08", ["Clinical nursing"], 1, 4500, 6500),
    ("Software tester", "Test e-government software in Hohhot: write test cases, run functional and API tests. SQL and Postman experience needed.", "2-02-10", ["Software testing", "SQL"], 2, 7000, 10000),
    ("Graduate traineeship: office assistant", "Six-month traineeship for new graduates under the public traineeship scheme. Help with filing, minutes and scheduling. Trainee allowance paid.", "3-01-02", ["Office software"], 0, 2500, 2500),
    ("Car mechanic", "Dealership workshop in Baotou: servicing and diagnosis. Vehicle mechanic qualification preferred.", "4-12-01", ["Car repair", "Diagnostics"], 2, 5500, 8500),
    ("Security guard", "Residential estate security in Hohhot: gate duty and patrols. Security guard certificate; applicants must be 18 or older.", "3-02-03", ["Patrolling"], 0, 3000, 3600),
]

# Lawful sentences that resemble problems: a clean posting with one of these must not be flagged.
BENIGN_ZH = [
    "男女不限，欢迎应届毕业生。", "不限性别，不限户籍。", "户籍不限，外地员工可安排宿舍。", "年满18周岁，身体健康。", "入职体检费由公司承担。",
    "公司不收取任何费用，谨防以招聘为名收费的诈骗。", "持健康证上岗，办证费用公司报销。", "蒙汉兼通者优先。", "婚育不限。", "工装免费发放。",
    "提供带薪年假、产假和育儿假。", "有意者请通过本平台在线投递简历。", "联系电话：0471-6512345（工作日9:00-17:00）。", "欢迎退役军人和残疾人应聘，岗位可提供无障碍设施。",
    "公司承担全部培训费用。", "可协助办理落户。", "入职体检不含乙肝项目。", "不论民族、户籍，一视同仁。",
    "提供单身宿舍和夫妻房。", "退役军人优先。", "有男装销售经验者优先。", "能使用蒙古语交流者优先。", "全日制本科及以上学历。",
    "不论籍贯，一视同仁。", "尊重员工的宗教信仰和民族习惯。", "公司不承诺包就业，请勿轻信保录宣传。", "谨防刷单类诈骗。", "熟悉Hive、Spark和HDFS者优先。",
    "入职需携带身份证和户口本复印件。", "沿211国道配送。", "负责物业管理费收缴。", "欢迎985、211和普通院校的毕业生。",
]
BENIGN_EN = [
    "We welcome applicants of all genders and backgrounds.", "Applicants must be at least 18 years old, as the law requires.", "No fees are charged at any stage of recruitment.",
    "The medical check fee is covered by the company.", "Maternity and paternity leave as required by law.", "Apply through this platform; we reply within a week.",
    "Household registration is not required; dormitory available for staff from other cities.", "Mongolian language skills preferred.", "Wheelchair-accessible workplace; applicants with disabilities are welcome.",
    "Free uniform and paid training.", "Team of over 40 staff with over 10 years of experience in the industry.", "Call us on 0472-5123456 for details.",
    "Marital status is irrelevant to this role.", "We do not test for hepatitis B and never ask about it.",
    "Experience with Hive, HDFS and Spark is a plus.", "Spoken Mongolian preferred.", "Veterans are encouraged to apply.",
    "Applicants from all provinces are welcome.", "We never promise guaranteed jobs; beware of anyone who does.", "Handle customer deposits at the bank counter.",
    "Dormitory for single staff; couples' rooms on request.",
]

PROBLEMS = {  # kind: Chinese sentences, English sentences
    "gender": (["限男性，能吃苦耐劳。", "仅招女性。", "性别：男。", "男性优先，需适应夜班。"],
               ["Male applicants only.", "Women preferred for this front-desk role.", "Candidates must be male due to the physical work."]),
    "age": (["年龄35岁以下。", "年龄要求：20-30周岁。", "限90后，年轻有活力。", "年龄不超过40岁。"],
            ["Applicants must be aged 22 to 35.", "Candidates under 30 only.", "Age limit: 45."]),
    "ethnicity": (["限汉族。", "蒙古族优先，其他民族不考虑。", "民族：汉族。"],
                  ["Han Chinese only.", "Ethnicity: Han.", "No ethnic minorities, please."]),
    "household-registration": (["限本地户籍。", "要求呼和浩特市户口。", "外地人勿扰。", "本地人优先。"],
                               ["Local hukou required.", "Local residents only.", "Hohhot household registration required."]),
    "marital-status": (["已婚已育者优先。", "要求未婚，两年内不要孩子。", "孕妇勿扰。"],
                       ["Married candidates preferred.", "Must not be pregnant.", "No plans to have children in the next two years."]),
    "appearance": (["身高165cm以上，五官端正。", "形象气质佳。", "女身高160以上，颜值高。"],
                   ["Height of at least 170 cm.", "Good-looking candidates with a pleasant appearance.", "Must have a slim figure."]),
    "health": (["乙肝携带者勿扰。", "入职体检含乙肝两对半，阳性不予录用。", "身体无任何疾病。"],
               ["Hepatitis B carriers need not apply.", "Must be free of any chronic illness.", "HIV test required before starting."]),
    "fee": (["入职需交服装费200元。", "面试需缴纳报名费50元。", "上岗前交押金500元，离职退还。", "先交1000元保证金。"],
            ["A registration fee of 100 yuan is payable at interview.", "Pay a refundable deposit of 500 yuan before starting.", "Uniform fee deducted before your first day."]),
    "training-loan": (["先培训后上岗，培训费可办理分期贷款。", "学费可走培训贷，结业包分配。", "课程费用支持花呗分期。"],
                      ["Our partner bank offers a training loan for the course fee.", "Tuition can be paid in instalments before placement.", "Study now, pay later: guaranteed job after the course."]),
    "regional-origin": (["四川籍人员勿扰。", "只招山东人，能吃苦。", "谢绝东北籍求职者。"],
                        ["No applicants from Gansu.", "Shandong natives only."]),
    "school-tier": (["限985院校毕业生。", "第一学历须为211院校。", "名校毕业优先。"],
                    ["Graduates of 985 universities only.", "Top university graduates only."]),
    "religion": (["须为基督徒。", "信教者勿扰。", "无宗教信仰。"],
                 ["Muslims only.", "Must be a Christian."]),
    "hype": (["高薪保录，名额有限。", "培训结束包就业，百分百录用。", "内部名额，交钱入职。"],
             ["Guaranteed job after the interview.", "100% placement rate, no interview needed, high pay guaranteed."]),
    "disguised-posting": (["在家兼职刷单，日结佣金。", "入职需购买公司产品，发展下线提成。", "招聘打字员，在家兼职日结。"],
                          ["Earn commission through order brushing for online shops.", "Buy a starter kit first, then recruit friends to earn."]),
    "private-contact": (["有意者加微信详聊，不接电话。", "详情私聊，微信号：hr_job2024。", "加QQ 3145926535 了解。"],
                        ["Interested? Add us on WeChat for details.", "Message me on WhatsApp, no calls.", "Contact via Telegram only."]),
}
# Too good to be true: stated in the text, or a structured salary far above the market with no requirements.
PAY_TEXT = [("zh", "在家兼职，日赚800，无需经验。"), ("zh", "轻松月入过万，不需任何技能。"),
            ("en", "Work from home and earn 1,000 yuan per day!"), ("en", "Easy money, no experience needed.")]
PAY_STRUCTURED = [
    ("zh", "仓库打包员", "负责仓库商品打包、贴单，工作轻松。", "4-02-06", 18000, 25000),
    ("zh", "服务员", "酒店餐饮服务，包吃住。", "4-03-01", 16000, 20000),
    ("en", "Packing assistant", "Pack orders in our warehouse. Easy work.", "4-02-06", 20000, 30000),
    ("en", "Data entry clerk", "Type data into spreadsheets from home.", "3-01-02", 18000, 26000),
]

entries = []


def add(entry_id, lang, expect, base, extra, employer=None, salary=None, skills=None, experience=None):
    title, description, occupation, base_skills, base_experience, salary_min, salary_max = base
    sep = "" if lang == "zh" else " "
    entries.append({
        "id": entry_id, "language": lang, "expect": expect, "employer": employer or entry_id,
        "title": title, "description": description + (sep + extra if extra else ""), "occupationCode": occupation,
        "skills": base_skills if skills is None else skills, "experienceYears": base_experience if experience is None else experience,
        "salaryMin": salary[0] if salary else salary_min, "salaryMax": salary[1] if salary else salary_max,
    })


for i, base in enumerate(ZH): add(f"zh-clean-{i + 1:02}", "zh", [], base, None)
for i, base in enumerate(EN): add(f"en-clean-{i + 1:02}", "en", [], base, None)
for i, sentence in enumerate(BENIGN_ZH): add(f"zh-benign-{i + 1:02}", "zh", [], ZH[(i * 7 + 3) % len(ZH)], sentence)
for i, sentence in enumerate(BENIGN_EN): add(f"en-benign-{i + 1:02}", "en", [], EN[(i * 4 + 1) % len(EN)], sentence)

n = 0
for kind, (zh, en) in PROBLEMS.items():
    for i, sentence in enumerate(zh):
        n += 1
        add(f"zh-{kind}-{i + 1}", "zh", [kind], ZH[(n * 5 + i) % len(ZH)], sentence)
    for i, sentence in enumerate(en):
        n += 1
        add(f"en-{kind}-{i + 1}", "en", [kind], EN[(n * 3 + i) % len(EN)], sentence)
for i, (lang, sentence) in enumerate(PAY_TEXT):
    add(f"{lang}-implausible-pay-text-{i + 1}", lang, ["implausible-pay"], (ZH if lang == "zh" else EN)[(i * 9 + 2) % 15], sentence)
for i, (lang, title, description, occupation, low, high) in enumerate(PAY_STRUCTURED):
    add(f"{lang}-implausible-pay-market-{i + 1}", lang, ["implausible-pay"], (title, description, occupation, [], 0, low, high), None)
# The same posting from a second employer: the first copy is clean, the second a duplicate.
for i, base in enumerate([ZH[6], ZH[12], EN[5], EN[9]]):
    lang = "zh" if i < 2 else "en"
    add(f"{lang}-duplicate-original-{i + 1}", lang, [], (base[0] + ("（急招）" if lang == "zh" else " (urgent)"),) + base[1:], None, employer=f"original-{i}")
    add(f"{lang}-duplicate-copy-{i + 1}", lang, ["duplicate"], (base[0] + ("（急招）" if lang == "zh" else " (urgent)"),) + base[1:], None, employer=f"copier-{i}")

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, items):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
        out.write(json.dumps(items, ensure_ascii=False, indent=1) + "\n")


write("corpus.json", entries)

# Evasion: one sentence per text rule (rule id, language, sentence, its key term), disguised every way.
RULE_CASES = [
    ("gender.zh-restriction", "zh", "限男性，能吃苦耐劳。", "限男性"),
    ("gender.zh-preference", "zh", "男性优先，需适应夜班。", "男性优先"),
    ("gender.zh-field", "zh", "性别：男。", "性别"),
    ("gender.zh-bare", "zh", "司机，男，能跑长途。", "男"),
    ("gender.zh-hiring", "zh", "招聘女服务员，负责点餐。", "女服务员"),
    ("gender.zh-exclusion", "zh", "有设备维修经验，男士免谈。", "男士免谈"),
    ("gender.en", "en", "Male applicants only.", "Male"),
    ("age.zh-limit", "zh", "年龄35岁以下。", "岁以下"),
    ("age.zh-proxy", "zh", "年轻人优先。", "年轻人优先"),
    ("age.en", "en", "Candidates under 30 only.", "under"),
    ("ethnicity.zh", "zh", "限汉族。", "限汉族"),
    ("ethnicity.zh-bare", "zh", "出纳，汉族，会计专业。", "汉族"),
    ("ethnicity.en", "en", "Han Chinese only.", "Han"),
    ("regional-origin.zh", "zh", "四川籍人员勿扰。", "四川籍"),
    ("regional-origin.en", "en", "No applicants from Gansu.", "applicants"),
    ("household-registration.zh", "zh", "限本地户籍。", "户籍"),
    ("household-registration.zh-locals", "zh", "外地人勿扰。", "外地人勿扰"),
    ("household-registration.en", "en", "Local hukou required.", "hukou"),
    ("school-tier.zh", "zh", "第一学历须为211院校。", "院校"),
    ("school-tier.en", "en", "Graduates of 985 universities only.", "universities"),
    ("religion.zh", "zh", "须为基督徒。", "基督徒"),
    ("religion.en", "en", "Muslims only.", "Muslims"),
    ("marital-status.zh", "zh", "已婚已育者优先。", "已婚已育"),
    ("marital-status.en", "en", "Married candidates preferred.", "Married"),
    ("appearance.zh", "zh", "五官端正，形象气质佳。", "五官端正"),
    ("appearance.en", "en", "Must have a pleasant appearance.", "appearance"),
    ("health.zh", "zh", "乙肝携带者勿扰。", "乙肝"),
    ("health.en", "en", "HIV test required before starting.", "HIV"),
    ("fee.zh", "zh", "上岗前交押金500元，离职退还。", "押金"),
    ("fee.zh", "zh", "另收保证金1000元。", "保证金"),
    ("fee.en", "en", "Pay a refundable deposit of 500 yuan before starting.", "deposit"),
    ("training-loan.zh", "zh", "学费可走培训贷，结业包分配。", "培训贷"),
    ("training-loan.en", "en", "Our partner bank offers a training loan for the course fee.", "loan"),
    ("implausible-pay.zh", "zh", "轻松月入过万，不需任何技能。", "月入过万"),
    ("implausible-pay.en", "en", "Easy money, no experience needed.", "money"),
    ("hype.zh", "zh", "高薪保录，名额有限。", "保录"),
    ("hype.en", "en", "Guaranteed job after the interview.", "Guaranteed"),
    ("disguised-posting.zh", "zh", "在家兼职刷单，日结佣金。", "刷单"),
    ("disguised-posting.en", "en", "Earn commission through order brushing for online shops.", "brushing"),
    ("private-contact.zh", "zh", "有意者加微信详聊，不接电话。", "微信"),
    ("private-contact.zh", "zh", "加QQ 3145926535 了解。", "QQ"),
    ("private-contact.en", "en", "Interested? Add us on WeChat for details.", "WeChat"),
]
KIND_OF_RULE = {rule: rule.split(".")[0] for rule, _, _, _ in RULE_CASES}


def between(term, mark):
    """The term with mark between its characters (around it, for a one-character term)."""
    inner = mark.join(term)
    return mark + inner + mark if len(term) == 1 else inner


def full_width(text):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in text)


def traditional(texts):
    out = subprocess.run(["opencc", "-c", "s2t.json"], input="\n".join(texts), capture_output=True, text=True, check=True).stdout
    return out.rstrip("\n").split("\n")


def disguises(lang, sentence, term, traditional_sentence):
    yield "zero-width-space", sentence.replace(term, between(term, "\u200b"), 1)
    yield "word-joiner", sentence.replace(term, between(term, "\u2060"), 1)
    yield "soft-hyphen", sentence.replace(term, between(term, "\u00ad"), 1)
    yield "full-width", full_width(sentence)
    if lang == "zh":  # English has no traditional form
        yield "traditional", traditional_sentence
    yield "spaces", sentence.replace(term, between(term, " "), 1)
    yield "punctuation", sentence.replace(term, between(term, "-" if lang == "en" else "·"), 1)


evasion = []
zh_cases = [case for case in RULE_CASES if case[1] == "zh"]
traditional_of = dict(zip([case[2] for case in zh_cases], traditional([case[2] for case in zh_cases])))
for n, (rule, lang, sentence, term) in enumerate(RULE_CASES):
    base = (ZH if lang == "zh" else EN)[n % (len(ZH) if lang == "zh" else len(EN))]
    for variant, disguised in disguises(lang, sentence, term, traditional_of.get(sentence)):
        add(f"evasion-{rule}-{n}-{variant}", lang, [KIND_OF_RULE[rule]], base, disguised, employer=f"evasion-{n}")  # one employer: not copies
        evasion.append(dict(entries.pop(), rule=rule, variant=variant))
# Controls: the lawful sentences disguised the same ways stay clean (the whole sentence is the term).
benign_traditional = dict(zip(BENIGN_ZH, traditional(BENIGN_ZH)))
for i, sentence in enumerate(BENIGN_ZH + BENIGN_EN):
    lang = "zh" if i < len(BENIGN_ZH) else "en"
    base = (ZH if lang == "zh" else EN)[i % (len(ZH) if lang == "zh" else len(EN))]
    for variant, disguised in disguises(lang, sentence, sentence.rstrip("。."), benign_traditional.get(sentence)):
        if lang == "en" and variant in ("spaces", "punctuation"):
            continue  # spelling out a whole English sentence letter by letter is not a posting anyone writes
        add(f"evasion-benign-{i + 1:02}-{variant}", lang, [], base, disguised, employer=f"evasion-benign-{i + 1:02}")
        evasion.append(dict(entries.pop(), rule=None, variant=variant))
write("evasion.json", evasion)

write("clean.json", [{
    "id": f"clean-{i + 1:03}", "language": lang, "expect": [], "employer": f"clean-{i + 1:03}", "title": title, "description": description,
    "occupationCode": occupation, "skills": skills, "experienceYears": experience, "salaryMin": low, "salaryMax": high,
} for i, (lang, title, description, occupation, skills, experience, low, high) in enumerate(CLEAN)])
