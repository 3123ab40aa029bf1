using Matching.Evaluation;

namespace Matching.Tests.Evaluation;

public sealed class LogConverterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"evaluation-convert-{Guid.NewGuid():N}");

    public LogConverterTests() => Directory.CreateDirectory(directory);

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void A_plain_view_log_with_title_files_becomes_a_dataset_that_reads_back()
    {
        var views = Write("views.csv", "seeker,posting,time\ns1,p1,2026-03-01T08:00:00Z\ns1,p2,1772524800\ns2,p1,2026-03-05T09:30:00Z\n");
        var titles = Write("titles.csv", "posting,title\np1,\"Forklift Drivers Needed!!\"\np2,急招焊工若干名\n");
        var seekerTitles = Write("seekers.csv", "seeker,title\ns1,former welder\ns1,叉车司机\n");

        LogConverter.Convert(views, titles, seekerTitles).Write(Path.Combine(directory, "out"));
        var dataset = EvaluationDataset.Read(Path.Combine(directory, "out"));

        Assert.Equal(3, dataset.Interactions.Count);
        Assert.All(dataset.Interactions, i => Assert.Equal(("viewed", 1), (i.Kind, i.Grade)));
        Assert.Equal(new DateTime(2026, 3, 3, 8, 0, 0, DateTimeKind.Utc), dataset.Interactions[1].OccurredAt); // Unix seconds
        var forklift = Assert.Single(dataset.Postings, p => p.Snapshot.Title == "Forklift Drivers Needed!!");
        Assert.Equal(new DateTime(2026, 2, 28, 8, 0, 0, DateTimeKind.Utc), forklift.Snapshot.PublishedAt);
        Assert.Equal(new DateTime(2026, 3, 6, 9, 30, 0, DateTimeKind.Utc), forklift.Snapshot.ValidUntil);
        Assert.Equal(["former welder", "叉车司机"], dataset.Seekers.Single(s => s.Snapshot.DesiredOccupations.Length > 0).Snapshot.DesiredOccupations);
        Assert.Single(dataset.Seekers, s => s.Snapshot.DesiredOccupations.Length == 0);
        // Stable ids: converting again gives the same GUIDs.
        Assert.Equal(dataset.Postings.Select(p => p.Snapshot.PostingId).Order(),
            LogConverter.Convert(views, titles, seekerTitles).Postings.Select(p => p.Snapshot.PostingId).Order());
    }

    [Fact]
    public void A_viewed_posting_without_a_title_and_a_bad_time_are_named()
    {
        var titles = Write("titles.csv", "posting,title\np1,Welder\n");

        var untitled = Assert.Throws<DatasetException>(() => LogConverter.Convert(Write("views.csv", "seeker,posting,time\ns1,p9,2026-03-01T08:00:00Z\n"), titles, null));
        var badTime = Assert.Throws<DatasetException>(() => LogConverter.Convert(Write("views2.csv", "seeker,posting,time\ns1,p1,yesterday\n"), titles, null));

        Assert.Contains("p9", untitled.Message, StringComparison.Ordinal);
        Assert.Equal(("views2.csv", 2, "time"), (badTime.File, badTime.Line, badTime.Field));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
