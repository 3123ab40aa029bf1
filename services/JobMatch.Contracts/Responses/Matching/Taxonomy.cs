namespace JobMatch.Contracts.Responses.Matching;

/// <summary>A concept of the skill taxonomy (ESCO).</summary>
/// <param name="NationalCodes">Occupations: the 职业分类大典 细类 whose crosswalk names this ESCO occupation.</param>
public sealed record ConceptResponse(int Id, string Kind, string Label, string? LabelZh, string EscoUri, IReadOnlyList<string>? NationalCodes = null);

public sealed record NormalizedText(string Text, IReadOnlyList<ConceptResponse> Concepts);

/// <summary>A code of 职业分类大典 2022 with, for a 细类, its ISCO-08 unit group and ESCO occupations (the crosswalk).</summary>
/// <param name="Level">major-group (大类), middle-group (中类), minor-group (小类) or occupation (细类).</param>
/// <param name="NameEn">JobMatch's English name, not an official one.</param>
public sealed record NationalOccupationResponse(
    string Code, string Level, string Name, string NameEn, string? ParentCode, bool Green, bool Digital, string? IscoGroup,
    IReadOnlyList<ConceptResponse> EscoOccupations);

public sealed record NormalizedNationalText(string Text, IReadOnlyList<NationalOccupationResponse> Occupations);
