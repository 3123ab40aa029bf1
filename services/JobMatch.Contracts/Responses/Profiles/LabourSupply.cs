namespace JobMatch.Contracts.Responses.Profiles;

/// <summary>An area's supply in a month: seekers registered, per occupation sought, placements per key group, long unplaced.</summary>
public sealed record LabourSupply(string RegionCode, string Month, int Seekers, IReadOnlyList<OccupationSupply> Occupations,
    IReadOnlyList<KeyGroupPlacements> PlacementsByKeyGroup, IReadOnlyList<LongUnplaced> LongUnplaced, string Scheme = "national", string Level = "occupation");

/// <summary>
/// Seekers registered in the month who look for one occupation: the report's group of their 细类 (the service's ReportGrouping:
/// a 职业分类大典 code at the level asked, or an ESCO occupation or ISCO unit group); null: no 细类 could be found for what they seek.
/// </summary>
public sealed record OccupationSupply(string? OccupationCode, string? OccupationName, string? OccupationNameEn, int Seekers);

/// <summary>Seekers placed in the month, per key group that applies to them ("none" for seekers in no key group).</summary>
public sealed record KeyGroupPlacements(string KeyGroup, int Placements);

/// <summary>An early warning: seekers of a key group in a banner or county, registered over six months ago and still not placed.</summary>
public sealed record LongUnplaced(string KeyGroup, string RegionCode, int Seekers);
