namespace JobMatch.Contracts.Responses.Postings;

/// <summary>The kinds of post public employment services distinguish.</summary>
public enum EmploymentType
{
    FullTime,
    PartTime,
    /// <summary>见习: a subsidised traineeship for graduates and young people.</summary>
    Internship,
    /// <summary>公益性岗位: a publicly funded post for people with employment difficulties.</summary>
    PublicWelfare,
    /// <summary>基层岗位: a grassroots post (township, gacha, community).</summary>
    Grassroots,
}

/// <summary>Key groups an employer opts in to welcoming; seekers filter on them and caseworkers match with them.</summary>
public enum KeyGroup
{
    GraduateFriendly,
    VeteranPriority,
    DisabilityAccessible,
    AccommodationProvided,
    RuralFriendly,
}

/// <summary>The lowest education a posting requires.</summary>
public enum Education
{
    None,
    JuniorMiddle,
    SeniorHigh,
    Vocational,
    College,
    Bachelor,
    Master,
    Doctorate,
}
