namespace NatoBriefBot.Core.Answering.Selection;

/// <summary>One training question: its candidates' features, which of them answer it, and whether it is answerable at all.</summary>
/// <param name="Answerable">False for questions the briefings don't answer: the bot should abstain on them.</param>
public sealed record TrainingQuestion(string Id, bool Answerable, IReadOnlyList<double[]> Features, IReadOnlyList<bool> Labels);

/// <summary>
/// Fits the answer model: L2-regularized logistic regression (Newton's method) on every candidate sentence of the
/// training questions (those of unanswerable questions are all negatives), then the abstention threshold that gets the most training questions right
/// (answerable: best sentence right and above it; unanswerable: best sentence below it).
/// </summary>
public static class AnswerModelTrainer
{
    /// <summary>Regularization strength: keeps weights small where the training questions say little.</summary>
    public const double L2 = 1.0;

    public static AnswerModel Fit(IReadOnlyList<TrainingQuestion> questions, AnswerModelProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(provenance);
        var rows = new List<double[]>();
        var labels = new List<bool>();
        // Every candidate of an unanswerable question is a negative example too: that is what teaches the model when the
        // best available sentence still does not answer, and so where to abstain.
        foreach (var q in questions.Where(q => !q.Answerable || q.Labels.Any(l => l)))
        {
            rows.AddRange(q.Features);
            labels.AddRange(q.Labels);
        }

        if (rows.Count == 0 || !labels.Contains(true) || !labels.Contains(false))
        {
            throw new BriefBotException("The training questions gave no answer sentences to learn from. Check the question files and that the index holds their briefings.");
        }

        var weights = Newton(rows, labels, L2);
        var model = new AnswerModel(AnswerFeatures.Names, weights, 0.5);
        var (threshold, fit) = ChooseThreshold(questions, model);
        return new AnswerModel(AnswerFeatures.Names, weights, threshold, provenance with
        {
            Questions = questions.Count,
            Candidates = rows.Count,
            Positives = labels.Count(l => l),
            TrainFit = fit,
        });
    }

    /// <summary>Newton-Raphson on the L2-penalized log-likelihood (the bias is not penalized).</summary>
    internal static double[] Newton(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2, int iterations = 50)
    {
        var d = x[0].Length;
        var w = new double[d];
        for (var it = 0; it < iterations; it++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (var i = 0; i < x.Count; i++)
            {
                var row = x[i];
                var z = 0.0;
                for (var j = 0; j < d; j++)
                {
                    z += w[j] * row[j];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var error = p - (y[i] ? 1 : 0);
                var s = Math.Max(p * (1 - p), 1e-9);
                for (var j = 0; j < d; j++)
                {
                    gradient[j] += error * row[j];
                    for (var k = 0; k <= j; k++)
                    {
                        hessian[j, k] += s * row[j] * row[k];
                    }
                }
            }

            for (var j = 0; j < d; j++)
            {
                for (var k = 0; k < j; k++)
                {
                    hessian[k, j] = hessian[j, k];
                }

                if (j > 0)
                {
                    gradient[j] += l2 * w[j];
                    hessian[j, j] += l2;
                }
                else
                {
                    hessian[j, j] += 1e-6;
                }
            }

            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var j = 0; j < d; j++)
            {
                w[j] -= step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }

            if (change < 1e-8)
            {
                break;
            }
        }

        return w;
    }

    /// <summary>The threshold on the best sentence's probability that gets the most training questions right.</summary>
    internal static (double Threshold, string Fit) ChooseThreshold(IReadOnlyList<TrainingQuestion> questions, AnswerModel model)
    {
        var tops = questions.Select(q =>
        {
            var best = -1;
            var bestP = 0.0;
            for (var i = 0; i < q.Features.Count; i++)
            {
                var p = model.Probability(q.Features[i]);
                if (p > bestP)
                {
                    bestP = p;
                    best = i;
                }
            }

            return (q.Answerable, Right: best >= 0 && q.Labels[best], P: bestP);
        }).ToList();

        var answerable = tops.Count(t => t.Answerable);
        var negatives = tops.Count - answerable;
        var candidates = tops.Select(t => t.P).Append(0).Append(1).Distinct().Order().ToList();
        var bestThreshold = 0.5;
        var bestScore = double.MinValue;
        for (var i = 0; i < candidates.Count; i++)
        {
            // Midpoints between observed probabilities, so the threshold does not sit on one question's exact value.
            var t = i + 1 < candidates.Count ? (candidates[i] + candidates[i + 1]) / 2 : candidates[i];
            var right = tops.Count(x => x.Answerable ? x.Right && x.P >= t : x.P < t);
            if (right > bestScore)
            {
                bestScore = right;
                bestThreshold = t;
            }
        }

        var answeredRight = tops.Count(x => x.Answerable && x.Right && x.P >= bestThreshold);
        var abstained = tops.Count(x => !x.Answerable && x.P < bestThreshold);
        var fit = FormattableString.Invariant($"threshold {bestThreshold:0.###}: answerable right {answeredRight}/{answerable}, unanswerable abstained {abstained}/{negatives}");
        return (bestThreshold, fit);
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }

                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            var diag = m[col, col];
            if (Math.Abs(diag) < 1e-12)
            {
                continue;
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var factor = m[r, col] / diag;
                for (var k = col; k < n; k++)
                {
                    m[r, k] -= factor * m[col, k];
                }

                x[r] -= factor * x[col];
            }
        }

        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Abs(m[i, i]) < 1e-12 ? 0 : x[i] / m[i, i];
        }

        return x;
    }
}
