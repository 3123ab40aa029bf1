namespace Matching.Api.ReadModel;

/// <summary>A published posting as matching sees it.</summary>
public sealed class PostingSnapshot
{
    public Guid PostingId { get; init; }
    public Guid EmployerId { get; init; }
    public string Title { get; init; } = "";
    public string? OccupationCode { get; init; }
    public string[] Skills { get; init; } = [];
    public string[] SkillKeys { get; init; } = [];
    public string RegionCode { get; init; } = "";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public decimal? SalaryMin { get; init; }
    public decimal? SalaryMax { get; init; }
    public DateTime PublishedAt { get; init; }
    public DateTime? ValidUntil { get; init; }
}
