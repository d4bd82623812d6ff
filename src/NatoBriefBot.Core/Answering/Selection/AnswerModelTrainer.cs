namespace NatoBriefBot.Core.Answering.Selection;

/// <summary>One training question: its candidates' features, which of them answer it, and whether it is answerable at all.</summary>
/// <param name="Answerable">False for questions the briefings don't answer: the bot should abstain on them.</param>
/// <param name="Question">Per candidate, the question-level gate inputs (<see cref="AnswerFeatures.QuestionNames"/>).</param>
/// <param name="InPool">Per candidate, whether the policy would answer from it (the question's period and recency
/// narrow the pool); all when not given.</param>
public sealed record TrainingQuestion(
    string Id,
    bool Answerable,
    IReadOnlyList<double[]> Features,
    IReadOnlyList<bool> Labels,
    IReadOnlyList<double[]>? Question = null,
    IReadOnlyList<bool>? InPool = null)
{
    /// <summary>The question as asked (resolved, for a follow-up) and each candidate's text: for reading misses.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<string>? Sentences { get; init; }

    /// <summary>Per candidate, the index of the first candidate with (nearly) the same text: the gate's runner-up is the
    /// best candidate saying something else.</summary>
    public IReadOnlyList<int>? Twins { get; init; }

    /// <summary>Per candidate, its briefing: supporting sentences come from the best one's briefing.</summary>
    public IReadOnlyList<long>? Briefings { get; init; }

    /// <summary>Per candidate, whether it lacks the kind of fact the question asks for (<see cref="AnswerDecision.LacksAttribute"/>):
    /// the policy then answers from a likely sentence of the same briefing that has it, or not at all.</summary>
    public IReadOnlyList<bool>? LacksAttribute { get; init; }

    /// <summary>Most sentences the answer quotes, and the share of the best sentence's probability a supporting one needs
    /// (<see cref="AnsweringOptions.MaxSentences"/>, <see cref="AnsweringOptions.ExtraSentenceRatio"/>): the answer is
    /// right when any sentence it quotes is. One sentence when not given.</summary>
    public (int MaxSentences, double Ratio) Shape { get; init; } = (1, 1);

    /// <summary>The policy refuses the question before the gate is asked (a name no briefing has, a period none covers):
    /// it is a refusal whatever the model says, so it is not a row the gate learns from.</summary>
    public bool RefusedBeforeGate { get; init; }
}

/// <summary>
/// Fits the answer model. Stage one: L2-regularized logistic regression (Newton's method) on every candidate sentence of
/// the training questions (those of unanswerable questions are all negatives). Stage two, the answer gate: a logistic
/// regression on one row per question — the best candidate's gate inputs, labelled by whether that candidate is a right
/// answer — then the gate threshold that gets the most training questions right (answerable: best sentence right and
/// gate above it; unanswerable: gate below it).
/// </summary>
public static class AnswerModelTrainer
{
    /// <summary>Regularization strength: keeps weights small where the training questions say little.</summary>
    public const double L2 = 1.0;

