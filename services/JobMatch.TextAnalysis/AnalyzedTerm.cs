namespace JobMatch.TextAnalysis;

/// <summary>
/// One index term of analysed text, with where it came from in the clean text. <see cref="Negated"/>: the text says
/// the opposite of having or needing it ("不会开叉车", "无需经验", "no forklift experience"), so it must not count.
/// </summary>
public readonly record struct AnalyzedTerm(string Term, int Start, int End, bool Negated);
