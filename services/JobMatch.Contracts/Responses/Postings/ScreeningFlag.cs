namespace JobMatch.Contracts.Responses.Postings;

/// <summary>One reason screening held a posting: the rule (e.g. "age.zh-limit"), its kind, and the words that matched, as written.</summary>
public sealed record ScreeningFlag(string Rule, string Kind, string MatchedText);
