using System.Reflection;
using JiebaNet.Segmenter;

namespace JobMatch.TextAnalysis;

/// <summary>
/// jieba.NET in search mode: every dictionary word of a run of Chinese characters, the long ones and the words inside
/// them (电焊工 → 电焊, 焊工, 电焊工), with offsets. Its dictionary is one per process: the job-ad words shipped here
/// (Data/job-words.txt) and any domain words a caller adds (the taxonomy's Chinese labels) join it once and stay.
/// Chosen over Lucene.Net's SmartCn by measurement (docs/decisions/050).
/// </summary>
internal static class ChineseSegmenter
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Added = new(StringComparer.Ordinal);
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Words found in one run of Chinese text: (word, start, end) relative to the run, longest first at a start.</summary>
    public static IEnumerable<(string Word, int Start, int End)> Words(string run) =>
        Segmenter.Value.Tokenize(run, TokenizerMode.Search).Select(token => (token.Word, token.StartIndex, token.EndIndex));

    /// <summary>Adds words to the one dictionary (idempotent; words of one character or without Chinese are ignored).</summary>
    public static void AddWords(IEnumerable<string> words)
    {
        var segmenter = Segmenter.Value;
        lock (Gate)
        {
            foreach (var word in words)
            {
                var trimmed = word.Trim();
                if (trimmed.Length < 2 || !trimmed.All(Script.IsCjk) || !Added.Add(trimmed)) continue;
                segmenter.AddWord(trimmed);
            }
        }
    }

    private static JiebaSegmenter Create()
    {
        // The dictionary and HMM tables are copied beside the assembly (the project file says which).
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        var segmenter = new JiebaSegmenter();
        foreach (var word in ShippedWords()) segmenter.AddWord(word);
        return segmenter;
    }

    private static IEnumerable<string> ShippedWords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("JobMatch.TextAnalysis.Data.job-words.txt")
            ?? throw new InvalidOperationException("JobMatch.TextAnalysis.Data.job-words.txt is not embedded");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length >= 2 && !word.StartsWith('#')) words.Add(word);
        }
        lock (Gate) Added.UnionWith(words);
        return words;
    }
}