    /// <summary>Fits the ranking and the gate, choosing their strengths and shapes by cross-validation over
    /// <paramref name="search"/>'s grids (the full search unless given).</summary>
    public static AnswerModel Fit(IReadOnlyList<TrainingQuestion> questions, AnswerModelProvenance provenance, TrainingSearch? search = null)
    {
        search ??= TrainingSearch.Full;
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

        // Two ways to fit the ranking: each sentence on its own (logistic), or the question's sentences against each other
        // (softmax, listwise), each with its L2 strength chosen by 5-fold cross-validation. The one whose answers hold a
        // right sentence for more held-out training questions is kept; listwise on a tie (it is fitted to the choice the
        // policy makes, one sentence among the question's).
        // (Boosted trees alone, as a ranking of their own, held fewer right answers out of fold than the logistic one: 724
        // against 732 of 880; as corrections of it they hold more.)
        var reachable = questions.Where(q => q.Answerable && q.Labels.Any(l => l)).ToList();
        var usable = questions.Where(q => !q.Answerable || q.Labels.Any(l => l)).ToList();
        var candidates = new List<(Func<IReadOnlyList<TrainingQuestion>, double, AnswerModel> Fit, IReadOnlyList<double> Grid)>();
        if (search.ListwiseL2.Count > 0)
        {
            candidates.Add((FitListwise, search.ListwiseL2));
        }

        candidates.Add((FitPointwise, search.PointwiseL2));
        var ranked = candidates.Select(c =>
        {
            var (l2, heldOutRight) = CrossValidatedL2(usable, c.Fit, c.Grid);
            var fitted = c.Fit(usable, l2);
            return (Model: fitted, L2: l2, HeldOut: heldOutRight, Right: reachable.Count(q => Best(q, fitted).Right));
        }).ToList();
        // A third: the logistic ranking with boosted trees fitted to what it gets wrong (their shape chosen the same way).
        var pointwiseL2 = ranked[^1].L2;
        AnswerModel FitCorrected(IReadOnlyList<TrainingQuestion> part, double shape) => Corrected(part, pointwiseL2, search.Corrections[(int)shape]);
        var (shapeIndex, correctedHeldOut) = CrossValidatedL2(usable, FitCorrected, [.. Enumerable.Range(0, search.Corrections.Count).Select(i => (double)i)]);
        var corrected = FitCorrected(usable, shapeIndex);
        ranked.Add((corrected, shapeIndex, correctedHeldOut, reachable.Count(q => Best(q, corrected).Right)));
        var chosen = ranked.MaxBy(r => r.HeldOut);
        var (model, l2, heldOut, rightFirst) = (chosen.Model, chosen.L2, chosen.HeldOut, chosen.Right);
        var weights = model.Weights;
        var (threshold, _) = ChooseThreshold(questions, model);

        // The gate learns from how the ranking does on questions it was not fitted on (five folds): on its own training
        // questions the ranking is surer and more often right than on new ones, and a gate fitted there would trust it too much.
        AnswerModel Refit(IReadOnlyList<TrainingQuestion> part) => model.Ranking == AnswerModel.Softmax ? FitListwise(part, l2)
            : model.RankingTrees is not null ? FitCorrected(part, l2) : FitPointwise(part, l2);
        var outOfFold = OutOfFold(questions.Where(q => !q.Answerable || q.Labels.Any(l => l)).ToList(), Refit)
            .Concat(questions.Where(q => q.Answerable && !q.Labels.Any(l => l)).Select(q => Top(q, model)))
            .ToList();
        var tops = outOfFold.Where(t => t.Inputs is not null).ToList();
        double[]? gate = null;
        var gateL2 = L2;
        IReadOnlyList<(bool Answerable, bool Right, double P)>? heldOutGate = null;
        if (tops.Any(t => t.Right) && tops.Any(t => !t.Right))
        {
            (gateL2, heldOutGate) = CrossValidatedGateL2(outOfFold, search.GateL2);
            gate = Newton([.. tops.Select(t => t.Inputs!)], [.. tops.Select(t => t.Right)], gateL2);
        }

        // The gate may also be boosted trees, which can weigh one input by another; they are kept only when they do better
        // on held-out questions than the linear gate.
        BoostedTrees? trees = null;
        var gateKind = FormattableString.Invariant($"linear gate, L2 {gateL2}");
        if (heldOutGate is not null && CrossValidatedGateTrees(outOfFold, search.GateTrees) is { HeldOut: not null } boosted &&
            BestThreshold(boosted.HeldOut).Utility > BestThreshold(heldOutGate).Utility)
        {
            trees = BoostedTrees.Fit([.. tops.Select(t => t.Inputs!)], [.. tops.Select(t => t.Right)], boosted.Settings);
            heldOutGate = boosted.HeldOut;
            gateKind = $"gate of {boosted.Settings}";
        }

        var staged = new AnswerModel(AnswerFeatures.Names, weights, threshold, null, gate, ranking: model.Ranking, rankingTrees: model.RankingTrees);
        var ranking = FormattableString.Invariant(
            $"{model.Ranking} ranking ({(model.RankingTrees is null ? $"L2 {l2}" : $"L2 {pointwiseL2}, corrected by {search.Corrections[(int)l2]}")} by 5-fold cross-validation): best sentence right in {rightFirst} of {reachable.Count} answerable questions that have a right candidate, {heldOut} held out ({string.Join(", ", ranked.Select(r => $"{r.Model.Ranking}{(r.Model.RankingTrees is null ? "" : " corrected by trees")} {r.HeldOut}"))} held out)");
        // The threshold is chosen on the gate's held-out probabilities too: on the rows it was fitted on, it is surer than on new ones.
        var heldOutRows = heldOutGate ?? [.. outOfFold.Select(t => (t.Answerable, t.Right, t.Inputs is null ? 0 : staged.GateProbability(t.Inputs)))];
        var heldOutRepeats = heldOutGate is null ? 1 : GateRepeats;
        var (gateThreshold, fit) = ChooseThreshold(heldOutRows, heldOutRepeats);
        fit = $"held out {fit} ({gateKind}, by 5-fold cross-validation repeated {GateRepeats} times)";
        var heldOutUtility = BestThreshold(heldOutRows).Utility;
        double? conversationThreshold = null;
        if (gate is not null && ByConversation(heldOutRows, outOfFold) is { } split)
        {
            // Follow-ups after a cited answer get a threshold of their own, chosen on their held-out rows; new questions keep
            // theirs, chosen on the rest. Kept when the two together do better held out than the one threshold for all.
            var (questionThreshold, questionFit) = ChooseThreshold(split.Questions, heldOutRepeats);
            var (turnThreshold, turnFit) = ChooseThreshold(split.Turns, heldOutRepeats);
            var splitUtility = BestThreshold(split.Questions).Utility + BestThreshold(split.Turns).Utility;
            fit += FormattableString.Invariant($"; new questions alone {questionFit}; follow-ups after a cited answer {turnFit}; ");
            if (splitUtility > heldOutUtility)
            {
                (gateThreshold, conversationThreshold, heldOutUtility) = (questionThreshold, turnThreshold, splitUtility);
                fit += FormattableString.Invariant($"two thresholds kept (utility {splitUtility / heldOutRepeats:0.#} against {BestThreshold(heldOutRows).Utility / heldOutRepeats:0.#})");
            }
            else
            {
                fit += FormattableString.Invariant($"one threshold kept (two: utility {splitUtility / heldOutRepeats:0.#})");
            }
        }

        return new AnswerModel(AnswerFeatures.Names, weights, threshold, provenance with
        {
            Questions = questions.Count,
            Candidates = rows.Count,
            Positives = labels.Count(l => l),
            TrainFit = (search == TrainingSearch.Full ? string.Empty : "quick search: ") + fit + "; " + ranking,
            HeldOutUtility = heldOutUtility / heldOutRepeats,
            HeldOutRanking = heldOut,
        }, gate, gate is null ? threshold : gateThreshold, model.Ranking, trees, model.RankingTrees, conversationThreshold);
    }

