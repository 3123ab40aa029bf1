using System.Globalization;
using JobMatch.ServiceDefaults.Skills;
using Matching.Api.ReadModel;

namespace Matching.Evaluation;

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

    public static List<EvaluationSeeker> ReadSeekers(string path) => Csv.Read(path, SeekerColumns).Select(ParseSeeker).ToList();

    /// <summary>Reads the three files; a missing, empty or malformed one throws <see cref="DatasetException"/> (file, line, field).</summary>
    public static EvaluationDataset Read(string directory)
    {
        var seekers = ReadSeekers(Path.Combine(directory, SeekersFile));
        var postings = Csv.Read(Path.Combine(directory, PostingsFile), PostingColumns).Select(ParsePosting).ToList();
        var interactions = Csv.Read(Path.Combine(directory, InteractionsFile), InteractionColumns).Select(ParseInteraction).ToList();
        return new EvaluationDataset(seekers, postings, interactions);
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
    private static EvaluationSeeker ParseSeeker(CsvRow row)
    {
        var skills = Csv.Items(row["skills"]);
        var snapshot = new SeekerSnapshot
        {
            SeekerId = row.Parse("seeker_id", Guid.Parse), Skills = skills, SkillKeys = SkillKey.NormalizeAll(skills),
            DesiredOccupations = Csv.Items(row["desired_occupations"]), RegionCode = row["region_code"],
            Latitude = row.Parse("latitude", OptionalDouble), Longitude = row.Parse("longitude", OptionalDouble),
            MaxCommuteKm = row.Parse("max_commute_km", OptionalInt), WillingToRelocate = row.Parse("willing_to_relocate", ParseBool),
            EducationLevel = OptionalText(row["education_level"]), EducationField = OptionalText(row["education_field"]),
            YearsOfExperience = row.Parse("years_of_experience", OptionalDouble), SalaryExpectation = row.Parse("salary_expectation", OptionalDecimal),
            EmploymentTypes = Csv.Items(row["employment_types"]), Languages = Csv.Items(row["languages"]), KeyGroups = Csv.Items(row["key_groups"]),
            SharedWithEmployers = row.Parse("shared_with_employers", ParseBool), UpdatedAt = row.Parse("updated_at", ParseTime),
        };
        return new EvaluationSeeker(snapshot, row["gender"], row.Parse("birth_year", OptionalInt));
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

    private static EvaluationPosting ParsePosting(CsvRow row)
    {
        var skills = Csv.Items(row["skills"]);
        return new EvaluationPosting(new PostingSnapshot
        {
            PostingId = row.Parse("posting_id", Guid.Parse), EmployerId = row.Parse("employer_id", Guid.Parse), Title = row["title"],
            OccupationCode = OptionalText(row["occupation_code"]), Skills = skills, SkillKeys = SkillKey.NormalizeAll(skills),
            OptionalSkills = Csv.Items(row["optional_skills"]), RegionCode = row["region_code"],
            Latitude = row.Parse("latitude", OptionalDouble), Longitude = row.Parse("longitude", OptionalDouble),
            SalaryMin = row.Parse("salary_min", OptionalDecimal), SalaryMax = row.Parse("salary_max", OptionalDecimal),
            EmploymentType = OptionalText(row["employment_type"]), KeyGroups = Csv.Items(row["key_groups"]),
            ExperienceYears = row.Parse("experience_years", OptionalInt), Education = OptionalText(row["education"]),
            PublishedAt = row.Parse("published_at", ParseTime), ValidUntil = row.Parse("valid_until", OptionalTime),
            ClosedAt = row.Parse("closed_at", OptionalTime),
        }, row["employer_size"]);
    }

    private static Interaction ParseInteraction(CsvRow row)
    {
        var kind = row.Parse("kind", kind => KindGrades.ContainsKey(kind) ? kind
            : throw new FormatException($"the kinds are {string.Join(", ", KindGrades.Keys)}"));
        return new Interaction(row.Parse("seeker_id", Guid.Parse), row.Parse("posting_id", Guid.Parse), kind,
            row.Parse("grade", field => int.Parse(field, CultureInfo.InvariantCulture)), row.Parse("occurred_at", ParseTime));
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
    internal static DateTime ParseTime(string field) =>
        DateTime.Parse(field, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    private static DateTime? OptionalTime(string field) => field.Length == 0 ? null : ParseTime(field);
}
