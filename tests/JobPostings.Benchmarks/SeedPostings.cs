using JobPostings.Api.Search;
using JobPostings.Benchmarks.Baseline;
using Npgsql;
using NpgsqlTypes;

namespace JobPostings.Benchmarks;

/// <summary>
/// Writes realistic published postings with COPY: Chinese and English titles across Inner Mongolia's leagues and
/// cities, salaries, types, key groups, coordinates near each seat, publication dates over 90 days; a share expired
/// (past validity, not yet swept) and a share duplicates, which search must skip.
/// </summary>
public static class SeedPostings
{
    private static readonly (string Code, double Lat, double Lng)[] Regions =
    [
        ("150102", 40.83, 111.73), ("150105", 40.80, 111.68), ("150121", 40.72, 111.13), ("150203", 40.63, 109.83), ("150204", 40.64, 109.90),
        ("150206", 40.64, 110.05), ("150302", 39.66, 106.82), ("150402", 42.27, 118.96), ("150502", 43.62, 122.26), ("150602", 39.82, 110.00),
        ("150621", 40.39, 110.04), ("150702", 49.22, 119.77), ("150781", 49.60, 117.43), ("150802", 40.75, 107.40), ("150902", 41.03, 113.10),
        ("152201", 46.08, 122.07), ("152502", 43.93, 116.09), ("152921", 38.84, 105.67),
    ];

    private static readonly (string Title, string Words, string Occupation)[] Jobs =
    [
        ("电焊工", "钢结构焊接 持焊工证 两班倒 五险一金", "6-18-02"), ("仓储叉车司机", "仓库货物装卸 叉车证 库位管理", "4-02-06"),
        ("奶牛场挤奶工", "挤奶操作 牛只护理 包食宿", "5-03-01"), ("光伏电站运维员", "光伏巡检 设备维护 低压电工证", "6-28-01"),
        ("养老护理员", "生活照料 基础护理 岗前培训", "4-10-01"), ("小学数学教师", "数学教学 教师资格证 班主任", "2-08-02"),
        ("会计", "账务处理 纳税申报 用友软件", "2-06-02"), ("中式烹调师", "蒙餐 鲁菜 健康证 后厨", "4-03-02"),
        ("冷链物流配送员", "乳制品冷链 配送 C1驾照", "4-02-03"), ("社区保洁员", "社区环境保洁 公益性岗位", "4-09-01"),
        ("旅游接待员", "草原景区 游客接待 蒙古语讲解", "4-07-04"), ("风电场检修工", "风机检修 高处作业证 野外", "6-28-02"),
        ("超市收银员", "收银 商品陈列 早晚班", "4-01-02"), ("煤矿井下电工", "井下机电 特种作业证 井下津贴", "6-29-01"),
        ("电子商务运营", "网店运营 奶制品 牛肉干 活动策划", "4-01-06"), ("公交驾驶员", "A1驾照 公交线路 安全驾驶", "4-02-01"),
        ("护士", "临床护理 护士执业证书 倒班", "2-05-08"), ("羊绒分梳工", "原绒分梳 除杂 计件工资", "6-04-01"),
        ("软件测试工程师", "测试用例 接口测试 SQL Postman", "2-02-10"), ("农机驾驶员", "拖拉机 春耕秋收 农机维修", "5-05-01"),
        ("Welder", "structural steel welding certificate shifts", "6-18-02"), ("Forklift driver", "warehouse loading forklift licence", "4-02-06"),
        ("Solar technician", "photovoltaic inspection maintenance electrician", "6-28-01"), ("Care worker", "elderly care nursing training", "4-10-01"),
        ("Web developer", "JavaScript SQL portal graduates welcome", "2-02-10"), ("Delivery driver", "cold chain dairy delivery licence", "4-02-03"),
        ("Accountant", "bookkeeping tax filing software", "2-06-02"), ("Tour guide", "grassland visitors Mongolian Chinese guiding", "4-07-04"),
        ("Wind turbine technician", "turbine maintenance work at height", "6-28-02"), ("Cashier", "supermarket cash handling shifts", "4-01-02"),
    ];

    private static readonly string[] EmploymentTypes = ["FullTime", "FullTime", "FullTime", "PartTime", "Internship", "PublicWelfare", "Grassroots"];
    private static readonly string[] KeyGroups = ["GraduateFriendly", "VeteranPriority", "DisabilityAccessible", "AccommodationProvided", "RuralFriendly"];

    /// <summary>One posting as the benchmarks write it.</summary>
    public sealed record Row(Guid Id, string Title, string Description, string Occupation, string[] Skills, int ExperienceYears, string RegionCode,
        double Latitude, double Longitude, decimal? SalaryMin, decimal? SalaryMax, bool Negotiable, string EmploymentType, string[] KeyGroups,
        DateTime PublishedAt, DateTime ValidUntil, Guid? DuplicateOf, string? Education = null);

    public static async Task SeedAsync(NpgsqlDataSource dataSource, int count, int seed = 20261122) =>
        await CopyAsync(dataSource, Generate(count, seed));