    /// <summary>The fewest follow-ups (or new questions) a threshold of their own is chosen on.</summary>
    private const int MinThresholdGroup = 300;

    /// <summary>Held-out gate rows split into new questions and follow-ups after a cited answer (the rows repeat the
    /// out-of-fold questions once per cross-validation repetition, in order), or null when either part is too small.</summary>
    internal static (List<(bool Answerable, bool Right, double P)> Questions, List<(bool Answerable, bool Right, double P)> Turns)? ByConversation(
        IReadOnlyList<(bool Answerable, bool Right, double P)> heldOut,
        IReadOnlyList<(bool Answerable, bool Right, double P, double[]? Inputs)> outOfFold)
    {
        bool Turn(int row) => outOfFold[row % outOfFold.Count].Inputs is { } x && AnswerGate.InConversation(x);
        var turns = heldOut.Where((_, i) => Turn(i)).ToList();
        var questions = heldOut.Where((_, i) => !Turn(i)).ToList();
        var repeats = Math.Max(1, heldOut.Count / Math.Max(1, outOfFold.Count));
        return turns.Count / repeats < MinThresholdGroup || questions.Count / repeats < MinThresholdGroup ? null : (questions, turns);
    }

    /// <summary>Fits averaged into the gate (<see cref="TreeSettings.Bags"/>): a refit on a little more data moved a single
    /// fit's answers on about one training question in thirty, mostly back and forth.</summary>
    internal const int GateBags = 10;

