using System.Globalization;
using System.Text.RegularExpressions;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Answering;

/// <summary>
/// "Who said that?", "who gave those numbers", "when was that announced": a question about the previous answer's own
/// statement, not a new search. Its speaker is read from the cited passage (the person the sentence, or the sentence that
/// introduces its quotation, names as saying it); its date is the date of the briefing that reports it. The reply quotes
/// and cites the passage the previous answer cited.
/// </summary>
public static partial class StatementFollowUp
{
    /// <summary>The answer to a question about the previous answer's statement, or null when the question is not one, the
    /// previous turn has no cited answer, or the briefing does not say who spoke (then the question is searched as usual).
    /// <paramref name="briefingText"/> gives a cited briefing's whole text (the speaker is often named in an earlier passage).</summary>
    public static Answer? Answer(string question, IReadOnlyList<ConversationTurn> history, Func<string, string?> briefingText)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(briefingText);
        if (About(history) is not { } turn)
        {
            return null;
        }

        var previous = turn.Answer;

        var q = question.Trim();
        var who = WhoSaidRegex().IsMatch(q);
        if (!who && !WhenSaidRegex().IsMatch(q))
        {
            return null;
        }

        // The statement: of the sentences of the first cited briefing that the previous answer quotes, the one with most of
        // the words of the question it answered ("that" is the answer to it), the first quoted on a tie.
        var citation = previous.Citations[0];
        // (The citation's quote may join passages that do not touch: the whole text is read when the index has it.)
        var text = briefingText(citation.File) ?? citation.Quote;
        var spans = SentenceSplitter.Split(text);
        var sentences = spans.Select(s => ExtractiveAnswerComposer.BalanceQuotes(s.Of(text))).ToList();
        // (Not the title: an answer may name its briefing.)
        // (Nor the editor's insertions, "He [Jens Stoltenberg] added…": the briefing's sentence has none.)
        var said = EditorialInsertionRegex().Replace(previous.Text.Replace(citation.Title, " ", StringComparison.Ordinal), string.Empty);
        var asked = TermAnalyzer.Terms(turn.ResolvedQuestion).ToHashSet(StringComparer.Ordinal);
        var index = Enumerable.Range(0, sentences.Count)
            .Where(i => sentences[i].Length > 0 && sentences[i] != citation.Title && said.Contains(sentences[i], StringComparison.Ordinal))
            .OrderByDescending(i => TermAnalyzer.Terms(sentences[i]).Distinct(StringComparer.Ordinal).Count(asked.Contains))
            .ThenBy(i => said.IndexOf(sentences[i], StringComparison.Ordinal))
            .DefaultIfEmpty(-1).First();
        if (index < 0)
        {
            return null;
        }

        var statement = sentences[index];
        var source = NotInBriefings.Named(citation.Title, citation.Published);
        if (!who)
        {
            return citation.Published is { } date
                ? new Answer(question, AnswerOutcome.Answered,
                    $"The briefing of {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} reports it (\u201C{citation.Title}\u201D): {statement} [1]", [citation with { N = 1 }])
                : null;
        }

