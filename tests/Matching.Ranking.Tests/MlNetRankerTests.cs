using Matching.Ranking;

namespace Matching.Ranking.Tests;

public sealed class MlNetRankerTests(TrainedModel model) : IClassFixture<TrainedModel>
{
    [Theory]
    [InlineData(RankingTrainer.LightGbm)]
    [InlineData(RankingTrainer.FastTree)]
    public void Train_save_load_round_trip_gives_identical_scores(RankingTrainer trainer)
    {
        var trained = model.Of(trainer);
        var bytes = trained.Save();
        var loaded = MlNetRanker.Load(bytes, "test-1-reloaded", SyntheticRanking.Columns);

        Assert.Equal("PK"u8.ToArray(), bytes[..2]); // an ML.NET model is a zip
        Assert.Equal(trained.Score(model.HeldOut), loaded.Score(model.HeldOut));
        Assert.Equal(bytes, loaded.Save());
        Assert.Equal("test-1-reloaded", loaded.Version);
        Assert.Equal(SyntheticRanking.Columns, loaded.Columns);
    }

    [Theory]
    [InlineData(RankingTrainer.LightGbm)]
    [InlineData(RankingTrainer.FastTree)]
    public void Scoring_a_batch_equals_scoring_each_row_alone(RankingTrainer trainer)
    {
        var ranker = model.Of(trainer);
        var data = model.HeldOut;
        var batch = ranker.Score(data);
        var alone = new float[1];
        var distinct = new HashSet<float>();
        for (var r = 0; r < data.Rows; r++)
        {
            ranker.Score(data.Features.AsSpan(r * data.Columns, data.Columns), 1, alone);
            Assert.Equal(batch[r], alone[0]);
            distinct.Add(alone[0]);
        }
        Assert.True(distinct.Count > data.Rows / 10, "the model gives nearly every row the same score");
    }

    [Fact]
    public void Concurrent_scoring_from_8_threads_equals_sequential_scoring()
    {
        const int Threads = 8, Batch = 30, Repeats = 20;
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
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var scores = new float[Batch];
            start.SignalAndWait();
            try
            {
                for (var i = 0; i < Repeats * batches / Threads; i++)
                {
                    var b = (i * Threads + t) % batches; // the threads interleave over different batches
                    model.Ranker.Score(data.Features.AsSpan(b * Batch * data.Columns, Batch * data.Columns), Batch, scores);
                    if (!scores.AsSpan().SequenceEqual(expected[b]))
                        Interlocked.Increment(ref mismatches);
                }
            }
            catch (Exception exception)
            {
                errors.Add(exception);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Empty(errors);
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

    [Theory]
    [InlineData(RankingTrainer.LightGbm)]
    [InlineData(RankingTrainer.FastTree)]
    public void Missing_features_are_nan_and_still_score(RankingTrainer trainer)
    {
        var row = model.HeldOut.Features.AsSpan(0, SyntheticRanking.Columns).ToArray();
        row[0] = float.NaN;
        var score = new float[1];

        model.Of(trainer).Score(row, 1, score);

        Assert.True(float.IsFinite(score[0]));
    }

    [Fact]
    public void Loading_with_the_wrong_column_count_or_bad_bytes_is_refused()
    {
        var bytes = model.Ranker.Save();

        Assert.Throws<ArgumentException>(() => MlNetRanker.Load(bytes, "v", SyntheticRanking.Columns + 1));
        Assert.Throws<ArgumentException>(() => MlNetRanker.Load([], "v", SyntheticRanking.Columns));
        // What an XGBoost model stored before the move to ML.NET looks like: universal binary JSON.
        var error = Assert.Throws<InvalidDataException>(() => MlNetRanker.Load("{L\u0000\u0000\u0000\u0000learner"u8.ToArray(), "xgb", SyntheticRanking.Columns));
        Assert.Contains("xgb", error.Message, StringComparison.Ordinal);
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

public sealed class CalibrationTests(TrainedModel model) : IClassFixture<TrainedModel>
{
    [Fact]
    public void Relevance_rises_with_the_score_stays_in_0_1_and_matches_the_share_of_relevant_rows()
    {
        var scores = model.Ranker.Score(model.HeldOut);
        var relevance = scores.Select(model.Ranker.Relevance).ToArray();

        Assert.All(relevance, r => Assert.InRange(r, 0f, 1f));
        var ordered = scores.Select((score, i) => (score, relevance[i])).OrderBy(pair => pair.score).ToList();
        Assert.True(ordered.Zip(ordered.Skip(1)).All(pair => pair.First.Item2 <= pair.Second.Item2));
        // Calibrated: the mean predicted relevance is near the share of rows that really are relevant.
        var share = model.HeldOut.Labels.Count(label => label > 0) / (double)model.HeldOut.Rows;
        Assert.True(Math.Abs(share - relevance.Average()) < 0.05, $"share of relevant rows {share:F3}, mean relevance {relevance.Average():F3}");
    }

    [Fact]
    public void Platt_scaling_of_separable_scores_stays_finite_and_without_both_classes_is_the_identity()
    {
        var (a, b) = Calibration.Fit([-2f, -1f, 1f, 2f], [0f, 0f, 1f, 1f]);

        Assert.True(float.IsFinite(a) && float.IsFinite(b) && a > 0, $"{a}, {b}");
        Assert.Equal((1f, 0f), Calibration.Fit([1f, 2f], [0f, 0f]));
    }
}
