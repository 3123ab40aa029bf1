using System.Globalization;
using JobMatch.Domain.Organisations;
using JobMatch.Domain.Regions;
using JobMatch.ServiceDefaults.PersonalData;

namespace JobMatch.DemoData.Market;

/// <summary>
/// Makes the demo market from one seed: every choice comes from one <see cref="Random"/> in a fixed order, so the same
/// seed, scale and day make the same market. No I/O.
/// </summary>
internal sealed class DemoMarketGenerator(int seed, DemoScale scale, DateOnly today)
{
    private readonly Random random = new(seed);
    private readonly HashSet<string> nationalIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> companyNames = new(StringComparer.Ordinal);

    public DemoMarket Generate()
    {
        var caseworkers = Places.Leagues.Select(league => new DemoCaseworker(NextGuid(), league.Code, league.Name + "就业服务中心")).ToList();
        var employers = Enumerable.Range(0, scale.Employers).Select(i => Employer(i < Places.Leagues.Count ? Places.Leagues[i].Code : null)).ToList();
        var postings = Postings(employers);
        var seekers = Enumerable.Range(0, scale.Seekers).Select(i => Seeker(i < Places.Leagues.Count ? Places.Leagues[i].Code : null)).ToList();
        var applications = Applications(seekers, postings);
        return new DemoMarket(caseworkers, employers, postings, seekers, applications);
    }

    // ---- employers ------------------------------------------------------------------------------------------------

    /// <param name="league">The league, or null to draw one (the first twelve employers cover every league).</param>
    private DemoEmployer Employer(string? league)
    {
        league ??= Pick(Places.EmployerWeights);
        var leagueRegion = InnerMongoliaRegions.Find(league)!;
        var anchor = PickOccupation(Occupations.All.Where(o => o.Industry != "S").ToList(), o => o.Demand * (o.StrongIn.Contains(league) ? 3 : 1));
        var industry = anchor.Industry;
        // Farms, mines and power stations sit in the banners; offices, shops and hospitals mostly in the districts.
        var inBanner = industry is "A" or "B" or "D" ? random.NextDouble() < 0.75 : random.NextDouble() < 0.3;
        var place = Pick(inBanner ? Places.BannersOf(league) : Places.DistrictsOf(league));
        string name, brand;
        do
        {
            brand = Pick(People.BrandSyllables) + (random.NextDouble() < 0.4 ? Pick(People.BrandSyllables) : "");
            var prefix = random.NextDouble() < 0.7 ? Places.ShortName(leagueRegion) + (leagueRegion.Name.EndsWith('盟') ? "盟" : "市") : "内蒙古";
            name = prefix + brand + Pick(People.IndustryWords[industry]) + Pick(People.CompanySuffixes);
        }
        while (!companyNames.Add(name));
        var size = PickWeighted(["micro", "small", "medium", "large"], [20, 45, 25, 10]);
        return new DemoEmployer(NextGuid(), NextGuid(), name, brand, CreditCodeFor(place.Code), industry, size, place.Code,
            $"{place.Name}{Pick(People.Roads)}{random.Next(1, 300)}号", PersonName(league, out _), Mobile());
    }

    /// <summary>A 统一社会信用代码 of a company (registration authority 9, type 1) registered in the place, with its check character.</summary>
    private string CreditCodeFor(string regionCode)
    {
        var organisationCode = string.Concat(Enumerable.Range(0, 9).Select(_ => CreditCode.Alphabet[random.Next(CreditCode.Alphabet.Length)]));
        var first17 = "91" + regionCode + organisationCode;
        return first17 + CreditCode.CheckCharacter(first17);
    }

    // ---- postings -------------------------------------------------------------------------------------------------

    private List<DemoPosting> Postings(List<DemoEmployer> employers)
    {
        // Bigger employers post more: micro 1, small 2, medium 4, large 8 shares of the postings, at least one each.
        var shares = employers.Select(e => e.Size switch { "micro" => 1.0, "small" => 2.0, "medium" => 4.0, _ => 8.0 }).ToArray();
        var total = shares.Sum();
        var counts = shares.Select(share => Math.Max(1, (int)Math.Floor(share / total * scale.Postings))).ToArray();
        for (var i = 0; counts.Sum() < scale.Postings; i = (i + 1) % counts.Length) counts[i]++;
        var postings = new List<DemoPosting>(scale.Postings);
        for (var e = 0; e < employers.Count; e++)
        {
            for (var n = 0; n < counts[e]; n++) postings.Add(Posting(e, employers[e], n));
        }
        return postings;
    }

