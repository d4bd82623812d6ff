using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Core.Answering.Selection;

/// <summary>Why the bot does not answer.</summary>
internal enum AbstainReason
{
    None,

    /// <summary>The question names something (a person, a place, a number) no briefing mentions.</summary>
    UnknownNames,

    /// <summary>The question names a period no briefing is from or talks about.</summary>
    PeriodUncovered,

    /// <summary>No sentence is likely enough to answer it.</summary>
    Weak,

    /// <summary>The best sentence is about the right thing but lacks the kind of fact asked for (a date, a number, an amount).</summary>
    AttributeMissing,
}

/// <summary>The one decision: answer (with which sentences) or abstain (and why).</summary>
internal sealed record AnswerDecision(AbstainReason Abstain, AnswerCandidate? Best, IReadOnlyList<AnswerCandidate> Chosen, IReadOnlyList<AnswerCandidate> Candidates)
{
    /// <summary>The answer gate's probability that the best sentence answers the question.</summary>
    public double GateProbability { get; init; }

    /// <summary>The threshold the gate's probability was held against (a follow-up's may differ from a new question's).</summary>
    public double? GateThreshold { get; init; }

    /// <summary>The answer gate's inputs for the best sentence, in <see cref="AnswerGate.Names"/> order (empty when the gate
    /// was not asked).</summary>
    public IReadOnlyList<double> GateInputs { get; init; } = [];

    /// <summary>Does the question ask for a kind of fact the sentence does not state? Only for the kinds of fact that are
    /// detected reliably (numbers, amounts, dates, a name asked for as such).</summary>
    internal static bool LacksAttribute(AnswerCandidate candidate, QueryAnalysis query) =>
        candidate.Features[TypeMissing] > 0 && candidate.Sentence.Info is not null &&
        (query.Type is QuestionType.When or QuestionType.HowMany or QuestionType.HowMuch or QuestionType.Who or QuestionType.Where or QuestionType.Nationality ||
         query.AsksForName || query.AsksWhoSomeoneIs);

    private static readonly int TypeMissing = Array.IndexOf(AnswerFeatures.Names, "type_missing");
}

/// <summary>
/// Whether to answer, and from which sentences: every composer (offline and LLM) goes through this one policy. Its
/// inputs are named: names and periods the briefings never mention (facts of the index), and the answer model's
/// probability for each candidate sentence against the model's fitted threshold.
/// </summary>
public sealed class AnswerPolicy(AnswerModel model, AnsweringOptions options)
{
    private static readonly int PeriodMissing = Array.IndexOf(AnswerFeatures.Names, "period_missing");
    private static readonly int NamesInSentence = Array.IndexOf(AnswerFeatures.Names, "names_in_sentence");
    private static readonly int NamesInBriefing = Array.IndexOf(AnswerFeatures.Names, "names_in_briefing");
    private static readonly int KeyTermMissing = Array.IndexOf(AnswerFeatures.QuestionNames, "key_term_missing");
    private static readonly int Lexical = Array.IndexOf(AnswerFeatures.Names, "lexical");
    private static readonly int TypeMatch = Array.IndexOf(AnswerFeatures.Names, "type_match");

    /// <summary>The "not in the briefings" answer when the policy abstains on this retrieval; null when it would answer.
    /// The LLM composer asks this before calling the model, so both composers abstain on the same questions.</summary>
    public Answer? Abstention(ComposeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Retrieval is not { } retrieval)
        {
            return null;
        }

