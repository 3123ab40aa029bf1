namespace Matching.Api.ReadModel;

/// <summary>A published posting as matching stores it: Skills are the essential ones as the employer typed them.</summary>
public sealed class PostingSnapshot
{
    public Guid PostingId { get; init; }
    public Guid EmployerId { get; init; }
    public string Title { get; init; } = "";
    public string? OccupationCode { get; init; }
    /// <summary>The posting's 职业分类大典 细类 (4-02-02-02); matching reads it through the crosswalk.</summary>
    public string? NationalOccupationCode { get; init; }
    public string[] Skills { get; init; } = [];
    public string[] SkillKeys { get; init; } = [];
    public string[] OptionalSkills { get; init; } = [];
    public string RegionCode { get; init; } = "";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public decimal? SalaryMin { get; init; }
    public decimal? SalaryMax { get; init; }
    public DateTime PublishedAt { get; init; }
    public DateTime? ValidUntil { get; init; }
    public string? EmploymentType { get; init; }
    public string[] KeyGroups { get; init; } = [];
    public int? ExperienceYears { get; init; }
    public string? Education { get; init; }
    public DateTime? ClosedAt { get; init; }
    public string? Description { get; init; }
}
