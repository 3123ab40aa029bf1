namespace JobMatch.Contracts;

/// <summary>
/// Whether a posting's or profile's 职业分类大典 细类 was chosen by the person (kept until they choose another or none) or
/// derived by the service from the title or the occupations sought (derived again whenever those change).
/// </summary>
public enum NationalOccupationSource
{
    Chosen,
    Derived,
}