    /// <summary>Each question's best candidate by a ranking fitted on the other four fifths of the questions.</summary>
    private static List<(bool Answerable, bool Right, double P, double[]? Inputs)> OutOfFold(IReadOnlyList<TrainingQuestion> questions, Func<IReadOnlyList<TrainingQuestion>, AnswerModel> fit)
    {
        const int Folds = 5;
        // The folds' fits are independent: they run side by side, and their rows are joined in fold order.
        var byFold = new List<(bool Answerable, bool Right, double P, double[]? Inputs)>[Folds];
        Parallel.For(0, Folds, fold =>
        {
            var model = fit([.. questions.Where((_, i) => i % Folds != fold)]);
            byFold[fold] = [.. questions.Where((_, i) => i % Folds == fold).Select(q => Top(q, model))];
        });
        return [.. byFold.SelectMany(rows => rows)];
    }


    /// <summary>The pointwise logistic ranking plus boosted trees fitted to its errors (starting from its log-odds).</summary>
    private static AnswerModel Corrected(IReadOnlyList<TrainingQuestion> questions, double l2, TreeSettings shape)
    {
        var linear = FitPointwise(questions, l2);
        var x = questions.SelectMany(q => q.Features).ToList();
        var trees = BoostedTrees.Fit(x, [.. questions.SelectMany(q => q.Labels)], shape, [.. x.Select(r => linear.Score(r))]);
        return new AnswerModel(AnswerFeatures.Names, linear.Weights, 0.5, rankingTrees: trees);
    }

    private static AnswerModel FitListwise(IReadOnlyList<TrainingQuestion> questions, double l2) =>
        new(AnswerFeatures.Names, Listwise([.. questions.Where(q => q.Answerable && q.Labels.Any(l => l))], l2), 0.5, ranking: AnswerModel.Softmax);

    private static AnswerModel FitPointwise(IReadOnlyList<TrainingQuestion> questions, double l2) =>
        new(AnswerFeatures.Names, Newton([.. questions.SelectMany(q => q.Features)], [.. questions.SelectMany(q => q.Labels)], l2), 0.5);

    /// <summary>The L2 strength whose answers hold a right sentence for the most held-out answerable questions, in five
    /// folds of the training questions (split by position, so the same for every run).</summary>
    internal static (double L2, int HeldOutRight) CrossValidatedL2(
        IReadOnlyList<TrainingQuestion> questions, Func<IReadOnlyList<TrainingQuestion>, double, AnswerModel> fit, IReadOnlyList<double> grid)
    {
        const int Folds = 5;
        var best = (L2: L2, Right: -1);
        foreach (var l2 in grid)
        {
            var rightByFold = new int[Folds];
            Parallel.For(0, Folds, fold =>
            {
                var model = fit([.. questions.Where((_, i) => i % Folds != fold)], l2);
                rightByFold[fold] = questions.Where((q, i) => i % Folds == fold && q.Answerable).Count(q => Best(q, model).Right);
            });
            var right = rightByFold.Sum();

            if (right > best.Right)
            {
                best = (l2, right);
            }
        }

        return best;
    }