    private DemoPosting Posting(int index, DemoEmployer employer, int number)
    {
        var league = employer.RegionCode[..4] + "00";
        var own = Occupations.All.Where(o => o.Industry == employer.Industry).ToList();
        // Every employer also hires guards, cleaners, clerks, accountants and sales people.
        var occupation = own.Count > 0 && random.NextDouble() < 0.7
            ? PickOccupation(own, o => o.Demand)
            : PickOccupation(Occupations.All.Where(o => o.Industry is "O" or "L" or "F" || o.Industry == employer.Industry).ToList(),
                o => o.Demand * (o.StrongIn.Contains(league) ? 3 : 1));
        var place = random.NextDouble() < 0.7 ? InnerMongoliaRegions.Find(employer.RegionCode)! : Pick(Places.DistrictsOf(league).Concat(Places.BannersOf(league)).ToList());
        var title = Pick(occupation.Titles);
        var vacancies = PickWeighted([1, 2, 3, 5, 10], [50, 25, 13, 8, 4]);
        var level = Places.PayLevels[league] * (0.9 + random.NextDouble() * 0.25);
        var from = Round100(occupation.PayFrom * level);
        var to = Round100(Math.Max((double)from + 500, occupation.PayTo * level * (0.9 + random.NextDouble() * 0.2)));
        var pay = random.NextDouble();
        var (salaryMin, salaryMax, negotiable) = pay < 0.08 ? ((decimal?)null, (decimal?)null, true) : pay < 0.12 ? (null, null, false) : ((decimal?)from, (decimal?)to, false);
        var employmentType = occupation.Name switch
        {
            "社区工作者" when title.Contains("三支一扶", StringComparison.Ordinal) => "grassroots",
            "社区工作者" or "保洁员" when title.Contains("公益性", StringComparison.Ordinal) => "publicWelfare",
            "餐厅服务员" or "营业员" when random.NextDouble() < 0.3 => "partTime",
            "软件开发工程师" or "电商运营" or "会计" when random.NextDouble() < 0.15 => "internship",
            _ => "fullTime",
        };
        var keyGroups = new List<string>();
        if (random.NextDouble() < 0.2 || employmentType == "internship") keyGroups.Add("graduateFriendly");
        if (occupation.Name is "保安员" or "矿用卡车司机" or "网约车司机" || random.NextDouble() < 0.05) keyGroups.Add("veteranPriority");
        if (occupation.Industry is "A" or "B" or "E" && random.NextDouble() < 0.5) keyGroups.Add("ruralFriendly");
        if (occupation.Industry is "A" or "B" or "C" or "H" && random.NextDouble() < 0.4) keyGroups.Add("accommodationProvided");
        var skills = Sample(occupation.Skills, random.Next(2, occupation.Skills.Length + 1));
        var optional = random.NextDouble() < 0.4 ? new[] { Pick(People.CommonSkills) }.Except(skills).ToList() : [];
        var experience = PickWeighted([0, 0, 1, 2, 3, 5], [30, 10, 20, 20, 12, 8]);
        var benefits = string.Join("、", Sample(People.Benefits, random.Next(1, 4)));
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{employer.LegalName}因业务发展，在{place.Name}招聘{title}{vacancies}名（第{number + 1}批）。岗位职责：负责{string.Join("、", skills)}等相关工作，服从班组安排。" +
            $"任职要求：{EducationText(occupation.Education)}，{(experience == 0 ? "欢迎应届毕业生和无经验者，岗前有带教" : $"{experience}年以上相关经验")}。" +
            $"福利待遇：{benefits}。工作地点：{place.Name}。");
        return new DemoPosting(index, occupation.Name, title, description, skills, optional, place.Code, Jitter(place.Latitude), Jitter(place.Longitude),
            salaryMin, salaryMax, negotiable, vacancies, occupation.Education, experience, employmentType, keyGroups,
            random.Next(0, DemoMarket.HistoryDays), random.Next(45, 120));
    }

    private static string EducationText(string education) => education switch
    {
        "none" => "学历不限",
        "juniorMiddle" => "初中及以上学历",
        "seniorHigh" => "高中或中专及以上学历",
        "vocational" => "中专、技校及以上学历",
        "college" => "大专及以上学历",
        _ => "本科及以上学历",
    };

    // ---- seekers --------------------------------------------------------------------------------------------------

    /// <param name="league">The league, or null to draw one (the first twelve seekers cover every league).</param>
    private DemoSeeker Seeker(string? league)
    {
        league ??= Pick(Places.SeekerWeights);
        var occupation = PickOccupation(Occupations.All, o => o.Supply);
        var rural = random.NextDouble() < 0.25;
        // Rural and pastoral workers live in the banners; most others in the city districts.
        var place = Pick(rural || random.NextDouble() < 0.15 ? Places.BannersOf(league) : Places.DistrictsOf(league));
        var graduate = random.NextDouble() < 0.22;
        var veteran = !graduate && random.NextDouble() < 0.07;
        var female = random.NextDouble() < 0.5;
        var age = graduate ? random.Next(21, 26) : PickWeighted([random.Next(22, 35), random.Next(35, 45), random.Next(45, 55), random.Next(55, 60)], [40, 30, 22, 8]);
        var birth = today.AddYears(-age).AddDays(-random.Next(0, 365));
        var disability = random.NextDouble() < 0.03 ? new DemoDisability(Pick(People.DisabilityCategories), random.Next(3, 5)) : null;
        var unemployedSince = random.NextDouble() < 0.35 ? today.AddDays(-PickWeighted([random.Next(20, 180), random.Next(180, 365), random.Next(365, 900)], [50, 30, 20])) : (DateOnly?)null;
        var lowIncome = random.NextDouble() < 0.05;
        var education = Education(occupation, graduate, age);
        var veteranService = veteran ? new DemoVeteran(today.AddDays(-random.Next(60, 3000)), Pick(People.MilitaryBranches), Pick(People.MilitaryOccupations)) : null;
        var name = PersonName(league, out var mongolian);
        var skills = Sample(occupation.SeekerSkills, random.Next(2, Math.Min(5, occupation.SeekerSkills.Length + 1)))
            .Concat(random.NextDouble() < 0.5 ? [Pick(People.CommonSkills)] : Array.Empty<string>())
            .Concat(mongolian && random.NextDouble() < 0.6 ? ["蒙古语"] : Array.Empty<string>()).Distinct().ToList();
        var desired = random.NextDouble() < 0.6 ? new[] { occupation.Name } : new[] { occupation.Name, Pick(occupation.Titles) };
        var level = Places.PayLevels[league];
        var profile = new DemoProfile(
            name, Mobile(), skills, place.Code, Jitter(place.Latitude), Jitter(place.Longitude), PickWeighted([10, 20, 30, 50, 100], [15, 30, 30, 15, 10]),
            random.NextDouble() < 0.2, NationalIdFor(place.Code, birth, female), education, WorkHistory(occupation, age, unemployedSince),
            mongolian ? ["汉语", "蒙古语"] : random.NextDouble() < 0.2 ? ["汉语", "英语"] : ["汉语"],
            desired.Distinct().ToList(), Round100((occupation.PayFrom + occupation.PayTo) / 2.0 * level * (0.85 + random.NextDouble() * 0.3)),
            occupation.Name is "农机手" or "旅游接待员" ? ["full-time", "seasonal"] : random.NextDouble() < 0.2 ? ["full-time", "part-time"] : ["full-time"],
            veteranService, disability, rural, unemployedSince, lowIncome,
            new Dictionary<string, bool> { ["matching"] = true, ["employer-sharing"] = random.NextDouble() < 0.7, ["caseworker-contact"] = random.NextDouble() < 0.85 });
        // Most registered in the last twelve weeks; the register also holds people who have been looking for up to a year.
        var registeredDaysAgo = random.NextDouble() < 0.65 ? random.Next(0, DemoMarket.HistoryDays) : random.Next(DemoMarket.HistoryDays, 400);
        return new DemoSeeker(NextGuid(), occupation.Name, profile, ExpectedKeyGroups(profile, birth, female), registeredDaysAgo);
    }

    private List<DemoEducation> Education(Occupation occupation, bool graduate, int age)
    {
        var level = occupation.Education switch
        {
            "bachelor" => "bachelor",
            "college" => PickWeighted(["junior-college", "bachelor"], [60, 40]),
            "vocational" => "vocational",
            "seniorHigh" => "senior-secondary",
            _ => PickWeighted(["junior-secondary", "senior-secondary", "vocational"], [50, 35, 15]),
        };
        if (graduate && level is "junior-secondary" or "senior-secondary") level = PickWeighted(["vocational", "junior-college", "bachelor"], [30, 40, 30]);
        // A graduate left school within the last two years; everyone else long enough ago for their age.
        var left = graduate ? today.AddDays(-random.Next(20, 700)) : today.AddYears(-(age - (level is "bachelor" ? 22 : level is "junior-college" ? 21 : 18))).AddDays(-random.Next(0, 200));
        var school = level is "bachelor" or "junior-college" or "vocational" ? Pick(People.Schools) : null;
        return [new DemoEducation(level, school is null ? null : Pick(People.Majors), school, left)];
    }

    private List<DemoWork> WorkHistory(Occupation occupation, int age, DateOnly? unemployedSince)
    {
        var jobs = new List<DemoWork>();
        var end = unemployedSince ?? today.AddDays(-random.Next(10, 120));
        for (var i = 0; i < Math.Min(3, (age - 20) / 6); i++)
        {
            var from = end.AddDays(-random.Next(300, 1800));
            jobs.Add(new DemoWork(Pick(People.BrandSyllables) + Pick(People.IndustryWords[occupation.Industry == "S" ? "O" : occupation.Industry]) + "公司",
                i == 0 ? occupation.Name : Pick(Occupations.All).Name, from, end));
            end = from.AddDays(-random.Next(10, 200));
        }
        return jobs;
    }

    /// <summary>The key groups the profile service's rules (KeyGroupRules) derive from this profile, without registers.</summary>
    private List<string> ExpectedKeyGroups(DemoProfile profile, DateOnly birth, bool female)
    {
        var groups = new List<string>();
        if (profile.Education.Any(school => school.GraduationDate <= today && school.GraduationDate > today.AddYears(-2))) groups.Add("graduate");
        if (profile.Veteran is not null) groups.Add("veteran");
        if (profile.RuralResidence) groups.Add("rural-worker");
        var age = today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
        if (female && age >= 40 || !female && age >= 50 || profile.Disability is not null || profile.LowIncomeHousehold
            || profile.UnemployedSince is { } since && since <= today.AddMonths(-12))
        {
            groups.Add("employment-difficulty");
        }
        return groups;
    }

    /// <summary>A valid 居民身份证号码 (GB 11643) of someone registered in the place: division, birth date, sequence (odd for men), check.</summary>
    private string NationalIdFor(string regionCode, DateOnly birth, bool female)
    {
        while (true)
        {
            var sequence = random.Next(0, 500) * 2 + (female ? 0 : 1);
            var first17 = regionCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
            var id = first17 + NationalId.CheckCharacterOf(first17);
            if (nationalIds.Add(id)) return id;
        }
    }

    private string PersonName(string league, out bool mongolian)
    {
        mongolian = random.NextDouble() < Places.MongolianShare[league];
        if (mongolian) return random.NextDouble() < 0.7 ? Pick(People.MongolianNames) + (random.NextDouble() < 0.3 ? Pick(People.HanGivenCharacters) : "") : Pick(["包", "白", "韩", "吴"]) + Pick(People.MongolianNames);
        return Pick(People.HanSurnames) + Pick(People.HanGivenCharacters) + (random.NextDouble() < 0.7 ? Pick(People.HanGivenCharacters) : "");
    }

    private string Mobile() => Pick(["13", "15", "18", "17", "19"]) + random.Next(0, 10) + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);

    // ---- applications ---------------------------------------------------------------------------------------------

    private List<DemoApplication> Applications(List<DemoSeeker> seekers, List<DemoPosting> postings)
    {
        var byLeague = postings.Select((posting, index) => (posting, index)).GroupBy(p => p.posting.RegionCode[..4])
            .ToDictionary(group => group.Key, group => group.Select(p => p.index).ToList(), StringComparer.Ordinal);
        var applications = new List<DemoApplication>();
        for (var s = 0; s < seekers.Count; s++)
        {
            var seeker = seekers[s];
            var count = PickWeighted([0, 1, 2, 3, 4, 6], [28, 25, 18, 13, 10, 6]);
            var chosen = new HashSet<int>();
            var hired = false;
            for (var attempt = 0; chosen.Count < count && attempt < count * 6; attempt++)
            {
                var league = random.NextDouble() < 0.88 || seeker.Profile.WillingToRelocate ? seeker.RegionCode[..4] : Pick(byLeague.Keys.ToList());
                if (!byLeague.TryGetValue(league, out var candidates)) continue;
                var posting = candidates[random.Next(candidates.Count)];
                // Most seekers apply to their own occupation; some try a neighbouring one.
                if (postings[posting].Occupation != seeker.Occupation && random.NextDouble() < 0.75) continue;
                if (!chosen.Add(posting)) continue;
                var application = Application(s, posting, postings[posting], seeker.RegisteredDaysAgo, hired);
                hired |= application.FinalStatus == "hired";
                applications.Add(application);
            }
        }
        return applications;
    }

    private DemoApplication Application(int seeker, int posting, DemoPosting target, int registeredDaysAgo, bool alreadyHired)
    {
        // Not before the posting was published, nor before the seeker registered.
        var appliedDaysAgo = random.Next(0, Math.Min(target.PublishedDaysAgo, registeredDaysAgo) + 1);
        // Older applications have got further: a fresh one is mostly still waiting.
        var age = appliedDaysAgo / (double)DemoMarket.HistoryDays;
        var outcome = PickWeighted(["submitted", "viewed", "interview", "offer", "hired", "rejected", "withdrawn"],
            [45 - 35 * age, 20, 14, 5, alreadyHired ? 0 : 4 + 22 * age, 8 + 10 * age, 3]);
        var moves = outcome switch
        {
            "viewed" => ["viewed"],
            "interview" => ["viewed", "interview"],
            "offer" => ["viewed", "interview", "offer"],
            "hired" => ["viewed", "interview", "offer", "hired"],
            "rejected" => PickWeighted<string[]>([["rejected"], ["viewed", "rejected"], ["viewed", "interview", "rejected"]], [40, 35, 25]),
            _ => Array.Empty<string>(),
        };
        var reason = outcome == "rejected" ? Pick(["岗位已招满", "工作经验与岗位要求不符", "未按时参加面试", "持证要求不符", "通勤距离过远，本人放弃"]) : null;
        return new DemoApplication(seeker, posting, appliedDaysAgo, moves, reason, outcome == "withdrawn", FollowUp(outcome, appliedDaysAgo));
    }

    /// <summary>
    /// 跟踪回访: most placements are visited one to five weeks after the application; some rejected seekers, and some whose
    /// applications went unanswered for weeks, are called.
    /// </summary>
    private DemoFollowUp? FollowUp(string outcome, int appliedDaysAgo)
    {
        var visitedDaysAgo = appliedDaysAgo - random.Next(7, 35);
        if (visitedDaysAgo < 0) return null;
        if (outcome == "hired" && random.NextDouble() < 0.95)
        {
            return random.NextDouble() < 0.85
                ? new DemoFollowUp("hired", null, visitedDaysAgo, Pick(["已上岗，工作稳定", "电话回访：已签劳动合同", "上门回访，单位反馈良好", "已入职，适应较好"]), random.NextDouble() < 0.5 ? 30 : null)
                : new DemoFollowUp("leftJob", random.Next(7, 40), visitedDaysAgo, Pick(["工作强度大，已离职", "通勤太远离职", "试用期未通过"]), 14);
        }
        var unanswered = outcome is "submitted" or "viewed" && random.NextDouble() < 0.12;
        return unanswered || outcome == "rejected" && random.NextDouble() < 0.35
            ? new DemoFollowUp("stillSeeking", null, visitedDaysAgo, Pick(["仍在求职，已推荐其他岗位", "建议参加技能培训", "电话未接通，下次再联系", "已督促用人单位尽快答复"]), 21)
            : null;
    }

    // ---- draws ----------------------------------------------------------------------------------------------------

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4 (random), as Guid.NewGuid would be
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string Pick(IReadOnlyDictionary<string, double> weights)
    {
        var keys = weights.Keys.Order(StringComparer.Ordinal).ToList();
        return PickWeighted(keys, keys.Select(key => weights[key]).ToList());
    }

    private T PickWeighted<T>(IReadOnlyList<T> items, IReadOnlyList<double> weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0) return items[i];
        }
        return items[^1];
    }

    private Occupation PickOccupation(IReadOnlyList<Occupation> occupations, Func<Occupation, double> weight) =>
        PickWeighted(occupations, occupations.Select(weight).ToList());

    private List<string> Sample(IReadOnlyList<string> items, int count) => items.OrderBy(_ => random.Next()).Take(count).ToList();

    private double Jitter(double degrees) => Math.Round(degrees + (random.NextDouble() - 0.5) * 0.06, 4);

    private static decimal Round100(double pay) => (decimal)(Math.Round(pay / 100) * 100);
}
