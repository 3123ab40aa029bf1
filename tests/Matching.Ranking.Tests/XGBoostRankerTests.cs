using Matching.Ranking;

namespace Matching.Ranking.Tests;

public sealed class XGBoostRankerTests(TrainedModel model) : IClassFixture<TrainedModel>
{
    [Fact]
    public void Save_then_load_gives_identical_scores_and_ubj_bytes()
    {
        var bytes = model.Ranker.Save();
        using var loaded = XGBoostRanker.Load(bytes, "test-1-reloaded", SyntheticRanking.Columns);

        Assert.Equal((byte)'{', bytes[0]); // universal binary JSON opens an object; the deprecated binary format does not
        Assert.Equal(model.Ranker.Score(model.HeldOut), loaded.Score(model.HeldOut));
        Assert.Equal(bytes, loaded.Save());
        Assert.Equal("test-1-reloaded", loaded.Version);
        Assert.Equal(SyntheticRanking.Columns, loaded.Columns);
    }

    [Fact]
    public void Concurrent_scoring_from_8_threads_equals_sequential_scoring()
    {
        const int Threads = 8, Batch = 30, Repeats = 40;
        var data = model.HeldOut;
        var batches = data.Groups;
        var expected = new float[batches][];
        for (var b = 0; b < batches; b++)
        {
            expected[b] = new float[Batch];
            model.Ranker.Score(data.Features.AsSpan(b * Batch * data.Columns, Batch * data.Columns), Batch, expected[b]);
        }

        using var start = new Barrier(Threads);
        var mismatches = 0;
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var scores = new float[Batch];
            start.SignalAndWait();
            for (var i = 0; i < Repeats * batches / Threads; i++)
            {
                var b = (i * Threads + t) % batches; // the threads interleave over different batches
                model.Ranker.Score(data.Features.AsSpan(b * Batch * data.Columns, Batch * data.Columns), Batch, scores);
                if (!scores.AsSpan().SequenceEqual(expected[b]))
                    Interlocked.Increment(ref mismatches);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Scoring_with_wrong_lengths_throws_argument_exceptions()
    {
        var features = new float[3 * SyntheticRanking.Columns];

        Assert.Throws<ArgumentException>(() => model.Ranker.Score(features, 2, new float[3]));
        Assert.Throws<ArgumentException>(() => model.Ranker.Score(features.AsSpan(1), 3, new float[3]));
        Assert.Throws<ArgumentException>(() => model.Ranker.Score(features, 3, new float[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Ranker.Score(features, -1, new float[3]));
    }

    [Fact]
    public void Zero_rows_score_nothing_and_a_larger_buffer_keeps_its_tail()
    {
        model.Ranker.Score([], 0, []);
        var scores = new float[] { 0, 0, 0, 99 };
        model.Ranker.Score(model.HeldOut.Features.AsSpan(0, 3 * SyntheticRanking.Columns), 3, scores);

        Assert.Equal(99, scores[3]);
        Assert.NotEqual(0, scores[0]);
    }

    [Fact]
    public void Missing_features_are_nan_and_still_score()
    {
        var row = model.HeldOut.Features.AsSpan(0, SyntheticRanking.Columns).ToArray();
        row[0] = float.NaN;
        var score = new float[1];

        model.Ranker.Score(row, 1, score);

        Assert.True(float.IsFinite(score[0]));
    }

    [Fact]
    public void Loading_with_the_wrong_column_count_or_bad_bytes_is_refused()
    {
        var bytes = model.Ranker.Save();

        Assert.Throws<ArgumentException>(() => XGBoostRanker.Load(bytes, "v", SyntheticRanking.Columns + 1));
        Assert.Throws<ArgumentException>(() => XGBoostRanker.Load([], "v", SyntheticRanking.Columns));
        var error = Assert.Throws<XGBoostException>(() => XGBoostRanker.Load("not a model"u8.ToArray(), "v", SyntheticRanking.Columns));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void A_disposed_ranker_refuses_to_score()
    {
        var ranker = XGBoostRanker.Load(model.Ranker.Save(), "v", SyntheticRanking.Columns);
        ranker.Dispose();

        Assert.Throws<ObjectDisposedException>(() => ranker.Score(new float[SyntheticRanking.Columns], 1, new float[1]));
        Assert.Throws<ObjectDisposedException>(() => ranker.Save());
    }

    [Fact]
    public void Disposing_while_other_threads_score_never_gives_wrong_scores_only_object_disposed()
    {
        // A hot swap disposes the old model while requests may still hold it.
        var ranker = XGBoostRanker.Load(model.Ranker.Save(), "old", SyntheticRanking.Columns);
        var rows = model.HeldOut.Rows;
        var expected = model.Ranker.Score(model.HeldOut);
        var scored = 0;
        var wrong = 0;
        var otherErrors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        using var started = new CountdownEvent(4);
        var workers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            var scores = new float[rows];
            started.Signal();
            while (true)
            {
                try
                {
                    ranker.Score(model.HeldOut.Features, rows, scores);
                    Interlocked.Increment(ref scored);
                    if (!scores.AsSpan().SequenceEqual(expected))
                        Interlocked.Increment(ref wrong);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (Exception exception)
                {
                    otherErrors.Add(exception);
                    return;
                }
            }
        }) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        started.Wait();
        SpinWait.SpinUntil(() => Volatile.Read(ref scored) >= 8 || !otherErrors.IsEmpty);

        ranker.Dispose();

        // A guard against hanging the run, not a timing claim: every worker must see ObjectDisposedException and stop.
        Assert.All(workers, w => Assert.True(w.Join(TimeSpan.FromMinutes(2)), "a worker kept scoring after Dispose"));
        Assert.Empty(otherErrors);
        Assert.Equal(0, wrong);
    }

    [Fact]
    public void The_slot_reports_no_model_until_one_is_published()
    {
        var slot = new RankerSlot();
        Assert.False(slot.TryGet(out _));

        Assert.Null(slot.Publish(model.Ranker));
        Assert.True(slot.TryGet(out var current));
        Assert.Same(model.Ranker, current);
        Assert.Same(model.Ranker, slot.Publish(null));
        Assert.Null(slot.Current);
    }
}
