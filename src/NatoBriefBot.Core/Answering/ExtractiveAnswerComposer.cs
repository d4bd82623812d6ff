using System.Globalization;
using System.Text;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Answering;

/// <summary>
/// The offline default composer, no LLM: scores every sentence of the top passages against the question (weighted
/// term coverage, the answer type the question wants, the passage's rank), answers with the best one to three
/// sentences verbatim, each followed by its [n] marker, and cites agreeing briefings too. When the evidence is too
/// weak, or the question names something no briefing mentions, it says so and names the closest briefings instead.
/// </summary>
public sealed partial class ExtractiveAnswerComposer(QueryAnalyzer analyzer, AnsweringOptions options) : IAnswerComposer
{
    public Task<Answer> ComposeAsync(ComposeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Retrieval?.Query ?? analyzer.Analyze(request.ResolvedQuestion);
        var weights = request.Retrieval?.TermWeights ?? query.Terms.Distinct().ToDictionary(t => t, _ => 1.0);
        var unknown = request.Retrieval?.UnknownSalient ?? [];
        var scorer = request.Retrieval?.Scorer ?? new SentenceScorer(query, weights);
        var candidates = Deduplicate(scorer.Score(request.Evidence, options.EvidencePassages));
        if ((query.Recency != Recency.None || query.PrefersNewest) && request.Evidence.Count > 0)
        {
            // "the latest meeting", "who is the new ...": answer from the briefing retrieval put first for its date.
            var chosenBriefing = request.Evidence[0].Briefing.Id;
            var fromIt = candidates.Where(c => c.Evidence.Briefing.Id == chosenBriefing).ToList();
            if (fromIt.Count > 0)
            {
                candidates = fromIt;
            }
        }

        if (unknown.Count > 0 || candidates.Count == 0 ||
            !scorer.IsStrongEnough(candidates[0], request.Evidence, options.MinSentenceCoverage, options.MinPassageCoverage) ||
            !NamesWhatWasAsked(query, candidates[0], request.Evidence, request.Retrieval?.PeriodUncovered == true || OnlyUndatedFor(query, candidates[0], request.Evidence)))
        {
            var period = request.Retrieval?.PeriodUncovered == true ? query.DateText : null;
            return Task.FromResult(NotInBriefings.Create(request.Question, request.Evidence, unknown.Count > 0 ? UnknownNames(query, unknown) : null, period));
        }

        var chosen = Select(candidates, scorer);
        var citations = new CitationList();
        var text = new StringBuilder(Lead(query, chosen[0].Evidence));
        foreach (var sentence in chosen.OrderBy(c => c.Evidence.Briefing.Id == chosen[0].Evidence.Briefing.Id ? 0 : 1).ThenBy(c => c.Evidence.Briefing.Id).ThenBy(c => c.Evidence.Passage.Start + c.Start))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(BalanceQuotes(sentence.Text));
            text.Append(' ');
            foreach (var evidence in Agreeing(sentence, candidates, request.Evidence))
            {
                text.Append(CultureInfo.InvariantCulture, $"[{citations.Cite(evidence)}]");
            }
        }