    /// <summary>
    /// The conditional logit: for each question, the probability of its right sentences among all its candidates
    /// (softmax of the scores), maximized with an L2 penalty. Newton steps with the softmax covariance as the curvature
    /// (positive definite, so every step descends) and a backtracking line search. The bias cancels out and stays zero.
    /// </summary>
    internal static double[] Listwise(IReadOnlyList<TrainingQuestion> questions, double l2, int iterations = 100)
    {
        var groups = questions
            .Select(q => Enumerable.Range(0, q.Features.Count).Where(i => q.InPool is not { } pool || pool[i]).ToList() is var idx && idx.Any(i => q.Labels[i]) ? idx : [.. Enumerable.Range(0, q.Features.Count)])
            .Zip(questions, (idx, q) => (Rows: idx.Select(i => q.Features[i]).ToArray(), Right: idx.Select(i => q.Labels[i]).ToArray()))
            .Where(g => g.Right.Contains(true) && g.Right.Contains(false))
            .ToList();
        var d = AnswerFeatures.Names.Length;
        var w = new double[d];
        double Objective(double[] v)
        {
            var total = 0.0;
            for (var j = 1; j < d; j++)
            {
                total += 0.5 * l2 * v[j] * v[j];
            }

            foreach (var (rows, right) in groups)
            {
                var z = rows.Select(r => Dot(v, r)).ToArray();
                total += LogSumExp(z) - LogSumExp([.. z.Where((_, i) => right[i])]);
            }

            return total;
        }

        var current = Objective(w);
        for (var it = 0; it < iterations; it++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (var j = 1; j < d; j++)
            {
                gradient[j] = l2 * w[j];
                hessian[j, j] = l2;
            }

            hessian[0, 0] = 1;
            foreach (var (rows, right) in groups)
            {
                var all = Softmax([.. rows.Select(r => Dot(w, r))]);
                var pos = Softmax([.. rows.Select((r, i) => right[i] ? Dot(w, r) : double.NegativeInfinity)]);
                var meanAll = new double[d];
                var meanPos = new double[d];
                for (var i = 0; i < rows.Length; i++)
                {
                    for (var j = 0; j < d; j++)
                    {
                        meanAll[j] += all[i] * rows[i][j];
                        meanPos[j] += pos[i] * rows[i][j];
                    }
                }

                for (var j = 1; j < d; j++)
                {
                    gradient[j] += meanAll[j] - meanPos[j];
                }

                for (var i = 0; i < rows.Length; i++)
                {
                    for (var j = 1; j < d; j++)
                    {
                        var dj = rows[i][j] - meanAll[j];
                        for (var k = 1; k <= j; k++)
                        {
                            hessian[j, k] += all[i] * dj * (rows[i][k] - meanAll[k]);
                        }
                    }
                }
            }

            for (var j = 1; j < d; j++)
            {
                for (var k = 1; k < j; k++)
                {
                    hessian[k, j] = hessian[j, k];
                }
            }

            var step = Solve(hessian, gradient);
            var slope = step.Zip(gradient, (a, b) => a * b).Sum();
            var t = 1.0;
            var next = Move(w, step, t);
            var value = Objective(next);
            while (value > current - (1e-4 * t * slope) && t > 1e-6)
            {
                t /= 2;
                next = Move(w, step, t);
                value = Objective(next);
            }

            var change = w.Zip(next, (a, b) => Math.Abs(a - b)).Max();
            w = next;
            current = value;
            if (change < 1e-8)
            {
                break;
            }
        }

        return w;
    }

    private static double[] Move(double[] w, double[] step, double t) => [.. w.Select((v, j) => v - (t * step[j]))];

    private static double Dot(double[] w, double[] x)
    {
        var z = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            z += w[j] * x[j];
        }

