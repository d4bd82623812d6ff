using System.Globalization;
using System.Text;
using NatoBriefBot.Core.Answering.Selection;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Answering;

/// <summary>
/// The offline default composer, no LLM: the answer policy picks the sentences (the answer model's probability over
/// lexical coverage, dense similarity, answer type, names, period and rank); the answer quotes them verbatim, the direct
/// answer first and at most two supporting sentences, each followed by its [n] marker, citing agreeing briefings too (a
/// bulleted list is quoted whole: its lead-in and items, <see cref="ListItems"/>).
/// When the policy abstains, it says why and names the closest briefings instead; when the closest sentence lacks the
/// date or figure asked for, it says that and quotes the sentence, uncited.
/// </summary>
public sealed partial class ExtractiveAnswerComposer(QueryAnalyzer analyzer, AnswerPolicy policy) : IAnswerComposer
{
    public Task<Answer> ComposeAsync(ComposeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var retrieval = request.Retrieval ?? Unretrieved(analyzer.Analyze(request.ResolvedQuestion), request.Evidence);
        var query = retrieval.Query;
        var scorer = retrieval.Scorer ?? new SentenceScorer(query, retrieval.TermWeights);
        var decision = policy.Decide(retrieval, scorer);
        if (decision.Abstain != AbstainReason.None)
        {
            return Task.FromResult(AnswerPolicy.Refuse(request, retrieval, decision));
        }

        var chosen = ListItems.Complete(Ordered(decision, query), scorer, request.Evidence);
        var candidates = decision.Candidates.Select(c => c.Sentence).ToList();
        var citations = new CitationList();
        var text = new StringBuilder(Lead(query, decision.Best!.Evidence));
        for (var i = 0; i < chosen.Count; i++)
        {
            var sentence = chosen[i];
            if (text.Length > 0)
            {
                text.Append(i == 0 ? " " : ListItems.Separator(chosen[i - 1], sentence));
            }

            text.Append(NameThePronoun(BalanceQuotes(sentence.Text), sentence, chosen.Take(i)));
            text.Append(' ');
            foreach (var evidence in Agreeing(sentence, candidates, request.Evidence))
            {
                text.Append(CultureInfo.InvariantCulture, $"[{citations.Cite(evidence)}]");
            }
        }

        return Task.FromResult(new Answer(request.Question, AnswerOutcome.Answered, text.ToString().Trim(), citations.ToCitations()));
    }

    /// <summary>The direct answer first (after the sentence it refers back to, when it needs it to make sense), then the
    /// supporting sentences in the order the briefing tells them.</summary>
    private static List<ScoredSentence> Ordered(AnswerDecision decision, QueryAnalysis query)
    {
        var best = decision.Best!.Sentence;
        var result = new List<ScoredSentence>();
        // "Who said…" answered by "He added that…" or by a quotation that goes on: first the sentence that names the speaker.
        if (best.Speaker is { } speaker && (query.Type == QuestionType.Who || query.AsksForName))
        {
            result.Add(speaker);
        }

        // "This level of support…" needs the sentence before it; "He added that…" only when the question asks who. "The
        // Norwegian is due to…" comes first with the person named in brackets (see NameThePronoun), then the sentence before
        // it: what it says of the person often answers too.
        var described = query.Type != QuestionType.Who && DescribedPerson(best) is not null;
        if (best.RefersBack && best.Previous is { } previous && !result.Contains(previous) && !described &&
            (query.Type == QuestionType.Who || !PersonPronounStart().IsMatch(best.Text)))
        {
            result.Add(previous);
        }

        result.Add(best);
        if (described && best.Previous is { } before && !result.Contains(before))
        {
            result.Add(before);
        }

        foreach (var c in decision.Chosen.Skip(1).Select(c => c.Sentence).OrderBy(c => c.Evidence.Passage.Start + c.Start))
        {
            if (!result.Any(r => r.Overlaps(c)))
            {
                result.Add(c);
            }
        }

        return result;
    }

