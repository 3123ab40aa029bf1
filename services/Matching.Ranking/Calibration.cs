namespace Matching.Ranking;

/// <summary>
/// Platt scaling: the a, b of P(relevant | score) = logistic(a × score + b), fitted by Newton's method on the
/// training rows (relevant = grade above 0), with Platt's smoothed targets so a perfectly separated set stays finite.
/// </summary>
public static class Calibration
{
    public static (float A, float B) Fit(IReadOnlyList<float> scores, IReadOnlyList<float> labels, int iterations = 50)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count) throw new ArgumentException("One label per score.", nameof(labels));
        var positives = labels.Count(label => label > 0);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0) return (1, 0);
        double high = (positives + 1.0) / (positives + 2.0), low = 1.0 / (negatives + 2.0);
        // From "no information" (a = 0, the prior's log-odds), so the first steps cannot saturate the logistic.
        double a = 0, b = Math.Log((positives + 1.0) / (negatives + 1.0));
        var loss = Loss(scores, labels, a, b, high, low);
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (var i = 0; i < scores.Count; i++)
            {
                var p = 1 / (1 + Math.Exp(-(a * scores[i] + b)));
                var error = p - (labels[i] > 0 ? high : low);
                var weight = p * (1 - p);
                ga += error * scores[i];
                gb += error;
                haa += weight * scores[i] * scores[i];
                hab += weight * scores[i];
                hbb += weight;
            }
            var determinant = haa * hbb - hab * hab;
            if (Math.Abs(determinant) < 1e-12) break;
            var da = (hbb * ga - hab * gb) / determinant;
            var db = (haa * gb - hab * ga) / determinant;
            // Backtracking: halve the Newton step until the loss does not grow.
            var step = 1.0;
            while (step > 1e-6 && Loss(scores, labels, a - step * da, b - step * db, high, low) > loss) step /= 2;
            a -= step * da;
            b -= step * db;
            var next = Loss(scores, labels, a, b, high, low);
            if (loss - next < 1e-10) break;
            loss = next;
        }
        return double.IsFinite(a) && double.IsFinite(b) ? ((float)a, (float)b) : (1, 0);
    }

    private static double Loss(IReadOnlyList<float> scores, IReadOnlyList<float> labels, double a, double b, double high, double low)
    {
        double loss = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var z = a * scores[i] + b;
            var target = labels[i] > 0 ? high : low;
            // −[t log p + (1 − t) log(1 − p)] with log p = −log(1 + e^−z), written to stay finite for large |z|.
            loss += Math.Max(z, 0) - z * target + Math.Log(1 + Math.Exp(-Math.Abs(z)));
        }
        return loss;
    }
}