        return Task.FromResult(new Answer(request.Question, AnswerOutcome.Answered, text.ToString().Trim(), citations.ToCitations()));
    }

    /// <summary>
    /// The answer must come from a briefing whose retrieved passages mention every name, number and year the question names (a question
    /// about "2030" or "London" is not answered by a passage about something else), and, when no briefing was
    /// published in the period the question names, the passage must mention that period itself.
    /// </summary>
    private static bool NamesWhatWasAsked(QueryAnalysis query, ScoredSentence best, IReadOnlyList<Evidence> evidence, bool periodUncovered)
    {
        var passage = TermAnalyzer.Terms(best.Evidence.Briefing.Title).ToHashSet(StringComparer.Ordinal);
        foreach (var e in evidence.Where(e => e.Briefing.Id == best.Evidence.Briefing.Id))
        {
            passage.UnionWith(SentenceScorer.PassageTerms(e.Passage));
        }

        if (!query.Salient.All(s => passage.Contains(s) || (query.Alternatives.TryGetValue(s, out var alts) && alts.Any(passage.Contains))))
        {
            return false;
        }

        return !periodUncovered || query.DateText is null || TermAnalyzer.Terms(query.DateText).All(passage.Contains);
    }

    /// <summary>The question names a period, the answer would come from an undated briefing, and none of the evidence is dated
    /// in that period: the undated passage must then mention the period itself.</summary>
    private static bool OnlyUndatedFor(QueryAnalysis query, ScoredSentence best, IReadOnlyList<Evidence> evidence) =>
        query.Dates is { } range && !query.DatesAreSoft && best.Evidence.Briefing.Published is null &&
        !evidence.Any(e => e.Briefing.Published is { } d && range.Contains(d));

    /// <summary>A sentence reached through two overlapping passages is kept once: where it has the sentence before it as context.</summary>
    private static List<ScoredSentence> Deduplicate(List<ScoredSentence> scored)
    {
        var kept = new List<ScoredSentence>(scored.Count);
        foreach (var sentence in scored)
        {
            var twin = kept.FindIndex(k => k.Overlaps(sentence));
            if (twin < 0)
            {
                kept.Add(sentence);
            }
            else if (kept[twin].Previous is null && sentence.Previous is not null)
            {
                kept[twin] = sentence with { Score = kept[twin].Score };
            }
        }

        return kept;
    }

    /// <summary>The best sentence, the sentence before it when it refers back ("this level of support"), and up to
    /// two more that cover what it leaves out.</summary>
    private List<ScoredSentence> Select(List<ScoredSentence> candidates, SentenceScorer scorer)
    {
        var best = candidates[0];
        var chosen = new List<ScoredSentence> { best };
        // "This level of support…" needs the sentence before it to make sense; "He added that…" only when the question
        // asks who.
        if (best.RefersBack && best.Previous is { } previous && (scorer.WantsPerson || !PersonPronounStart().IsMatch(best.Text)))
        {
            chosen.Add(previous);
        }

        var covered = new HashSet<string>(chosen.SelectMany(c => c.Covered), StringComparer.Ordinal);
        foreach (var candidate in candidates.Skip(1))
        {
            if (chosen.Count >= options.MaxSentences)
            {
                break;
            }

            var adds = candidate.Covered.Where(t => !covered.Contains(t)).ToList();
            var close = candidate.Score >= best.Score * (scorer.IsList ? options.ExtraSentenceRatio * 0.7 : options.ExtraSentenceRatio);
            var sameTopic = candidate.Evidence.Passage.BriefingId == best.Evidence.Passage.BriefingId;
            if (close && sameTopic && (adds.Count > 0 || scorer.IsList) && !chosen.Any(c => c.Overlaps(candidate)))
            {
                chosen.Add(candidate);
                covered.UnionWith(candidate.Covered);
            }
        }

        return chosen;
    }

    /// <summary>The evidence the sentence comes from, plus other briefings that carry the same sentence (among the scored
    /// sentences, or in the near-duplicate passages retrieval merged into this one).</summary>
    private static IEnumerable<Evidence> Agreeing(ScoredSentence sentence, List<ScoredSentence> all, IReadOnlyList<Evidence> evidence)
    {
        yield return sentence.Evidence;
        var seen = new HashSet<long> { sentence.Evidence.Briefing.Id };
        foreach (var other in all)
        {
            if (seen.Count >= 3)
            {
                yield break;
            }

            if (!seen.Contains(other.Evidence.Briefing.Id) && sentence.IsNearDuplicateOf(other))
            {
                seen.Add(other.Evidence.Briefing.Id);
                yield return other.Evidence;
            }
        }

        foreach (var also in evidence.SelectMany(e => e.AlsoIn))
        {
            if (seen.Count >= 3)
            {
                yield break;
            }

            if (!seen.Contains(also.Briefing.Id) && SentenceScorer.Sentences(also.Passage).Any(other => sentence.IsNearDuplicateOf(other.Terms)))
            {
                seen.Add(also.Briefing.Id);
                yield return also;
            }
        }
    }

    /// <summary>A sentence cut out of a longer quotation may open with a quote mark that never closes; drop a lone mark at
    /// either edge so the answer reads cleanly. Marks inside stay, so the answer remains a verbatim substring of the passage.</summary>
    internal static string BalanceQuotes(string sentence)
    {
        var s = sentence.Trim();
        if (s.Count(c => c == '"') % 2 == 1)
        {
            s = s.StartsWith('"') ? s[1..] : s.EndsWith('"') ? s[..^1] : s;
        }

        var open = s.Count(c => c == '\u201C');
        var close = s.Count(c => c == '\u201D');
        if (open > close && s.StartsWith('\u201C'))
        {
            s = s[1..];
        }
        else if (close > open && s.EndsWith('\u201D'))
        {
            s = s[..^1];
        }

        return s.Trim();
    }

    private static string Lead(QueryAnalysis query, Evidence top)
    {
        if (top.Briefing.Published is not { } date)
        {
            return string.Empty;
        }

        var when = date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        if (query.Recency == Recency.Latest)
        {
            return $"The most recent briefing ({when}, \u201C{top.Briefing.Title}\u201D) says:";
        }

        return query.Dates is not null || query.Type == QuestionType.When ? $"From the briefing of {when}:" : string.Empty;
    }

    private static string UnknownNames(QueryAnalysis query, IReadOnlyList<string> unknown)
    {
        var words = TermAnalyzer.Tokenize(query.Text).Where(t => unknown.Contains(t.Term)).Select(t => t.Surface).Distinct().ToList();
        return words.Count == 0 ? string.Empty : string.Join(", ", words);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:He|She|They)\b")]
    private static partial System.Text.RegularExpressions.Regex PersonPronounStart();
}
