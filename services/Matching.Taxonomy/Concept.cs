namespace Matching.Taxonomy;

public enum ConceptKind
{
    Occupation,
    Skill,
}

/// <summary>One ESCO occupation or skill/knowledge concept with our Chinese layer.</summary>
/// <param name="Id">Dense id, 0..Count-1: occupations first, then skills, each in ESCO URI order.</param>
/// <param name="IscoCode">Occupations: the ESCO code, e.g. "8344.1" (its first four digits are the ISCO-08 unit group).</param>
/// <param name="Label">English preferred label.</param>
/// <param name="LabelZh">Chinese label from Data/zh-*.tsv, when we have one.</param>
/// <param name="Sector">Our labour-market sector (Data/zh-*.tsv), e.g. "mining"; null when not assigned.</param>
public sealed record Concept(int Id, ConceptKind Kind, string EscoUri, string? IscoCode, string Label, string? LabelZh, string? Sector);

/// <summary>A military specialty (PLA / armed police) with the civilian ESCO occupations it prepares for.</summary>
public sealed record MilitaryOccupation(string Code, string NameZh, string NameEn, IReadOnlyList<int> CivilianOccupationIds);

/// <summary>A data file under Data/ is malformed or names an unknown concept; the message names file and line.</summary>
public sealed class TaxonomyDataException : Exception
{
    public TaxonomyDataException()
    {
    }

    public TaxonomyDataException(string message)
        : base(message)
    {
    }

    public TaxonomyDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