        return z;
    }

    private static double LogSumExp(double[] z)
    {
        var max = z.Max();
        return max + Math.Log(z.Sum(v => Math.Exp(v - max)));
    }

    private static double[] Softmax(double[] z)
    {
        var max = z.Max();
        var e = z.Select(v => double.IsNegativeInfinity(v) ? 0 : Math.Exp(v - max)).ToArray();
        var sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }

    /// <summary>Training questions with a right candidate whose best-ranked sentence is wrong: the question, what was
    /// ranked first and the best-ranked right sentence, with their probabilities (for `train --misses`).</summary>
    public static IEnumerable<string> RankingMisses(IReadOnlyList<TrainingQuestion> questions, AnswerModel model)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(model);
        foreach (var q in questions.Where(q => q.Answerable && q.Labels.Any(l => l) && !Best(q, model).Right))
        {
            var p = model.Probabilities(q.Features);
            var order = Enumerable.Range(0, p.Length).Where(i => q.InPool is not { } pool || pool[i]).OrderByDescending(i => p[i]).ToList();
            var right = order.FindIndex(i => q.Labels[i]);
            string Say(int i) => FormattableString.Invariant($"{p[i]:0.000} {q.Sentences?[i]}");
            // (A question whose candidates all fall outside the pool, such as one about a period none of them is from, has no first.)
            var first = order.Count == 0 ? "none in the pool" : Say(order[0]);
            yield return $"{q.Id}: {q.Text}\n   first: {first}\n   right (#{right + 1}): {(right < 0 ? "not in the pool" : Say(order[right]))}";
        }

        foreach (var q in questions)
        {
            var top = Top(q, model);
            if (top.Inputs is { } inputs && (model.GateProbability(inputs) >= model.GateThresholdFor(inputs)) != top.Right && (!q.Answerable || top.Right))
            {
                var gate = string.Join(" ", AnswerGate.Names.Skip(1).Select((n, i) => FormattableString.Invariant($"{n}={inputs[i + 1]:0.##}")));
                var what = q.Answerable ? "right sentence stopped by the gate" : "unanswerable, passed by the gate";
                yield return FormattableString.Invariant($"{q.Id} ({what}, gate {model.GateProbability(inputs):0.000}): {q.Text}\n   {gate}");
            }
        }
    }

    /// <summary>What the gate sees of a question: <see cref="Best"/>, or nothing (no inputs, not right) when the policy
    /// refuses the question before asking the gate.</summary>
    internal static (bool Answerable, bool Right, double P, double[]? Inputs) Top(TrainingQuestion q, AnswerModel model) =>
        q.RefusedBeforeGate ? (q.Answerable, false, 0, null) : Best(q, model);

    /// <summary>The question's best candidate by the first stage, among those the policy would answer from: whether it is
    /// right, and its gate inputs (null when the question has no candidates).</summary>
    internal static (bool Answerable, bool Right, double P, double[]? Inputs) Best(TrainingQuestion q, AnswerModel model)
    {
        var probabilities = model.Probabilities(q.Features);
        var best = -1;
        var runnerUp = -1;
        for (var i = 0; i < q.Features.Count; i++)
        {
            if (q.InPool is { } pool && !pool[i])
            {
                continue;
            }

            if (best < 0 || probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return (q.Answerable, false, 0, null);
        }

        // As the policy does: a best sentence lacking the figure, date or name asked for gives way to a likely sentence of
        // its briefing that has it; without one, the policy does not answer, whatever the gate says.
        var displaced = -1;
        if (q.LacksAttribute is { } lacks && lacks[best])
        {
            var typed = -1;
            for (var i = 0; i < q.Features.Count; i++)
            {
                if (i != best && (q.InPool is not { } pool || pool[i]) && q.Features[i][TypeMatch] >= 1 &&
                    q.Briefings is { } briefings && briefings[i] == briefings[best] && probabilities[i] >= probabilities[best] * q.Shape.Ratio &&
                    (typed < 0 || probabilities[i] > probabilities[typed]))
                {
                    typed = i;
                }
            }

            if (typed < 0)
            {
                return (q.Answerable, false, 0, null);
            }

            (displaced, best) = (best, typed);
        }

        for (var i = 0; i < q.Features.Count; i++)
        {
            if (i != best && i != displaced && (q.InPool is not { } pool || pool[i]) &&
                !(q.Twins is { } twins && (twins[i] == twins[best] || (displaced >= 0 && twins[i] == twins[displaced]))) &&
                (runnerUp < 0 || probabilities[i] > probabilities[runnerUp]))
            {
                runnerUp = i;
            }
        }

        var right = q.Answerable && (q.Labels[best] || Supporting(q, probabilities, best).Any(i => q.Labels[i]));
        var score = model.Score(q.Features[best]);
        var runnerUpScore = runnerUp < 0 ? score - 4 : model.Score(q.Features[runnerUp]);
        var question = q.Question?[best] ?? new double[AnswerFeatures.QuestionNames.Length];
        return (q.Answerable, right, probabilities[best], AnswerGate.Inputs(q.Features[best], question, score, runnerUpScore));
    }

    private static readonly int Fragment = Array.IndexOf(AnswerFeatures.Names, "fragment");

    private static readonly int TypeMatch = Array.IndexOf(AnswerFeatures.Names, "type_match");

    /// <summary>The supporting sentences the policy would quote after the best one (as <see cref="AnswerPolicy"/> chooses
    /// them: in the pool, from the best one's briefing, likely enough, saying something else, whole sentences).</summary>
    private static IEnumerable<int> Supporting(TrainingQuestion q, double[] probabilities, int best)
    {
        if (q.Briefings is not { } briefings || q.Shape.MaxSentences <= 1)
        {
            return [];
        }

        return Enumerable.Range(0, probabilities.Length)
            .Where(i => i != best && (q.InPool is not { } pool || pool[i]) && briefings[i] == briefings[best] &&
                        !(q.Twins is { } twins && twins[i] == twins[best]) && probabilities[i] >= probabilities[best] * q.Shape.Ratio &&
                        q.Features[i][Fragment] == 0)
            .OrderByDescending(i => probabilities[i])
            .Take(q.Shape.MaxSentences - 1);
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
    internal static (double Threshold, string Fit) ChooseThreshold(IReadOnlyList<TrainingQuestion> questions, AnswerModel model) =>
        ChooseThreshold(questions.Select(q => Top(q, model)).Select(t => (t.Answerable, t.Right, t.P)).ToList());

    /// <summary>What a wrong answer (a wrong sentence, or an answer where the briefings have none) costs against a right
    /// answer or a right abstention (1) and an abstention on an answerable question (0). A confident wrong answer with a
    /// citation misleads the reader; a refusal quotes the closest sentence when there is one and sends them to look. It
    /// was 0.5 until refusals quoted. On 2,346 training questions held out (answerable right / unanswerable refused), and
    /// on the training dialogues' 680 turns (in sample): 0.5 gave 75.0 / 55.2 % and 71.8 %, 0.75 gives 73.7 / 57.0 % and
    /// 72.2 %, 1.0 gave 69.9 / 62.4 % and 68.1 %: a flat trade, 0.75 the best sum of the three.</summary>
    public const double WrongAnswerCost = 0.75;

    /// <summary>The threshold on a question-level probability with the best training utility: right answers and right
    /// abstentions count 1, wrong answers cost <see cref="WrongAnswerCost"/>.</summary>
    private static (double Threshold, string Fit) ChooseThreshold(IReadOnlyList<(bool Answerable, bool Right, double P)> tops, int repeats = 1)
    {
        var (bestThreshold, _) = BestThreshold(tops);
        // Held-out rows from repeated cross-validation hold each question once per repetition: counts are per question.
        string Count(int n) => FormattableString.Invariant($"{n / (double)repeats:0.#}");
        var answerable = tops.Count(t => t.Answerable);
        var negatives = tops.Count - answerable;
        var answeredRight = tops.Count(x => x.Answerable && x.Right && x.P >= bestThreshold);
        var abstained = tops.Count(x => !x.Answerable && x.P < bestThreshold);
        var wrong = tops.Count(x => x.P >= bestThreshold && !(x.Answerable && x.Right));
        var utility = (answeredRight + abstained - (WrongAnswerCost * wrong)) / repeats;
        var fit = FormattableString.Invariant($"threshold {bestThreshold:0.###}: answerable right {Count(answeredRight)}/{Count(answerable)}, unanswerable abstained {Count(abstained)}/{Count(negatives)}, wrong answers {Count(wrong)} (utility {utility:0.#})");
        return (bestThreshold, fit);
    }

    /// <summary>The threshold with the best utility, and that utility. Utility is read on a grid of thresholds (steps of
    /// 0.01) and averaged over a window of ±<see cref="ThresholdWindow"/>: near its best the curve is flat, and the raw
    /// maximum would jump between distant thresholds on the change of one or two questions.</summary>
    private static (double Threshold, double Utility) BestThreshold(IReadOnlyList<(bool Answerable, bool Right, double P)> tops)
    {
        const int Steps = 100;
        var utility = new double[Steps + 1];
        for (var k = 0; k <= Steps; k++)
        {
            var t = k / (double)Steps;
            utility[k] = tops.Sum(x => x.P < t ? (x.Answerable ? 0 : 1) : x.Answerable && x.Right ? 1 : -WrongAnswerCost);
        }

        var window = (int)Math.Round(ThresholdWindow * Steps);
        var bestThreshold = 0.5;
        var bestScore = double.MinValue;
        for (var k = 0; k <= Steps; k++)
        {
            var from = Math.Max(0, k - window);
            var to = Math.Min(Steps, k + window);
            var smoothed = 0.0;
            for (var j = from; j <= to; j++)
            {
                smoothed += utility[j];
            }

            smoothed /= to - from + 1;
            if (smoothed > bestScore)
            {
                bestScore = smoothed;
                bestThreshold = k / (double)Steps;
            }
        }

        return (bestThreshold, bestScore);
    }

    /// <summary>Half the width of the window the threshold's utility is averaged over.</summary>
    private const double ThresholdWindow = 0.05;

    /// <summary>The gate's L2 strength (of <paramref name="grid"/>, the full search's by default) with the best utility on
    /// held-out questions.</summary>
    internal static (double L2, IReadOnlyList<(bool Answerable, bool Right, double P)>? HeldOut) CrossValidatedGateL2(
        IReadOnlyList<(bool Answerable, bool Right, double P, double[]? Inputs)> rows, IReadOnlyList<double>? grid = null)
    {
        var (l2, held) = CrossValidatedGate(rows, grid ?? TrainingSearch.Full.GateL2, (x, y, l2) =>
        {
            var gate = new AnswerModel(AnswerFeatures.Names, new double[AnswerFeatures.Names.Length], 0.5, null, Newton(x, y, l2));
            return gate.GateProbability;
        });
        return (held is null ? L2 : l2, held);
    }

    /// <summary>The boosted gate's shape (of <paramref name="grid"/>, the full search's by default) with the best utility on
    /// held-out questions.</summary>
    internal static (TreeSettings Settings, IReadOnlyList<(bool Answerable, bool Right, double P)>? HeldOut) CrossValidatedGateTrees(
        IReadOnlyList<(bool Answerable, bool Right, double P, double[]? Inputs)> rows, IReadOnlyList<TreeSettings>? grid = null) =>
        CrossValidatedGate(rows, grid ?? TrainingSearch.Full.GateTrees, (x, y, settings) => BoostedTrees.Fit(x, y, settings).Probability);

    /// <summary>The setting of a gate with the best utility on held-out questions: five folds of the out-of-fold rows, the
    /// threshold chosen on the pooled held-out probabilities. No held-out probabilities when a fold has only one outcome.</summary>
    private static (T Setting, IReadOnlyList<(bool Answerable, bool Right, double P)>? HeldOut) CrossValidatedGate<T>(
        IReadOnlyList<(bool Answerable, bool Right, double P, double[]? Inputs)> rows,
        IReadOnlyList<T> grid,
        Func<IReadOnlyList<double[]>, IReadOnlyList<bool>, T, GateFunction> fit)
    {
        const int Folds = 5;
        // Each repetition splits the rows into folds differently (the first by position, the others by a fixed shuffle):
        // a gate's held-out utility from one split moves by several questions with which rows share a fold.
        var folds = Enumerable.Range(0, GateRepeats).Select(r => r == 0
            ? [.. Enumerable.Range(0, rows.Count).Select(i => i % Folds)]
            : Shuffled(rows.Count, r).Select(i => i % Folds).ToArray()).ToArray();
        var splits = Enumerable.Range(0, GateRepeats * Folds)
            .Select(s => (Repeat: s / Folds, Fold: s % Folds, Train: rows.Where((r, i) => folds[s / Folds][i] != s % Folds && r.Inputs is not null).ToList()))
            .ToList();
        if (splits.Any(s => !s.Train.Any(r => r.Right) || !s.Train.Any(r => !r.Right)))
        {
            return (grid[0], null);
        }

        var best = (Setting: grid[0], Utility: double.MinValue, HeldOut: (IReadOnlyList<(bool Answerable, bool Right, double P)>?)null);
        foreach (var setting in grid)
        {
            // Every split writes only its own held-out rows, so the splits' fits run side by side.
            var held = new (bool Answerable, bool Right, double P)[rows.Count * GateRepeats];
            Parallel.ForEach(splits, split =>
            {
                var gate = fit([.. split.Train.Select(r => r.Inputs!)], [.. split.Train.Select(r => r.Right)], setting);
                var fold = folds[split.Repeat];
                for (var i = 0; i < rows.Count; i++)
                {
                    if (fold[i] == split.Fold)
                    {
                        held[(split.Repeat * rows.Count) + i] = (rows[i].Answerable, rows[i].Right, rows[i].Inputs is { } x ? gate(x) : 0);
                    }
                }
            });

            var (_, utility) = BestThreshold(held);
            if (utility > best.Utility)
            {
                best = (setting, utility, held);
            }
        }

        return (best.Setting, best.HeldOut);
    }

    /// <summary>How many times the gate's cross-validation is repeated with different folds.</summary>
    internal const int GateRepeats = 3;

    /// <summary>0..count-1 in a fixed pseudo-random order (the same for every run with this seed).</summary>
    private static int[] Shuffled(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    private delegate double GateFunction(ReadOnlySpan<double> inputs);

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