    private static IEnumerable<Row> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        var previous = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var job = Jobs[random.Next(Jobs.Length)];
            var region = Regions[random.Next(Regions.Length)];
            var id = Guid.CreateVersion7();
            var title = random.Next(4) == 0 ? $"{job.Title} {region.Code[..4]}" : job.Title;
            var description = $"{job.Words} {Jobs[random.Next(Jobs.Length)].Words}";
            var skills = job.Words.Split(' ')[..2];
            var stated = random.Next(10) < 8;
            var salaryMin = stated ? 2000 + random.Next(60) * 100m : (decimal?)null;
            var salaryMax = stated ? salaryMin + random.Next(40) * 100m : null;
            var published = now.AddMinutes(-random.Next(90 * 24 * 60));
            var expired = random.Next(100) < 5;
            var duplicateOf = random.Next(100) < 2 && previous.Count > 0 ? previous[random.Next(previous.Count)] : (Guid?)null;
            var groups = KeyGroups.Where(_ => random.Next(5) == 0).ToArray();
            var experience = random.Next(3) == 0 ? 0 : random.Next(1, 6);
            var latitude = region.Lat + (random.NextDouble() - 0.5) * 0.3;
            var longitude = region.Lng + (random.NextDouble() - 0.5) * 0.3;
            var negotiable = !stated && random.Next(2) == 0;
            var type = EmploymentTypes[random.Next(EmploymentTypes.Length)];
            var validUntil = expired ? now.AddDays(-1) : published.AddDays(60 + random.Next(60));
            if (previous.Count < 1000) previous.Add(id);
            yield return new Row(id, title, description, job.Occupation, skills, experience, region.Code, latitude, longitude, salaryMin, salaryMax,
                negotiable, type, groups, published, validUntil, duplicateOf, Educations[random.Next(Educations.Length)]);
        }
    }

    private static readonly string?[] Educations = [null, null, "JuniorMiddle", "SeniorHigh", "Vocational", "College", "Bachelor"];

    /// <summary>
    /// Generated postings repeat their texts, so their terms are computed once per distinct text (the time to compute
    /// them for distinct texts is measured on its own).
    /// </summary>
    private static readonly Dictionary<(string, string, string), string> TermsByText = [];

    private static string Terms(Row row)
    {
        var key = (row.Title, row.Description, string.Join('\u001f', row.Skills));
        if (!TermsByText.TryGetValue(key, out var terms)) TermsByText[key] = terms = SearchTerms.Document(row.Title, row.Description, row.Skills);
        return terms;
    }

    /// <summary>
    /// Writes published postings with COPY, then ANALYZE: search_terms as the service computes them (cast from text, as the
    /// service's SQL casts), search_text as the baseline did (<see cref="Baseline.TrigramSearchStore.AddSchemaAsync"/> first).
    /// </summary>
    public static async Task CopyAsync(NpgsqlDataSource dataSource, IEnumerable<Row> rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        // Binary COPY cannot write a tsvector from text: rows go through a staging copy of the table whose search_terms is text.
        await using (var staging = new NpgsqlCommand(
            "CREATE TEMP TABLE staging (LIKE postings INCLUDING DEFAULTS); ALTER TABLE staging ALTER COLUMN search_terms DROP DEFAULT, ALTER COLUMN search_terms TYPE text", connection))
        {
            await staging.ExecuteNonQueryAsync();
        }
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY staging (id, employer_id, title, description, occupation_code, skills, optional_skills, experience_years, region_code, latitude, longitude, " +
            "salary_min, salary_max, salary_negotiable, employment_type, key_groups, vacancies, status, valid_until, created_at, updated_at, submitted_at, " +
            "published_at, content_fingerprint, duplicate_of, search_text, education, search_terms) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(row.Id, NpgsqlDbType.Uuid);
                await importer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await importer.WriteAsync(row.Title, NpgsqlDbType.Text);
                await importer.WriteAsync(row.Description, NpgsqlDbType.Text);
                await importer.WriteAsync(row.Occupation, NpgsqlDbType.Text);
                await importer.WriteAsync(row.Skills, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await importer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await importer.WriteAsync(row.ExperienceYears, NpgsqlDbType.Integer);
                await importer.WriteAsync(row.RegionCode, NpgsqlDbType.Text);
                await importer.WriteAsync(row.Latitude, NpgsqlDbType.Double);
                await importer.WriteAsync(row.Longitude, NpgsqlDbType.Double);
                await WriteNullableAsync(importer, row.SalaryMin);
                await WriteNullableAsync(importer, row.SalaryMax);
                await importer.WriteAsync(row.Negotiable, NpgsqlDbType.Boolean);
                await importer.WriteAsync(row.EmploymentType, NpgsqlDbType.Text);
                await importer.WriteAsync(row.KeyGroups, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await importer.WriteAsync(3, NpgsqlDbType.Integer);
                await importer.WriteAsync("Published", NpgsqlDbType.Text);
                await importer.WriteAsync(row.ValidUntil, NpgsqlDbType.TimestampTz);
                for (var i = 0; i < 4; i++) await importer.WriteAsync(row.PublishedAt, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(row.Id.ToString("N"), NpgsqlDbType.Text);
                if (row.DuplicateOf is { } original) await importer.WriteAsync(original, NpgsqlDbType.Uuid);
                else await importer.WriteNullAsync();
                await importer.WriteAsync(SearchText.Build([row.Title], [row.Description], row.Skills), NpgsqlDbType.Text);
                if (row.Education is { } education) await importer.WriteAsync(education, NpgsqlDbType.Text);
                else await importer.WriteNullAsync();
                await importer.WriteAsync(Terms(row), NpgsqlDbType.Text);
            }
            await importer.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand(
            "ALTER TABLE staging ALTER COLUMN search_terms TYPE tsvector USING search_terms::tsvector; INSERT INTO postings SELECT * FROM staging; DROP TABLE staging; ANALYZE postings",
            connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, decimal? value)
    {
        if (value is { } amount) await importer.WriteAsync(amount, NpgsqlDbType.Numeric);
        else await importer.WriteNullAsync();
    }
}
