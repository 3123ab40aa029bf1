using Matching.Api.ReadModel;

namespace Matching.Api.Matches;

public sealed record Match(PostingSnapshot Posting, double Score, MatchExplanation Explanation);
