namespace JobMatch.Contracts.Responses.Matching;

/// <summary>A caseworker's area at a glance: who is looking, what is open, and how matching turns into work, week by week.</summary>
public sealed record AreaDashboard(
    string RegionCode,
    long Seekers,
    IReadOnlyList<CountBy> SeekersByKeyGroup,
    IReadOnlyList<CountBy> SeekersByCounty,
    IReadOnlyList<CountBy> OpenPostingsByCounty,
    IReadOnlyList<WeekCount> MatchesByWeek,
    IReadOnlyList<WeekCount> ApplicationsByWeek,
    IReadOnlyList<WeekCount> PlacementsByWeek);

public sealed record CountBy(string Key, long Count);

public sealed record WeekCount(DateOnly Week, long Count);
