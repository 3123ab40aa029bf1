using System.Globalization;
using JobMatch.ServiceDefaults.Skills;
using Matching.Api.ReadModel;

namespace Matching.Api.Evaluation;

/// <summary>
/// A seeker as the dataset holds them: the snapshot matching sees, and two attributes it must never see (gender and
/// birth year), kept only so the counterfactual check can change them and show that nothing else changes.
/// </summary>
public sealed record EvaluationSeeker(SeekerSnapshot Snapshot, string Gender, int? BirthYear);

/// <summary>A posting with its employer's size (small, medium, large), for the exposure report.</summary>
public sealed record EvaluationPosting(PostingSnapshot Snapshot, string EmployerSize);

/// <summary>Something a seeker did with a posting, or an employer with the seeker's application, graded as the service grades outcomes.</summary>
public sealed record Interaction(Guid SeekerId, Guid PostingId, string Kind, int Grade, DateTime OccurredAt);

/// <summary>
/// The offline evaluation's dataset: a directory with seekers.csv, postings.csv and interactions.csv (docs/evaluation.md).
/// Reading builds the same <see cref="SeekerSnapshot"/> and <see cref="PostingSnapshot"/> the read model stores.
/// </summary>
public sealed record EvaluationDataset(IReadOnlyList<EvaluationSeeker> Seekers, IReadOnlyList<EvaluationPosting> Postings, IReadOnlyList<Interaction> Interactions)
{
    public const string SeekersFile = "seekers.csv", PostingsFile = "postings.csv", InteractionsFile = "interactions.csv";

