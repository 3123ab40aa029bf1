namespace Matching.Api.ReadModel;

/// <summary>A seeker as matching sees them: pseudonymous, no personal details, nothing protected (no age, gender, health).</summary>
public sealed record SeekerSnapshot
{
    public Guid SeekerId { get; init; }
    public string[] Skills { get; init; } = [];
    public string[] SkillKeys { get; init; } = [];
    public string[] SkillConcepts { get; init; } = [];
    public string RegionCode { get; init; } = "";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int? MaxCommuteKm { get; init; }
    public bool WillingToRelocate { get; init; }
    public DateTime UpdatedAt { get; init; }
    public string? EducationLevel { get; init; }
    public string? EducationField { get; init; }
    public double? YearsOfExperience { get; init; }
    public string[] DesiredOccupations { get; init; } = [];
    public decimal? SalaryExpectation { get; init; }
    public string[] EmploymentTypes { get; init; } = [];
    public string[] Languages { get; init; } = [];
    public string[] KeyGroups { get; init; } = [];
    public bool SharedWithEmployers { get; init; }
    /// <summary>Job titles of the work history, as typed.</summary>
    public string[] PastOccupations { get; init; } = [];
    public string[] Certificates { get; init; } = [];
    /// <summary>The 职业分类大典 细类 the seeker looks for, beside the desired occupations.</summary>
    public string? NationalOccupationCode { get; init; }
}
