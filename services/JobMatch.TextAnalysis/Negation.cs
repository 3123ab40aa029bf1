namespace JobMatch.TextAnalysis;

/// <summary>
/// The words that turn a clause around. A cue before its object ("不会开叉车", "无需经验", "no forklift experience")
/// reaches to the end of the clause; a cue after it ("经验不限", "学历不作要求") reaches back to the clause's start;
/// the cues that go either way (不限, 不需要 …) look back when something precedes them in the clause, else forward.
/// Clauses end at punctuation and at "but"/"但是", so "不会开叉车，会电焊" negates 叉车 and not 电焊.
/// </summary>
internal static class Negation
{
    public enum Cue { None, Forward, Backward, Either }

    private static readonly Dictionary<string, Cue> Cues = new(StringComparer.Ordinal)
    {
        ["不会"] = Cue.Forward, ["不能"] = Cue.Forward, ["不懂"] = Cue.Forward, ["不熟悉"] = Cue.Forward, ["不擅长"] = Cue.Forward,
        ["不善于"] = Cue.Forward, ["没有"] = Cue.Forward, ["没"] = Cue.Forward, ["无"] = Cue.Forward, ["无需"] = Cue.Forward,
        ["无须"] = Cue.Forward, ["未"] = Cue.Forward, ["未曾"] = Cue.Forward, ["从未"] = Cue.Forward, ["不具备"] = Cue.Forward,
        ["缺乏"] = Cue.Forward, ["免"] = Cue.Forward, ["无经验"] = Cue.Forward,
        ["不限"] = Cue.Either, ["不要求"] = Cue.Either, ["不需要"] = Cue.Either, ["不需"] = Cue.Either, ["不用"] = Cue.Either,
        ["不必"] = Cue.Either,
        ["非必须"] = Cue.Backward, ["不是必须"] = Cue.Backward, ["不作要求"] = Cue.Backward, ["不做要求"] = Cue.Backward,
        ["可无"] = Cue.Backward, ["经验不限"] = Cue.Backward, ["学历不限"] = Cue.Backward,
        ["no"] = Cue.Forward, ["not"] = Cue.Forward, ["without"] = Cue.Forward, ["never"] = Cue.Forward, ["cannot"] = Cue.Forward,
        ["can't"] = Cue.Forward, ["cant"] = Cue.Forward, ["don't"] = Cue.Forward, ["dont"] = Cue.Forward, ["doesn't"] = Cue.Forward,
        ["doesnt"] = Cue.Forward, ["isn't"] = Cue.Forward, ["won't"] = Cue.Forward, ["non"] = Cue.Forward, ["lack"] = Cue.Forward,
        ["lacking"] = Cue.Forward,
    };

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal) { "but", "however", "但", "但是", "可是", "不过" };

    public static Cue CueOf(string word) => Cues.GetValueOrDefault(word);

    public static bool EndsClause(string word) => ClauseWords.Contains(word);
}