        var decision = Decide(retrieval, retrieval.Scorer ?? new SentenceScorer(retrieval.Query, retrieval.TermWeights));
        return decision.Abstain == AbstainReason.None ? null : Refuse(request, retrieval, decision);
    }

    /// <summary>The reply for an abstention, saying why: the names or the period no briefing mentions, or just that none answers.</summary>
    internal static Answer Refuse(ComposeRequest request, RetrievalResult retrieval, AnswerDecision decision)
    {
        var query = retrieval.Query;
        string? names = null;
        if (decision.Abstain == AbstainReason.UnknownNames)
        {
            names = UnknownNames(query.Text, retrieval.UnknownSalient);
        }

        if (decision.Abstain == AbstainReason.AttributeMissing && decision.Best is { } closest)
        {
            var kind = query.AsksForName ? NotInBriefings.Kind(QuestionType.Who) : query.AsksWhoSomeoneIs ? "who that is" : NotInBriefings.Kind(query.Type);
            return NotInBriefings.Lacking(request.Question, request.Evidence, kind, closest.Evidence, ExtractiveAnswerComposer.BalanceQuotes(closest.Sentence.Text));
        }

        if (decision.Abstain == AbstainReason.Weak && decision.Best is { } near)
        {
            return NotInBriefings.Unsure(request.Question, request.Evidence, near.Evidence, ExtractiveAnswerComposer.BalanceQuotes(near.Sentence.Text));
        }

        var period = decision.Abstain == AbstainReason.PeriodUncovered ? query.DateText : null;
        return NotInBriefings.Create(request.Question, request.Evidence, names, period);
    }

    /// <summary>The briefing the answer to this retrieval would come from (its best sentence's), or null when the policy
    /// would not answer. Cheap: no composer, no LLM; used to check suggested questions before offering them.</summary>
    public string? AnswersFrom(RetrievalResult retrieval)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        var decision = Decide(retrieval, retrieval.Scorer ?? new SentenceScorer(retrieval.Query, retrieval.TermWeights));
        return decision.Abstain == AbstainReason.None ? decision.Best?.Evidence.Briefing.File : null;
    }

    /// <summary>How the policy decides on this retrieval, for `ask --explain`: the candidates the answer model ranks highest,
    /// the answer gate's probability against its threshold, and the decision ("answer" or "abstain: reason").</summary>
    public PolicyExplanation Explain(RetrievalResult retrieval, int count = 8)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        var decision = Decide(retrieval, retrieval.Scorer ?? new SentenceScorer(retrieval.Query, retrieval.TermWeights));
        var candidates = decision.Candidates.Take(count)
            .Select(c => new ExplainedCandidate(c.Probability, c.Score, c.Evidence.Briefing.File, c.Sentence.Text))
            .ToList();
        var verdict = decision.Abstain == AbstainReason.None ? "answer" : "abstain: " + decision.Abstain;
        var inputs = decision.GateInputs.Select((v, i) => new KeyValuePair<string, double>(AnswerGate.Names[i], v)).ToList();
        return new PolicyExplanation(candidates, decision.GateProbability, decision.GateThreshold ?? model.GateThreshold, verdict) { GateInputs = inputs };
    }

    /// <summary>The names no briefing mentions, as the user wrote them, a name of several words kept whole: “World Cup”,
    /// or “Macron” and “Canada”.</summary>
    internal static string? UnknownNames(string question, IReadOnlyList<string> unknown)
    {
        var tokens = Text.TermAnalyzer.Tokenize(question);
        var names = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!unknown.Contains(tokens[i].Term))
            {
                continue;
            }

            // Words next to each other in the question (only spaces between them) make one name.
            var end = i;
            while (end + 1 < tokens.Count && unknown.Contains(tokens[end + 1].Term) &&
                   string.IsNullOrWhiteSpace(question[(tokens[end].Start + tokens[end].Surface.Length)..tokens[end + 1].Start]))
            {
                end++;
            }

            names.Add(question[tokens[i].Start..(tokens[end].Start + tokens[end].Surface.Length)]);
            i = end;
        }

        var distinct = names.Distinct(StringComparer.OrdinalIgnoreCase).Select(n => $"\u201C{n}\u201D").ToList();
        return distinct.Count switch
        {
            0 => null,
            1 => distinct[0],
            _ => string.Join(", ", distinct[..^1]) + " or " + distinct[^1],
        };
    }

    /// <summary>Whether the question is refused whatever the candidates: it names something no briefing has, or a period
    /// none covers.</summary>
    internal static bool RefusesBeforeGate(RetrievalResult retrieval) => retrieval.UnknownSalient.Count > 0 || retrieval.PeriodUncovered;

    internal AnswerDecision Decide(RetrievalResult retrieval, SentenceScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        var candidates = AnswerFeatures.Extract(retrieval, scorer, options.EvidencePassages);
        model.Score(candidates);
        candidates.Sort((a, b) => b.Probability.CompareTo(a.Probability));
        if (retrieval.UnknownSalient.Count > 0)
        {
            return new AnswerDecision(AbstainReason.UnknownNames, null, [], candidates);
        }

        if (retrieval.PeriodUncovered)
        {
            return new AnswerDecision(AbstainReason.PeriodUncovered, null, [], candidates);
        }

        var pool = Pool(retrieval, candidates);
        var query = retrieval.Query;
        if (pool.Count == 0)
        {
            return new AnswerDecision(AbstainReason.Weak, null, [], candidates);
        }

        if (query.AsksForOverview && Overview(pool, retrieval) is { Count: > 0 } opening)
        {
            // "summarize the June 2024 meeting": the opening sentences of the briefing retrieval puts first, when it has the
            // question's names; the gate does not apply (no sentence "answers" a request for an overview).
            return new AnswerDecision(AbstainReason.None, opening[0], opening, candidates) { GateProbability = 1 };
        }

        AnswerCandidate? displaced = null;
        if (AnswerDecision.LacksAttribute(pool[0], query) &&
            pool.Skip(1).FirstOrDefault(c => c.Features[TypeMatch] >= 1 && c.Evidence.Briefing.Id == pool[0].Evidence.Briefing.Id &&
                c.Probability >= pool[0].Probability * options.ExtraSentenceRatio) is { } typed)
        {
            // The best sentence is about the thing but lacks the figure, date or name asked for, and a likely sentence of the
            // same briefing has it: that one is the answer the gate weighs, the best supports it (the trainer does the same).
            displaced = pool[0];
            pool.Remove(typed);
            pool.Insert(0, typed);
        }

        // The runner-up is the best sentence saying something else: not the answer's twin, nor the sentence it displaced.
        var runnerUp = pool.Skip(1).FirstOrDefault(c => c != displaced && !c.Sentence.IsNearDuplicateOf(pool[0].Sentence) &&
            (displaced is null || !c.Sentence.IsNearDuplicateOf(displaced.Sentence)));
        var gateInputs = AnswerGate.Inputs(pool[0].Features, pool[0].Question, pool[0].Score, runnerUp?.Score ?? pool[0].Score - 4);
        var gate = model.GateProbability(gateInputs);
        var gateThreshold = model.GateThresholdFor(gateInputs);
        if (gate < gateThreshold || AnswerDecision.LacksAttribute(pool[0], query))
        {
            // The closest sentence about the right thing (the question's names, most of its words): when it lacks the date
            // or figure asked for, say so and quote it, uncited.
            // (Not when the best sentence has that kind of fact: then the briefings may well give it, just not surely.)
            var onTopic = pool.FirstOrDefault(c => c.Features[NamesInSentence] >= 1 && c.Features[Lexical] >= 0.5);
            if (onTopic is not null && AnswerDecision.LacksAttribute(onTopic, query) && (pool[0] == onTopic || AnswerDecision.LacksAttribute(pool[0], query)))
            {
                return new AnswerDecision(AbstainReason.AttributeMissing, onTopic, [], candidates) { GateProbability = gate, GateThreshold = gateThreshold, GateInputs = gateInputs };
            }

            // Not sure enough to answer, but the best sentence is about the question's names and most of its words and the
            // gate is not far off: it is quoted, uncited, as the closest thing found, for the reader to judge.
            var closest = pool[0] == onTopic && gate >= gateThreshold * options.ClosestQuoteGateShare ? onTopic : null;
            return new AnswerDecision(AbstainReason.Weak, closest, [], candidates) { GateProbability = gate, GateThreshold = gateThreshold, GateInputs = gateInputs };
        }

        var best = pool[0];
        var chosen = new List<AnswerCandidate> { best };
        // "What were the three main topics?": a briefing often gives one a sentence ("Global partnerships will be the third
        // topic"), so the sentences that name the thing listed support the answer before others.
        foreach (var c in pool.Skip(1).OrderBy(c => query.ListedTerm is { } listed && NamesListed(c, listed, query) ? 0 : 1))
        {
            if (chosen.Count >= options.MaxSentences)
            {
                break;
            }

            // Supporting sentences: likely answers themselves, close to the best, from the same briefing, not the same text,
            // and whole sentences (not a headline or a list item).
            if (c.Probability >= best.Probability * options.ExtraSentenceRatio && c.Sentence.Info is { EndsLikeSentence: true } &&
                c.Evidence.Briefing.Id == best.Evidence.Briefing.Id && !chosen.Any(x => x.Sentence.Overlaps(c.Sentence) || x.Sentence.IsNearDuplicateOf(c.Sentence)))
            {
                chosen.Add(c);
            }
        }

        return new AnswerDecision(AbstainReason.None, best, chosen, candidates) { GateProbability = gate, GateThreshold = gateThreshold, GateInputs = gateInputs };
    }

    /// <summary>Does the sentence name the thing the question lists ("topic"), or a word for it?</summary>
    private static bool NamesListed(AnswerCandidate c, string listed, QueryAnalysis query) =>
        c.Sentence.Terms.Contains(listed) || (query.Alternatives.TryGetValue(listed, out var alts) && alts.Any(c.Sentence.Terms.Contains));

    /// <summary>The first whole sentences, in the briefing's order, of the top briefing among the candidates, when that
    /// briefing has every name the question gives and some of its words; empty otherwise.</summary>
    private List<AnswerCandidate> Overview(List<AnswerCandidate> pool, RetrievalResult retrieval)
    {
        if (retrieval.Evidence.Count == 0 || (retrieval.Query.CoreTerms.Count == 0 && retrieval.Query.Dates is null))
        {
            return [];
        }

        var top = retrieval.Evidence[0].Briefing.Id;
        var fromTop = pool.Where(c => c.Evidence.Briefing.Id == top && c.Sentence.Info is { EndsLikeSentence: true, Words: >= 6 }).ToList();
        // The briefing must be about what was asked: every name, and the question's most specific word.
        if (fromTop.Count == 0 || fromTop.Any(c => c.Features[NamesInBriefing] < 1 || c.Question[KeyTermMissing] > 0))
        {
            return [];
        }

        return [.. fromTop.OrderBy(c => c.Evidence.Passage.Start + c.Sentence.Start).Take(options.MaxSentences)];
    }

    /// <summary>The candidates the policy answers from, best first: "the latest meeting" or "who is the new …" narrow them
    /// to the briefing retrieval put first for its date; "in June 2023" to those of that period, that talk about it, or
    /// undated ones (when there are any). Text that talks to an assistant, and scraps of three words, are never evidence.</summary>
    internal static List<AnswerCandidate> Pool(RetrievalResult retrieval, IReadOnlyList<AnswerCandidate> candidates)
    {
        var pool = candidates.Where(c => c.Sentence.Info is not ({ Instruction: true } or { Words: < 4 })).ToList();
        var query = retrieval.Query;
        if ((query.Recency != Recency.None || query.PrefersNewest) && retrieval.Evidence.Count > 0)
        {
            var chosenBriefing = retrieval.Evidence[0].Briefing.Id;
            var fromIt = pool.Where(c => c.Evidence.Briefing.Id == chosenBriefing).ToList();
            if (fromIt.Count > 0)
            {
                pool = fromIt;
            }
        }

        if (query.Dates is not null && !query.DatesAreSoft)
        {
            // From the period, or from an undated briefing; when none of the evidence is from the period or talks about it,
            // nothing answers a question about it.
            pool = pool.Where(c => c.Features[PeriodMissing] == 0).ToList();
        }

        return pool;
    }
}

/// <summary>One candidate sentence as the answer model scored it.</summary>
public sealed record ExplainedCandidate(double Probability, double Score, string File, string Text);

/// <summary>What <see cref="AnswerPolicy.Explain"/> reports.</summary>
public sealed record PolicyExplanation(IReadOnlyList<ExplainedCandidate> Candidates, double Gate, double GateThreshold, string Decision)
{
    /// <summary>The gate's inputs for the best sentence by name, in the gate's column order (empty when it was not asked).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> GateInputs { get; init; } = [];
}