    /// <summary>Interaction kinds and the grade the service gives each (OutcomeStore).</summary>
    public static readonly IReadOnlyDictionary<string, int> KindGrades = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["applied"] = 1, ["viewed"] = 1, ["interview"] = 2, ["offer"] = 3, ["hired"] = 4, ["rejected"] = 0,
    };

    public static readonly string[] SeekerColumns =
    [
        "seeker_id", "skills", "desired_occupations", "region_code", "latitude", "longitude", "max_commute_km", "willing_to_relocate",
        "education_level", "education_field", "years_of_experience", "salary_expectation", "employment_types", "languages", "key_groups",
        "shared_with_employers", "updated_at", "gender", "birth_year",
    ];

    public static readonly string[] PostingColumns =
    [
        "posting_id", "employer_id", "title", "occupation_code", "skills", "optional_skills", "region_code", "latitude", "longitude",
        "salary_min", "salary_max", "employment_type", "key_groups", "experience_years", "education", "published_at", "valid_until",
        "closed_at", "employer_size",
    ];

    public static readonly string[] InteractionColumns = ["seeker_id", "posting_id", "kind", "grade", "occurred_at"];

    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        WriteSeekers(Path.Combine(directory, SeekersFile), Seekers);
        Csv.Write(Path.Combine(directory, PostingsFile), PostingColumns, Postings.Select(PostingRow));
        Csv.Write(Path.Combine(directory, InteractionsFile), InteractionColumns, Interactions.Select(i => (IReadOnlyList<string?>)
            [Id(i.SeekerId), Id(i.PostingId), i.Kind, Int(i.Grade), Time(i.OccurredAt)]));
    }

    public static void WriteSeekers(string path, IEnumerable<EvaluationSeeker> seekers) => Csv.Write(path, SeekerColumns, seekers.Select(SeekerRow));

    public static List<EvaluationSeeker> ReadSeekers(string path) =>
        Csv.Read(path).Select((row, i) => Parsed(Path.GetFileName(path), i, row, ParseSeeker)).ToList();

    public static EvaluationDataset Read(string directory)
    {
        var seekers = ReadSeekers(Path.Combine(directory, SeekersFile));
        var postings = Csv.Read(Path.Combine(directory, PostingsFile)).Select((row, i) => Parsed(PostingsFile, i, row, ParsePosting)).ToList();
        var interactions = Csv.Read(Path.Combine(directory, InteractionsFile)).Select((row, i) => Parsed(InteractionsFile, i, row, ParseInteraction)).ToList();
        return new EvaluationDataset(seekers, postings, interactions);
    }

    private static T Parsed<T>(string file, int index, Dictionary<string, string> row, Func<Dictionary<string, string>, T> parse)
    {
        try { return parse(row); }
        catch (Exception exception) when (exception is FormatException or KeyNotFoundException or OverflowException)
        {
            throw new InvalidDataException($"{file} record {index + 2}: {exception.Message}", exception);
        }
    }

    private static IReadOnlyList<string?> SeekerRow(EvaluationSeeker seeker)
    {
        var s = seeker.Snapshot;
        return
        [
            Id(s.SeekerId), Csv.List(s.Skills), Csv.List(s.DesiredOccupations), s.RegionCode, Number(s.Latitude), Number(s.Longitude),
            Int(s.MaxCommuteKm), Bool(s.WillingToRelocate), s.EducationLevel, s.EducationField, Number(s.YearsOfExperience),
            Money(s.SalaryExpectation), Csv.List(s.EmploymentTypes), Csv.List(s.Languages), Csv.List(s.KeyGroups), Bool(s.SharedWithEmployers),
            Time(s.UpdatedAt), seeker.Gender, Int(seeker.BirthYear),
        ];
    }

    /// <summary>Only the matching fields reach the snapshot: gender and birth year stay on the record, outside it.</summary>
    private static EvaluationSeeker ParseSeeker(Dictionary<string, string> row)
    {
        var skills = Csv.Items(row["skills"]);
        var snapshot = new SeekerSnapshot
        {
            SeekerId = Guid.Parse(row["seeker_id"]), Skills = skills, SkillKeys = SkillKey.NormalizeAll(skills),
            DesiredOccupations = Csv.Items(row["desired_occupations"]), RegionCode = row["region_code"],
            Latitude = OptionalDouble(row["latitude"]), Longitude = OptionalDouble(row["longitude"]),
            MaxCommuteKm = OptionalInt(row["max_commute_km"]), WillingToRelocate = ParseBool(row["willing_to_relocate"]),
            EducationLevel = OptionalText(row["education_level"]), EducationField = OptionalText(row["education_field"]),
            YearsOfExperience = OptionalDouble(row["years_of_experience"]), SalaryExpectation = OptionalDecimal(row["salary_expectation"]),
            EmploymentTypes = Csv.Items(row["employment_types"]), Languages = Csv.Items(row["languages"]), KeyGroups = Csv.Items(row["key_groups"]),
            SharedWithEmployers = ParseBool(row["shared_with_employers"]), UpdatedAt = ParseTime(row["updated_at"]),
        };
        return new EvaluationSeeker(snapshot, row["gender"], OptionalInt(row["birth_year"]));
    }

    private static IReadOnlyList<string?> PostingRow(EvaluationPosting posting)
    {
        var p = posting.Snapshot;
        return
        [
            Id(p.PostingId), Id(p.EmployerId), p.Title, p.OccupationCode, Csv.List(p.Skills), Csv.List(p.OptionalSkills), p.RegionCode,
            Number(p.Latitude), Number(p.Longitude), Money(p.SalaryMin), Money(p.SalaryMax), p.EmploymentType, Csv.List(p.KeyGroups),
            Int(p.ExperienceYears), p.Education, Time(p.PublishedAt), Time(p.ValidUntil), Time(p.ClosedAt), posting.EmployerSize,
        ];
    }

    private static EvaluationPosting ParsePosting(Dictionary<string, string> row)
    {
        var skills = Csv.Items(row["skills"]);
        return new EvaluationPosting(new PostingSnapshot
        {
            PostingId = Guid.Parse(row["posting_id"]), EmployerId = Guid.Parse(row["employer_id"]), Title = row["title"],
            OccupationCode = OptionalText(row["occupation_code"]), Skills = skills, SkillKeys = SkillKey.NormalizeAll(skills),
            OptionalSkills = Csv.Items(row["optional_skills"]), RegionCode = row["region_code"],
            Latitude = OptionalDouble(row["latitude"]), Longitude = OptionalDouble(row["longitude"]),
            SalaryMin = OptionalDecimal(row["salary_min"]), SalaryMax = OptionalDecimal(row["salary_max"]),
            EmploymentType = OptionalText(row["employment_type"]), KeyGroups = Csv.Items(row["key_groups"]),
            ExperienceYears = OptionalInt(row["experience_years"]), Education = OptionalText(row["education"]),
            PublishedAt = ParseTime(row["published_at"]), ValidUntil = OptionalTime(row["valid_until"]), ClosedAt = OptionalTime(row["closed_at"]),
        }, row["employer_size"]);
    }

    private static Interaction ParseInteraction(Dictionary<string, string> row)
    {
        var kind = row["kind"];
        if (!KindGrades.ContainsKey(kind)) throw new FormatException($"unknown interaction kind '{kind}' ({string.Join(", ", KindGrades.Keys)})");
        return new Interaction(Guid.Parse(row["seeker_id"]), Guid.Parse(row["posting_id"]), kind,
            int.Parse(row["grade"], CultureInfo.InvariantCulture), ParseTime(row["occurred_at"]));
    }

    private static string Id(Guid id) => id.ToString("D");
    private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);
    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
    private static string? Money(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
    private static string Bool(bool value) => value ? "true" : "false";
    private static string? Time(DateTime? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? OptionalText(string field) => field.Length == 0 ? null : field;
    private static int? OptionalInt(string field) => field.Length == 0 ? null : int.Parse(field, CultureInfo.InvariantCulture);
    private static double? OptionalDouble(string field) => field.Length == 0 ? null : double.Parse(field, CultureInfo.InvariantCulture);
    private static decimal? OptionalDecimal(string field) => field.Length == 0 ? null : decimal.Parse(field, CultureInfo.InvariantCulture);
    private static bool ParseBool(string field) => field.Length != 0 && bool.Parse(field);
    private static DateTime ParseTime(string field) =>
        DateTime.Parse(field, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    private static DateTime? OptionalTime(string field) => field.Length == 0 ? null : ParseTime(field);
}
