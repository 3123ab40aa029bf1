using JobMatch.TextAnalysis;
using Xunit.Abstractions;

namespace JobMatch.TextAnalysis.Tests;

/// <summary>
/// 55 phrases of Chinese job ads with the words a reader finds in them (Data/segmentation-gold.tsv): the share the
/// analyser produces as terms. The segmenter comparison in docs/decisions/050 was measured on this file.
/// </summary>
public class SegmentationGoldTests(ITestOutputHelper output)
{
    [Fact]
    public void Nine_in_ten_job_words_come_out_as_terms()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "segmentation-gold.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line.Split('\t')).ToList();
        int found = 0, total = 0;
        var missed = new List<string>();
        foreach (var fields in lines)
        {
            var terms = TextAnalyzer.Analyze(fields[0]).Select(term => term.Term).ToHashSet();
            foreach (var word in fields[1].Split(' '))
            {
                total++;
                if (terms.Contains(word)) found++;
                else missed.Add(word);
            }
        }
        output.WriteLine($"{found}/{total} gold words; missed: {string.Join(' ', missed)}");
        Assert.Equal(55, lines.Count);
        Assert.True(found >= 0.9 * total, $"{found}/{total}; missed: {string.Join(' ', missed)}");
    }
}