        return SpeakerReply(question, citation, text, spans, sentences, index, source);
    }

    /// <summary>
    /// "who said putin has to negotiate a just peace": a first question about who made a statement the briefings quote
    /// without naming its speaker in the same sentence ("We know that…" after "Stoltenberg said…"), which the search
    /// declined. The statement is the sentence of the retrieved briefings that has most of the question's words (at least
    /// <see cref="StatementShare"/> of them); its speaker is read as for a follow-up. Null when the question is not one of
    /// these or no such sentence or speaker is found.
    /// </summary>
    public static Answer? WhoSaid(string question, IEnumerable<Storage.StoredBriefing> briefings, Func<string, string?> briefingText)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(briefings);
        ArgumentNullException.ThrowIfNull(briefingText);
        var asked = WhoSaidStatementRegex().Match(question.Trim());
        if (!asked.Success)
        {
            return null;
        }

        var words = TermAnalyzer.Terms(asked.Groups["statement"].Value).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count < MinStatementWords)
        {
            return null;
        }

        (Storage.StoredBriefing Briefing, string Text, int Index, double Share)? best = null;
        foreach (var briefing in briefings)
        {
            if (briefingText(briefing.File) is not { } text)
            {
                continue;
            }

            var spans = SentenceSplitter.Split(text);
            for (var i = 0; i < spans.Count; i++)
            {
                var terms = TermAnalyzer.Terms(spans[i].Of(text)).ToHashSet(StringComparer.Ordinal);
                var share = words.Count(terms.Contains) / (double)words.Count;
                if (share >= StatementShare && share > (best?.Share ?? 0))
                {
                    best = (briefing, text, i, share);
                }
            }
        }

        if (best is not { } found)
        {
            return null;
        }

        var all = SentenceSplitter.Split(found.Text);
        var sentences = all.Select(x => ExtractiveAnswerComposer.BalanceQuotes(x.Of(found.Text))).ToList();
        var b = found.Briefing;
        var citation = new Citation(1, b.File, b.Title, b.Published, b.Publisher, b.Url, sentences[found.Index]);
        var source = NotInBriefings.Named(b.Title, b.Published);
        return SpeakerReply(question, citation, found.Text, all, sentences, found.Index, source);
    }

    /// <summary>Does the text name a person (not only a role such as "the secretary general")?</summary>
    public static bool NamesSomeone(string text) => SentenceFeatures.People(text ?? string.Empty).Any(Speakers.IsPerson);

    /// <summary>Share of a "who said…" question's words the statement's sentence must have.</summary>
    private const double StatementShare = 0.6;

    /// <summary>Fewest words a "who said…" question's statement must have to be looked up.</summary>
    private const int MinStatementWords = 3;

    /// <summary>"It was [speaker], in [briefing]: …", quoting from the sentence that names the speaker to the statement (the
    /// citation's passage is that stretch of text); null when the briefing does not say who spoke.</summary>
    private static Answer? SpeakerReply(string question, Citation citation, string text, IReadOnlyList<SentenceSpan> spans, List<string> sentences, int index, string source)
    {
        // The speaker is read from the sentences as written: their quotation marks say where a quotation runs on.
        if (Speakers.Of(spans.Select(x => x.Of(text)).ToList(), index) is not { } speaker)
        {
            return null;
        }

        var statement = sentences[index];
        var surname = speaker.Split(' ')[^1];
        var naming = sentences[index].Contains(surname, StringComparison.Ordinal) ? index
            : Enumerable.Range(0, index).LastOrDefault(i => sentences[i].Contains(surname, StringComparison.Ordinal), index);
        var quote = text[spans[naming].Start..spans[index].End];
        var answer = naming == index
            ? $"It was {speaker}, in {source}: {statement} [1]"
            : $"It was {speaker}, in {source}: {sentences[naming]} [1] \u2026 {statement} [1]";
        return new Answer(question, AnswerOutcome.Answered, answer, [citation with { N = 1, Quote = quote }]);
    }

    /// <summary>Does the question ask who said, or when, what the previous answer states ("who said that?", "when was that
    /// announced")?</summary>
    public static bool Asks(string question) => WhoSaidRegex().IsMatch(question.Trim()) || WhenSaidRegex().IsMatch(question.Trim());

    /// <summary>The turn such a question is about: the last answer with citations (a turn the bot declined quoted nothing
    /// to ask about). (Handing that turn's topic on to the turns after this one did worse on the training dialogues: 3 turns
    /// fewer right, all later questions the briefings don't answer.)</summary>
    private static ConversationTurn? About(IReadOnlyList<ConversationTurn> history) =>
        history.LastOrDefault(t => t.Answer is { Outcome: AnswerOutcome.Answered, Citations.Count: > 0 });

    // "who said that", "who gave those numbers", "and who announced it there?", "who said that, stoltenberg or rutte".
    [GeneratedRegex(@"^(?:(?:and|so|ok|okay|but)\s*,?\s+)?(?:who|whom)\s+(?:exactly\s+|actually\s+)?(?:said|says|say|announced|gave|made|told|stated|claimed|reported|mentioned|provided|quoted|put\s+out|came\s+up\s+with)\s+" +
        @"(?:(?:all\s+)?(?:that|this|it|those|these|so)|(?:that|this|those|these)\s+(?:number|numbers|figure|figures|estimate|statement|quote|comment|remark|remarks|line|claim|words))" +
        @"(?:\s+(?:there|then|again|exactly))?\s*(?:,[^?]*)?[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhoSaidRegex();

    // "who said putin has to negotiate a just peace", "who warned that…": a speech verb and the statement.
    [GeneratedRegex(@"^(?:(?:and|so|ok|okay|but)\s*,?\s+)?who\s+(?:said|says|stated|warned|stressed|told\s+\w+|declared|argued|noted|claimed|insisted|explained|added|remarked|called\s+for|described|predicted|promised|vowed|urged|acknowledged|admitted)\s+(?:that\s+)?(?<statement>[^?]{12,})[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhoSaidStatementRegex();

    // "when was that", "when was that announced", "when did he say that".
    [GeneratedRegex(@"^(?:(?:and|so|ok|okay|but)\s*,?\s+)?(?:when\s+(?:was|were|is)\s+(?:that|this|it|those|these)(?:\s+(?:said|announced|made|given|stated|reported|published|written|released|set|agreed|decided|launched|put\s+out))?" +
        @"|when\s+did\s+(?:he|she|they|that|this|it)\s+(?:say|announce|state|report|come\s+out|happen)(?:\s+(?:that|this|it|so))?" +
        @"|what\s+(?:date|day)\s+was\s+(?:that|this|it))(?:\s+(?:there|then|exactly))?\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhenSaidRegex();

    /// <summary>A name the answer put in square brackets after a pronoun (<see cref="ExtractiveAnswerComposer.NameThePronoun"/>),
    /// with the space before it.</summary>
    [GeneratedRegex(@" \[[^\]\d][^\]]*\]")]
    private static partial Regex EditorialInsertionRegex();
}