    /// <summary>A question composed without retrieval (a test, a caller with its own evidence): no index statistics.</summary>
    private static RetrievalResult Unretrieved(QueryAnalysis query, IReadOnlyList<Evidence> evidence) =>
        new(query, evidence, query.Terms.Concat(query.Salient).Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => 1.0, StringComparer.Ordinal), []);

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

    /// <summary>
    /// "He noted that this would be the first ministerial…" quoted alone does not say who "he" is. When the sentence reports
    /// someone's words and the answer has not already shown the sentence that names the speaker, the speaker's name goes in
    /// square brackets after the pronoun, as an editor marks an insertion ("He [Mark Rutte] noted…"): the person the passage
    /// last names as saying something (<see cref="Speakers.Of"/>), not merely the last person named, who is often someone
    /// else ("Reznikov will join the meeting. He said…" is the Secretary General speaking). Otherwise the text is unchanged.
    /// </summary>
    internal static string NameThePronoun(string text, ScoredSentence sentence, IEnumerable<ScoredSentence> shownBefore)
    {
        if (shownBefore.Any(s => s.Evidence.Briefing.Id == sentence.Evidence.Briefing.Id &&
            s.Evidence.Passage.Start + s.Start < sentence.Evidence.Passage.Start + sentence.Start))
        {
            return text;
        }

        // "The Norwegian is due to step down…": the person the words describe.
        if (DescribedPerson(sentence) is { } described && text.StartsWith(sentence.Text[..described.Length], StringComparison.Ordinal))
        {
            return $"{text[..described.Length]} [{described.Name}]{text[described.Length..]}";
        }

        var pronoun = SubjectPronoun().Match(text) is { Success: true } m ? m.Groups["pronoun"] : null;
        if (pronoun is null)
        {
            return text;
        }

        var (sentences, offset) = SentenceScorer.SentencesWithLead(sentence.Evidence.Passage);
        var at = offset + sentence.Index;
        if (at >= sentences.Count || sentences[at] != sentence.Text || !Speakers.Reports(sentence.Text) ||
            Speakers.Of(sentences, at) is not { } speaker || speaker.Split(' ').Any(w => text.Contains(w, StringComparison.Ordinal)))
        {
            return text;
        }

        var end = pronoun.Index + pronoun.Length;
        return $"{text[..end]} [{speaker}]{text[end..]}";
    }

    /// <summary>Sentences back, within the passage, where the person a sentence describes may be named.</summary>
    private const int DescribedPersonBack = 3;

    /// <summary>"The Norwegian is due to step down…", "The 64-year-old said…": the opening words that describe a person
    /// (<see cref="SentenceScorer.DescribedPersonLength"/>) and the person the passage last names before the sentence, at
    /// most <see cref="DescribedPersonBack"/> sentences back; null when the sentence does not open so or no one is named.</summary>
    private static (int Length, string Name)? DescribedPerson(ScoredSentence sentence)
    {
        var length = SentenceScorer.DescribedPersonLength(sentence.Text);
        if (length == 0)
        {
            return null;
        }

        var sentences = SentenceScorer.Sentences(sentence.Evidence.Passage).Select(s => s.Text).ToList();
        if (sentence.Index >= sentences.Count || sentences[sentence.Index] != sentence.Text)
        {
            return null;
        }

        for (var i = sentence.Index - 1; i >= Math.Max(0, sentence.Index - DescribedPersonBack); i--)
        {
            if (SentenceFeatures.People(sentences[i]).LastOrDefault(Speakers.IsPerson) is { } name)
            {
                return (length, name);
            }
        }

        return null;
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
            // No date of its own, but its events are dated by another briefing: a question about a period or a date says
            // which period the answer comes from, and that the date is inferred.
            return top.Briefing.EventDate is { } events && (query.Dates is not null || query.Type == QuestionType.When)
                ? $"From a briefing with no date ({NotInBriefings.AboutEventsOf(events)}):"
                : string.Empty;
        }

        var when = date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        if (query.Recency == Recency.Latest)
        {
            return $"The most recent briefing ({when}, \u201C{top.Briefing.Title}\u201D) says:";
        }

        if (query.PrefersNewest)
        {
            // "now", "today": the briefings can't speak for today; say how recent the answer is.
            return $"As of the briefing of {when} (the briefings don't cover later events):";
        }

        return query.Dates is not null || query.Type == QuestionType.When ? $"From the briefing of {when}:" : string.Empty;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:He|She|They)\b")]
    private static partial System.Text.RegularExpressions.Regex PersonPronounStart();

    /// <summary>"He"/"She" as the sentence's subject: its first word, or the first after a short opening phrase ("At the
    /// same time, he added that…", "In Brussels on Monday, she said…").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[A-Z][^,""\u201C\u201D]{0,40},\s+)?(?<pronoun>[Hh]e|[Ss]he)\b")]
    private static partial System.Text.RegularExpressions.Regex SubjectPronoun();
}
