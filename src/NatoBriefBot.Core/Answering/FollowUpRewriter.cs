using System.Text.RegularExpressions;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Answering;

/// <summary>
/// The offline follow-up resolver. "What about Italy?" after "What did Sweden, Spain and Belgium pledge?" becomes
/// "What did Italy pledge?"; "What is his top priority?" after an answer naming Mark Rutte becomes
/// "What is Rutte's top priority?"; a period named in the previous turn carries over when the follow-up names none.
/// </summary>
public sealed partial class FollowUpRewriter : IQuestionRewriter
{
    public Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rewrite(question, history));

    public static string Rewrite(string question, IReadOnlyList<ConversationTurn> history)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            return question;
        }

        // A turn the bot declined has no answer to point into: "it", "he", "there" refer to the last one it answered, unless a
        // later turn moved to a subject the bot found but could not answer.
        var last = PointedInto(CurrentSubject(history));
        var q = question.Trim();
        if (NewTopicRegex().Match(q) is { Success: true } newTopic && newTopic.Length < q.Length)
        {
            // "different question: who won…", "ok, switching topics - …": the user says nothing carries over; the words that
            // say so are not part of the question either. A subject named in the preface ("different washington thing - who
            // won the tennis there") is what the question is about, as a "back to …" topic is.
            var rest = q[newTopic.Length..].Trim();
            return WithTopic(rest, newTopic.Groups["topic"].Value) ?? rest;
        }

        if (CorrectionRegex().Match(q) is { Success: true } correction && correction.Length < q.Length)
        {
            // "no sorry, i meant june 2024", "no i meant the june one - who chaired it": the user corrects the question just
            // asked. What they meant is a question of its own, or takes the place of the part of that question it names (a
            // period, a name), as "what about …" would.
            var meant = q[correction.Length..].Trim();
            var asks = TermAnalyzer.Tokenize(meant) is [var first, ..] && IsQuestionWord(first.Surface);
            return Rewrite(asks ? meant : "what about " + meant, history);
        }

        if (BackToRegex().Match(q) is { Success: true } back)
        {
            // "ok back to nato, who were the two names floated as his successor": the rest of the question is asked where the
            // conversation last spoke of that topic, not where it is now. With no such turn, it is asked about the topic, as
            // "and the summit, where was it" is.
            var (topic, rest) = (back.Groups["topic"].Value.Trim(), back.Groups["rest"].Value.Trim());
            var turn = ReturnedTo(history, topic);
            if (turn < 0)
            {
                return Rewrite("and " + topic + ", " + rest, history);
            }

            // A question complete in itself keeps the topic it was asked about: "back to nato - what does the post pay".
            var read = Rewrite(rest, history.Take(turn + 1).ToList());
            return read == rest && WithTopic(rest, topic) is { } withTopic ? withTopic : read;
        }

        if (AnotherPeriod(q, last) is { } again)
        {
            return again;
        }

        if (!IsFollowUp(q))
        {
            // A new, complete question starts fresh: no period, name or topic carries over; but one that goes on from the
            // last ("and who was sec gen by october") reads a month without a year in the conversation's year.
            return ContinuesRegex().IsMatch(q) && WithConversationYear(q, last.ResolvedQuestion) is { } dated ? dated : q;
        }

        q = ResolveTime(ResolveReferences(q, last, history), last);
        if (SomethingElseRegex().IsMatch(q))
        {
            // "anything else in the news about that city?": the city, but not the topic the conversation has had, which is
            // what the user turns away from.
            return CarryPeriod(q, last.ResolvedQuestion, q);
        }

        var about = AboutRegex().Match(q);
        if (about.Success)
        {
            var what = about.Groups["what"].Value.Trim();
            // "What about the financial pledge: how large is it?", "what about italy, what did it pledge".
            var comma = AskedAfterCommaRegex().Match(what);
            var colon = comma.Success ? comma.Index : what.IndexOfAny([':', ';']);
            var after = comma.Success ? comma.Index + comma.Length : colon + 1;
            if (colon <= 0 && LeadingPeriodRegex().Match(what) is { Success: true } lead)
            {
                // "and in 2023 how was the 2% framed": a period, then the question, with nothing between them.
                colon = after = lead.Length;
            }
            if (colon > 0 && after < what.Length)
            {
                // "What about the financial pledge: how large is it?" asks the second part about the first.
                var topic = what[..colon].Trim();
                var rest = what[after..].Trim();
                if (AnyPeriodRegex().Match(topic) is { Success: true } period && TermAnalyzer.Terms(AnyPeriodRegex().Replace(topic, " ")).Count == 0)
                {
                    // "and in june 2024, which actions were ministers to discuss": the question, read in this conversation,
                    // about that period.
                    var read = Rewrite(rest, history);
                    var old = AnyPeriodRegex().Match(read);
                    return old.Success ? read[..old.Index] + period.Value + read[(old.Index + old.Length)..] : read.TrimEnd('?', ' ') + " in " + period.Value + "?";
                }

                if (PeriodOnlyRegex().Match(topic) is { Success: true } shift && !shift.Groups["part"].Success &&
                    NewPeriod(shift, AnyPeriodRegex().Match(last.ResolvedQuestion), last) is { } moved)
                {
                    // "and a year later, what did it discuss?", "and in october, who chaired it": the question, read in this
                    // conversation, in the period the previous one moves to, as "and a year later?" alone would move it.
                    var read = Rewrite(rest, history);
                    return AnyPeriodRegex().IsMatch(read) ? AnyPeriodRegex().Replace(read, moved) : read.TrimEnd('?', ' ') + " in " + moved + "?";
                }

                // "and the nato summit in vilnius, what dates": the topic is what the second part asks about, pointed to by
                // its pronoun or, without one, named after it.
                var asked = ItRegex().IsMatch(rest) ? ItRegex().Replace(rest, topic, 1) : rest.TrimEnd('?', ' ') + " - " + topic;
                return CarryPeriod(char.ToUpperInvariant(asked[0]) + asked[1..].TrimEnd('?') + "?", last.ResolvedQuestion, q);
            }

            if (WhichGroupRegex().Match(last.ResolvedQuestion) is { Success: true } group &&
                TermAnalyzer.Tokenize(what).Where(t => !t.IsStopWord).ToList() is [var only] && Lexicon.Default.NamedPlace(only.Surface) == Lexicon.PlaceKind.Country)
            {
                // "what about germany" after "which countries pledged more than 1bn": the country in place of the ones asked
                // for ("germany pledged more than 1bn"), not of a place the question names.
                var asked = last.ResolvedQuestion;
                return CarryPeriod(asked[..group.Index] + what + asked[(group.Index + group.Length)..], asked, q);
            }

            if (NameRuns(what).Count == 0 && !EndsInPerson(what) && !PartOfYearRegex().IsMatch(what) && !OneRegex().IsMatch(what))
            {
                // "and the price tag", "and the cost?": another fact about the last question's topic, not a name in place of
                // one of its names (as a person, "the runner-up", "the one after that", or a part of the year would be).
                return WithTopic(q, last);
            }

            // The words as typed: "and the first?" resolved to a name the conversation gave is still about the last question.
            var own = AboutRegex().Match(question.Trim()) is { Success: true } typed ? ContentTerms(typed.Groups["what"].Value) : [];
            var said = TermAnalyzer.Terms(last.ResolvedQuestion).ToHashSet(StringComparer.Ordinal);
            if (own.Count >= MinOwnTopicTerms && own.Count(t => !said.Contains(t)) >= MinOwnTopicTerms - 1)
            {
                // "And Germany's contribution for Ukraine, remind me?" after a question about an airline's order: a name with
                // words of its own the conversation has not used is a subject of its own, asked as it stands, not a name to
                // put in the last question.
                return what.TrimEnd('?', ' ', ',', '.') + "?";
            }

            return CarryPeriod(ReplaceEntities(last.ResolvedQuestion, what), last.ResolvedQuestion, q);
        }

        var pronoun = PersonPronounRegex().Match(q);
        if (pronoun.Success && NamedBefore(q, pronoun, history))
        {
            // "and how many votes did rutte get when he was chosen": a person named before "he" in the same question is who it
            // means, however short the question; not the person the last answer named.
            return CarryPeriod(q, last.ResolvedQuestion, q);
        }

        if (PointsBack(q, pronoun))
        {
            var person = Person(last, FemininePronounRegex().IsMatch(pronoun.Value));
            if (person is not null)
            {
                // The surname: news names a person in full once, then by surname ("Chaves will take office…").
                var surname = person.Split(' ')[^1];
                var replacement = Possessive(q, pronoun) ? surname + "'s" : surname;
                return CarryPeriod(PersonPronounRegex().Replace(q, replacement, 1), last.ResolvedQuestion, q);
            }
        }

        var thing = ThingPronounRegex().Match(q);
        if (PointsToUnspokenThing(q, thing, history) && !TooShortToStandAlone(q))
        {
            return q;
        }

        if (PointsBack(q, thing, thing: true) || TooShortToStandAlone(q))
        {
            return WithTopic(q, SpokenOf(q, history) ?? last);
        }

        return CarryPeriod(q, last.ResolvedQuestion, q);
    }

    /// <summary>The question with the last question's topic after it in brackets ("how many jobs (new nato command
    /// wiesbaden)"), and its period when it names none.</summary>
    private static string WithTopic(string q, ConversationTurn last)
    {
        // The period is not part of the topic: the question names its own, or CarryPeriod adds the previous one once. A
        // question that names its own ("and by october?") drops the old one wherever it stood ("the june 2024 meeting").
        var previous = PeriodRegex().Replace(last.ResolvedQuestion, " ");
        if (AnyPeriodRegex().IsMatch(q) || BareMonthRegex().IsMatch(q))
        {
            previous = AnyPeriodRegex().Replace(previous, " ");
        }

        if (ContentTerms(last.Question).Count >= MinStandaloneTerms)
        {
            // The previous question said enough itself: its own words are the topic, not the one it carried.
            previous = TopicRegex().Replace(previous, " ");
        }

        // The topic is what the question was about, not how it asked: no question words, nor the word "how" asks with ("how
        // big", "how long").
        // Nor what the user said besides ("I might go myself if my knees allow", "for the deck", "Good morning").
        var tokens = TermAnalyzer.Tokenize(previous);
        var aside = QueryAnalyzer.AsideTerms(previous);
        var topic = string.Join(' ', tokens.Where((t, i) => !t.IsStopWord && !QueryVocabulary.QuestionWords.Contains(t.Surface) && !aside.Contains(t.Term) &&
                !(i > 0 && tokens[i - 1].Surface.Equals("how", StringComparison.OrdinalIgnoreCase)))
            .Select(t => t.Surface).Distinct(StringComparer.OrdinalIgnoreCase));
        return CarryPeriod(topic.Length == 0 ? q : $"{q} ({topic})", last.ResolvedQuestion, q);
    }

    /// <summary>Does the phrase end in a word for a person or a role ("the runner-up", "the ceo")? WordNet files its most
    /// frequent sense under a person.</summary>
    private static bool EndsInPerson(string phrase) =>
        TermAnalyzer.Tokenize(phrase).Where(t => !t.IsStopWord).ToList() is [.., var head] && Lexicon.Default.Broader(Lexicon.Default.Lemma(head.Surface)).Count > 0;

    /// <summary>
    /// "And in 2023?", "and by october", "vs the year before": the previous question about another period. What the
    /// follow-up leaves out comes from the old period (the year of "october"), or from the date of the briefing the answer
    /// cites when the previous question named none. Null when the question is not just a period.
    /// </summary>
    private static string? AnotherPeriod(string q, ConversationTurn last)
    {
        var asked = PeriodOnlyRegex().Match(q);
        if (!asked.Success)
        {
            return null;
        }

        var previous = last.ResolvedQuestion;
        if (asked.Groups["part"].Success)
        {
            // "and in the second half?" after "... in the first half of 2024": the other half of the same year.
            var part = PartOfYearRegex().Match(previous);
            return part.Success ? previous[..part.Index] + asked.Groups["part"].Value + previous[(part.Index + part.Length)..] : null;
        }

        var old = AnyPeriodRegex().Match(previous);
        if (NewPeriod(asked, old, last) is not { } period)
        {
            return null;
        }

        if (old.Success)
        {
            return previous.Replace(old.Value, period, StringComparison.OrdinalIgnoreCase);
        }

        // "the october meeting" has a month of its own: the new period takes its place ("the june 2024 meeting").
        var month = OwnMonthRegex().Match(previous);
        return month.Success
            ? previous[..month.Groups["month"].Index] + period + previous[(month.Groups["month"].Index + month.Groups["month"].Length)..]
            : previous.TrimEnd('?', ' ') + " in " + period + "?";
    }

    /// <summary>The period a follow-up of <see cref="PeriodOnlyRegex"/> asks about: the one it names, its month in the old
    /// period's year, or the old period a year earlier or later. <paramref name="old"/> is the previous question's period;
    /// without one, the year of the briefing the answer cites. Null when there is nothing to count from.</summary>
    private static string? NewPeriod(Match asked, Match old, ConversationTurn last)
    {
        var oldYear = old.Success ? int.Parse(old.Value[^4..], System.Globalization.CultureInfo.InvariantCulture) : last.Answer.Citations.FirstOrDefault()?.Published?.Year;
        var oldMonth = old.Success ? MonthIn(old.Value) : null;
        if (asked.Groups["period"].Success)
        {
            return asked.Groups["period"].Value;
        }

        if (asked.Groups["monthOf"].Success)
        {
            return MonthName(Vocabulary.Months[asked.Groups["monthOf"].Value.ToLowerInvariant()]) + " " + asked.Groups["yearOf"].Value;
        }

        if (asked.Groups["month"].Success)
        {
            return MonthName(Vocabulary.Months[asked.Groups["month"].Value.ToLowerInvariant()]) + (oldYear is { } year ? " " + year : string.Empty);
        }

        if (oldYear is { } y)
        {
            var shift = asked.Groups["dir"].Value.ToLowerInvariant() is "earlier" or "before" or "prior" or "previous" ? -1 : 1;
            return (oldMonth is { } month ? MonthName(month) + " " : string.Empty) + (y + shift);
        }

        return null;
    }

    private static int? MonthIn(string period) =>
        TermAnalyzer.Tokenize(period).Select(t => Vocabulary.Months.TryGetValue(t.Surface.ToLowerInvariant(), out var m) ? m : (int?)null).FirstOrDefault(m => m is not null);

    private static string MonthName(int month) => System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    /// <summary>"his job", "her post": a possessive. "her" is one only when a word other than a stop word follows it ("who
    /// replaces her", "what did they tell her about" are not).</summary>
    private static bool Possessive(string q, Match pronoun) => pronoun.Value.ToLowerInvariant() switch
    {
        "his" or "their" => true,
        "her" => TermAnalyzer.Tokenize(q[(pronoun.Index + pronoun.Length)..]) is [var next, ..] && !next.IsStopWord,
        _ => false,
    };

    /// <summary>The turn "that ministerial", "this report" or "those talks" points to: the latest one whose question, answer
    /// or cited titles say the word ("which nuclear body met during that ministerial?" after two turns about a ransomware
    /// report: the ministerial two turns back). Null when the question points with no such word, or no answered turn says
    /// it.</summary>
    private static ConversationTurn? SpokenOf(string q, IReadOnlyList<ConversationTurn> history)
    {
        if (PointedNoun(q) is not { } noun)
        {
            return null;
        }

        for (var i = history.Count - 1; i >= 0; i--)
        {
            var turn = history[i];
            if (Said(turn, turn.ResolvedQuestion).Contains(noun, StringComparer.Ordinal))
            {
                return turn.Answer.Citations.Count > 0 ? turn : null;
            }
        }

        return null;
    }

    /// <summary>The term of the noun a pointing phrase ends in ("that big meeting there" → "meeting"); null without one, or
    /// when its last word is a verb's form ("where is that based").</summary>
    private static string? PointedNoun(string q)
    {
        var pointer = DemonstrativeRegex().Match(q);
        var phrase = pointer.Success ? TermAnalyzer.Tokenize(pointer.Groups["phrase"].Value).TakeWhile(t => !t.IsStopWord).ToList() : [];
        return phrase.Count == 0 || TermAnalyzer.Terms(phrase[^1].Surface) is not [var noun] ||
            (Lexicon.Default.CanBe(phrase[^1].Surface.ToLowerInvariant(), PartOfSpeech.Verb) && !Lexicon.Default.CanBe(phrase[^1].Surface.ToLowerInvariant(), PartOfSpeech.Noun))
            ? null
            : noun;
    }

    /// <summary>Words a pointing phrase needs to name a new thing: "that city" or "that centre" alone still means the
    /// conversation's.</summary>
    private const int MinUnspokenWords = 2;

    /// <summary>"that us reactor restart, how big is it?": the question points, before its pronoun, to a thing whose words no
    /// turn of the conversation said: a story the user has in mind, which the pronoun means, not the conversation's topic.</summary>
    private static bool PointsToUnspokenThing(string q, Match pronoun, IReadOnlyList<ConversationTurn> history)
    {
        var pointer = DemonstrativeRegex().Match(q);
        if (!pronoun.Success || !pointer.Success || pointer.Index > pronoun.Index)
        {
            return false;
        }

        var words = TermAnalyzer.Terms(string.Join(' ', TermAnalyzer.Tokenize(pointer.Groups["phrase"].Value)
            .SkipWhile(t => t.IsStopWord).TakeWhile(t => !t.IsStopWord).Select(t => t.Surface)));
        var said = history.SelectMany(turn => Said(turn, turn.ResolvedQuestion)).ToHashSet(StringComparer.Ordinal);
        return words.Count >= MinUnspokenWords && !words.Any(said.Contains);
    }

    /// <summary>The words a turn said: the question (as asked or as read), its answer and the titles the answer cites.</summary>
    private static IReadOnlyList<string> Said(ConversationTurn turn, string question) =>
        TermAnalyzer.Terms(string.Join(' ', [question, turn.Answer.Text, .. turn.Answer.Citations.Select(c => c.Title)]));

    /// <summary>"that ministerial", "this report", "those talks": a pointing word and the words after it, up to three (not
    /// "that one", nor a time: "that year" is read by <see cref="ResolveTime"/>).</summary>
    [GeneratedRegex(@"\b(?:that|this|those|these)\s+(?!(?:one|ones|time|year|month|week|day|same|is|was|were|are|has|had|will|would|did|does)\b)(?<phrase>\p{L}[\p{L}\-]+(?:\s+\p{L}[\p{L}\-]*){0,2})", RegexOptions.IgnoreCase)]
    private static partial Regex DemonstrativeRegex();

    /// <summary>Who "he" or "she" is: the person the answer names first, else the one the question named. A run of common
    /// words ("Berlin Marathon") or a nationality ("Costa Ricans") is not a person. (Preferring the question's person after
    /// questions that were not who-questions did worse on the training dialogues: 2 turns fewer right.)</summary>
    /// <param name="feminine">Whether the pronoun is "she" or "her": a person the answer calls "he" is not meant, nor one it
    /// calls "she" by "he".</param>
    private static string? Person(ConversationTurn last, bool feminine)
    {
        var answer = last.Answer.Text;
        IEnumerable<string> People(string text) =>
            SentenceFeatures.People(text).Where(p => Speakers.IsPerson(p) && Lexicon.Default.CountryOf(p.TrimEnd('s')) is null &&
                (FeminineIn(p, answer) is not { } called || called == feminine));
        // The answer's first sentence is its direct answer: of the people it names (or else the rest of the answer), the one
        // asked about.
        var marker = CitationMarkerRegex().Match(answer);
        var first = marker.Success ? answer[..marker.Index] : answer;
        var inFirst = People(first).ToList();
        if (inFirst.Count == 0 && NamedByQuestion(first, last.ResolvedQuestion) is { } surname && (FeminineIn(surname, answer) is not { } called || called == feminine))
        {
            // "was stoltenberg sure …" answered by "…, Stoltenberg’s mandate was prolonged…": the direct answer names by
            // surname alone the person the question asked about.
            inFirst = [surname];
        }

        var (named, where) = inFirst.Count > 0 ? (inFirst, first) : (People(answer).ToList(), answer);
        if (named.Where(p => FeminineIn(p, answer) == feminine).ToList() is { Count: > 0 } asCalled && asCalled.Count < named.Count)
        {
            // "how long had she run it" after "…of savings bank Fjordkyst Sparebank, Ingrid Halvorsen, …her contract": of
            // several names, the ones the text calls by the pronoun asked with, before those it says nothing about.
            named = asCalled;
        }

        return named.Count > 1 ? AsAsked(named, where, last.ResolvedQuestion) : named.FirstOrDefault() ?? People(last.ResolvedQuestion).FirstOrDefault();
    }

    /// <summary>A capitalized word of the sentence that the question used too and that can be a person's name (not a place, a
    /// nationality or a common word): the person asked about, named by surname alone; null when there is none.</summary>
    private static string? NamedByQuestion(string sentence, string question)
    {
        var asked = TermAnalyzer.Tokenize(question).Select(t => t.Surface.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return LoneCapitalRegex().Matches(sentence).Select(m => m.Groups["name"].Value)
            .FirstOrDefault(w => asked.Contains(w.ToLowerInvariant()) && !SentenceFeatures.IsNeverAName(w) && Speakers.IsPerson(w));
    }

    /// <summary>A capitalized word on its own, possessive or not: not part of a longer name ("Costa Rica", "Indo-Pacific").</summary>
    [GeneratedRegex(@"(?<![A-Z][\p{L}\-]*\s+|[\p{L}\-])(?<name>[A-Z]\p{L}+)(?:'s|\u2019s)?(?![\p{L}\-]|\s+[A-Z])")]
    private static partial Regex LoneCapitalRegex();

    /// <summary>Whether the text calls this person "she" (true) or "he" (false): "he [Mark Rutte]", or the first "he",
    /// "his", "she" or "her" after the name within the next sentence, when no other capitalized name (a weekday or a month
    /// is none) comes between them;
    /// null when it does not say.</summary>
    internal static bool? FeminineIn(string person, string text)
    {
        var surname = Regex.Escape(person.Split(' ')[^1]);
        var timeout = TimeSpan.FromSeconds(1);
        var bracketed = Regex.Match(text, @"\b(?<p>he|she)\s+\[[^\]]*\b" + surname + @"\b", RegexOptions.IgnoreCase, timeout);
        if (bracketed.Success)
        {
            return bracketed.Groups["p"].Value.Equals("she", StringComparison.OrdinalIgnoreCase);
        }

        // The surname as a word of its own ("Mo" is not in "More").
        var named = Regex.Match(text, @"\b" + surname + @"\b", RegexOptions.None, timeout);
        if (!named.Success)
        {
            return null;
        }

        var after = text[(named.Index + named.Length)..];
        var pronoun = GenderedPronounRegex().Match(after);
        if (!pronoun.Success)
        {
            return null;
        }

        // Within the next sentence, and about this person: no other name (a capitalized word not opening a sentence) between.
        var between = after[..pronoun.Index];
        return SentenceEndRegex().Count(between) > 1 || OtherNameRegex().Matches(between).Any(m => !CalendarWordRegex().IsMatch(m.Value))
            ? null
            : pronoun.Groups["she"].Success;
    }

    [GeneratedRegex(@"\b(?:(?<she>she|her|hers|herself)|he|his|him|himself)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GenderedPronounRegex();

    [GeneratedRegex(@"^(?:she|her|hers)$", RegexOptions.IgnoreCase)]
    private static partial Regex FemininePronounRegex();

    [GeneratedRegex(@"[.!?][""”']?\s")]
    private static partial Regex SentenceEndRegex();

    [GeneratedRegex(@"^(?:" + SentenceFeatures.MonthNames + "|" + SentenceFeatures.WeekdayNames + @")$")]
    private static partial Regex CalendarWordRegex();

    /// <summary>A capitalized word that does not open a sentence or a quote: a name, most likely.</summary>
    [GeneratedRegex(@"(?<![.!?:""“]\s)(?<!^)\b\p{Lu}\p{Ll}+")]
    private static partial Regex OtherNameRegex();

    /// <summary>Of several people a sentence names, the one whose title shares most words with the question (news puts the
    /// title right before the name: "Ukrainian Defense Minister Rustem Umerov"); the first one on a tie.</summary>
    private static string AsAsked(List<string> people, string sentence, string question)
    {
        const int TitleWords = 4;
        var asked = TermAnalyzer.Terms(question).ToHashSet(StringComparer.Ordinal);
        var tokens = TermAnalyzer.Tokenize(sentence);
        int Score(string person)
        {
            var at = sentence.IndexOf(person, StringComparison.Ordinal);
            var before = tokens.Where(t => t.Start < at).TakeLast(TitleWords).Where(t => !t.IsStopWord);
            return before.Count(t => asked.Contains(t.Term));
        }

        var best = people[0];
        foreach (var person in people.Skip(1))
        {
            best = Score(person) > Score(best) ? person : best;
        }

        return best;
    }

    /// <summary>The retrieval hints for a question in a conversation: a follow-up prefers the briefings the last answer cited.</summary>
    /// <param name="resolved">The question as rewritten for the conversation, when known: a period it names that the user
    /// did not ("was he planning to stay on" read as "... in June 2023") is carried, not asked for.</param>
    public static RetrievalHints Hints(string question, IReadOnlyList<ConversationTurn> history, string? resolved = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var carried = resolved is not null && AnyPeriodRegex().IsMatch(resolved) &&
            !AnyPeriodRegex().IsMatch(question) && !OwnMonthRegex().IsMatch(question) && !TimeReferenceRegex().IsMatch(question) &&
            !YearShiftRegex().IsMatch(question);
        // A correction ("no, i meant the june one") turns away from the answer it corrects: its briefings are not preferred.
        // A follow-up that only moves to another period ("and in october 2024?") keeps them only where they speak of it.
        if (history.Count > 0 && SomethingElseRegex().IsMatch(question))
        {
            // "anything else in the news about that city?": not what the conversation has already answered from.
            return new RetrievalHints([]) { CarriedPeriod = carried, OtherThanFiles = ConversationFiles(CurrentSubject(history).Answer) };
        }

        if (history.Count > 0 && BackToRegex().Match(question.Trim()) is { Success: true } back && ReturnedTo(history, back.Groups["topic"].Value) is >= 0 and var turn)
        {
            // "back to the summit - …": the briefings of the turn it goes back to, not of the digression.
            return new RetrievalHints(ConversationFiles(PointedInto(history[turn]).Answer)) { CarriedPeriod = carried };
        }

        return history.Count > 0 && IsFollowUp(question) && !CorrectionRegex().IsMatch(question.Trim())
            ? new RetrievalHints(ConversationFiles(CurrentSubject(history).Answer)) { CarriedPeriod = carried, MovedPeriod = MovesToAnotherPeriod(question.Trim()) }
            : new RetrievalHints([]) { CarriedPeriod = carried };
    }

    /// <summary>The turn a "back to …" question returns to: the latest before the last (the digression it returns from)
    /// whose question as typed, answer or cited headlines say most of the topic's words ("nato", "the summit",
    /// "stoltenberg"); the last turn when only it does; -1 when none does.</summary>
    private static int ReturnedTo(IReadOnlyList<ConversationTurn> history, string topic)
    {
        var wanted = TermAnalyzer.Tokenize(topic).Where(t => !t.IsStopWord).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        int Says(ConversationTurn turn) =>
            wanted.Count(Said(turn, turn.Question)
                .ToHashSet(StringComparer.Ordinal).Contains);
        var (best, most) = (-1, 0);
        for (var i = history.Count - 2; i >= 0 && wanted.Count > 0; i--)
        {
            if (Says(history[i]) is var count && count > most)
            {
                (best, most) = (i, count);
            }
        }

        return best >= 0 || history.Count == 0 || wanted.Count == 0 ? best : Says(history[^1]) > 0 ? history.Count - 1 : -1;
    }

    /// <summary>A follow-up that is only another period ("and in 2023?", "the october one", "a year later"), not a part of
    /// the same one ("and the first half?").</summary>
    private static bool MovesToAnotherPeriod(string q) => PeriodOnlyRegex().Match(q) is { Success: true } only && !only.Groups["part"].Success;

    /// <summary>The briefings a follow-up looks in first: those the answer cited, or when no turn has a cited answer yet,
    /// the one the refusal found closest (the user goes on about the same thing: "how much did it cost").</summary>
    private static string[] ConversationFiles(Answer answer) =>
        answer.Citations.Count > 0 ? [.. answer.Citations.Select(c => c.File)] : answer.ClosestFile is { } file ? [file] : [];

    /// <summary>The turn as a follow-up points into it. When the bot answered none of the conversation's turns, references
    /// point into the sentence the last refusal quoted as the closest it found, or else into what the user asked there: not
    /// into the refusal's own wording or the titles it suggests ("whats the record there" after a declined question about
    /// Brussels means Brussels, not a place in a suggested headline).</summary>
    private static ConversationTurn PointedInto(ConversationTurn last) =>
        last.Answer.Outcome == AnswerOutcome.Answered ? last : last with { Answer = last.Answer with { Text = last.Answer.Closest ?? last.ResolvedQuestion } };

    /// <summary>The turn the conversation is about now: the last turn with a cited answer or, when later, a declined turn
    /// that quoted a close sentence from another briefing than that answer's, or that asked a new question whose closest
    /// briefing is another: the user moved to a new subject the bot found but could not answer ("a data centre opened there
    /// too, who runs it" → "how many jobs?" asks about the data centre). The last turn when there is neither.</summary>
    private static ConversationTurn CurrentSubject(IReadOnlyList<ConversationTurn> history)
    {
        var answered = history.Count - 1;
        while (answered >= 0 && history[answered].Answer.Citations.Count == 0)
        {
            answered--;
        }

        if (answered < 0)
        {
            return history[^1];
        }

        var files = history[answered].Answer.Citations.Select(c => c.File).ToHashSet(StringComparer.Ordinal);
        var moved = Enumerable.Range(answered + 1, history.Count - answered - 1).Select(i => (Turn: history[i], At: i)).LastOrDefault(t =>
            t.Turn.Answer.ClosestFile is { } file && !files.Contains(file) && (t.Turn.Answer.Closest is not null || NewSubject(t.Turn, history.Take(t.At))));
        return moved.Turn ?? history[answered];
    }

    /// <summary>A question asked as a new one: enough words to search for, and read with none carried over from the
    /// conversation, or with new words of its own ("there's also a central bank vowing to act for as long as it takes, which one?", "different topic - the
    /// Pacific critical minerals fund, how big?", "that Shetland cable repair outfit - how many ships do they have?").
    /// Declined, with its closest briefing another than the answer's, it moved the conversation to a new subject even though
    /// the bot found nothing close enough to quote.</summary>
    private static bool NewSubject(ConversationTurn turn, IEnumerable<ConversationTurn> before)
    {
        var typed = ContentTerms(turn.Question).ToHashSet(StringComparer.Ordinal);
        if (typed.Count < MinStandaloneTerms)
        {
            return false;
        }

        if (ContentTerms(turn.ResolvedQuestion).All(typed.Contains))
        {
            return true;
        }

        // "colleague is going to an art show there - what's the exhibition called?": read with the place of the last answer,
        // yet it brings in words the conversation never used. It is about them.
        var said = before.SelectMany(t => TermAnalyzer.Terms(t.ResolvedQuestion).Concat(TermAnalyzer.Terms(t.Answer.Text))).ToHashSet(StringComparer.Ordinal);
        return typed.Count(t => !said.Contains(t)) >= MinNewSubjectTerms;
    }

    /// <summary>Words the conversation never used that make a rewritten question a new subject.</summary>
    private const int MinNewSubjectTerms = 2;

    /// <summary>
    /// True when the question leans on the conversation: it points back ("he", "there", "that city", "the second one"),
    /// continues ("and …", "what about …") or is too short to stand alone (<see cref="MaxLeaningTerms"/>). A question naming its own subject is not, however
    /// short and however it is written ("whats nsatu", "Who is Umerov").
    /// </summary>
    public static bool IsFollowUp(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var q = question.Trim();
        return AboutRegex().IsMatch(q) || PointsBack(q, PersonPronounRegex().Match(q)) || PointsBack(q, ThingPronounRegex().Match(q), thing: true) || TimeReferenceRegex().IsMatch(q) ||
            OrdinalRegex().IsMatch(q) || NationalityOneRegex().IsMatch(q) || GroupReferenceRegex().IsMatch(q) || (TooShortToStandAlone(q) && !NamesOwnSubject(q));
    }

    /// <summary>Too few words to search for to stand alone: up to <see cref="MaxBareTerms"/>, or up to
    /// <see cref="MaxLeaningTerms"/> when none of them is a month, a year or a place.</summary>
    private static bool TooShortToStandAlone(string q)
    {
        var terms = ContentTerms(q).Count;
        return terms <= MaxBareTerms || (terms <= MaxLeaningTerms && !NamesOwnTimeOrPlace(q));
    }

    /// <summary>The terms of the question without its asides and courtesies (<see cref="QueryAnalyzer.AsideTerms"/>): "And how
    /// much is a ticket? I might go myself if my knees allow." asks with one word.</summary>
    private static List<string> ContentTerms(string q)
    {
        var aside = QueryAnalyzer.AsideTerms(q);
        return TermAnalyzer.Terms(q).Where(t => !aside.Contains(t)).ToList();
    }

    /// <summary>Does the question name a month, a year or a place WordNet knows ("who chaired the october meeting", "the june
    /// record in brussels")? Then it says where or when itself.</summary>
    private static bool NamesOwnTimeOrPlace(string q) =>
        YearRegex().IsMatch(q) || TermAnalyzer.Tokenize(q).Any(t => Vocabulary.Months.ContainsKey(t.Surface.ToLowerInvariant()) || Lexicon.Default.NamedPlace(t.Surface) is not null);

    /// <summary>Does a short question name what it is about (<see cref="NamesOwnSubject(Token, int)"/>) outside its asides ("I
    /// might go myself if my knees allow")?</summary>
    private static bool NamesOwnSubject(string q)
    {
        var aside = QueryAnalyzer.AsideTerms(q);
        return TermAnalyzer.Tokenize(q).Where((t, i) => !aside.Contains(t.Term) && NamesOwnSubject(t, i)).Any();
    }

    /// <summary>A word that names what a short question is about: a capitalized word after the first, or, typed in lower case,
    /// a word no dictionary knows ("nsatu", "umerov") or a designation ("f35s"). A country or city written in lower case
    /// is not enough: "germany?" alone still asks the last question about Germany.</summary>
    private static bool NamesOwnSubject(Token token, int index) =>
        (index > 0 && token.IsCapitalized && !token.IsStopWord) || (!token.IsStopWord && (QueryAnalyzer.IsUnfamiliar(token.Surface) || QueryAnalyzer.IsDesignation(token.Surface)));

    /// <summary>Does this pronoun point out of the question? Not when the question is a full one (four words or more to
    /// search for) that names something before it: "What share did ASEAN ministers set as their target?" is about ASEAN.
    /// A thing pronoun also points into the question in a clause after one that introduces a thing ("was there also a story
    /// about an undersea cable getting repaired? where was that"; not "which countries pledged over a billion before it"),
    /// and after a thing the question opens with or says exists ("a cyber firm report also talks about campaigns like
    /// that", "is there a report on those campaigns").</summary>
    private static bool PointsBack(string q, Match pronoun, bool thing = false)
    {
        if (!pronoun.Success)
        {
            return false;
        }

        var tokens = TermAnalyzer.Tokenize(q);
        var before = tokens.Where(t => t.Start < pronoun.Index).ToList();
        var boundary = q.LastIndexOfAny(['?', ';', ':', ',', '\u2013', '\u2014'], Math.Max(0, pronoun.Index - 1));
        var namedBefore = before.Any(t => !t.IsStopWord && Retrieval.QueryAnalyzer.IsName(t, q)) || IntroducesSomeone(before) || FrontsItsTopic(q, pronoun.Index) ||
            (thing && ((boundary > 0 && IntroducesSomething(before.Where(t => t.Start < boundary).ToList())) ||
                       (ExistentialRegex().Match(q) is { Success: true } there && there.Index + there.Length <= pronoun.Index &&
                        IntroducesSomething(before.Where(t => t.Start >= there.Groups["article"].Index).ToList()))));
        return !(namedBefore && tokens.Count(t => !t.IsStopWord) >= MinStandaloneTerms);
    }

    /// <summary>Does the question open with what it is about, set off by a dash or a colon before the pronoun ("Cadwell - how
    /// long is their order book full?", "the Aberdeen cable outfit: how many ships do they run?")? A name (a capitalized word)
    /// or two words of content there are the subject the pronoun points to.</summary>
    private static bool FrontsItsTopic(string q, int pronounIndex)
    {
        var fronted = FrontedTopicRegex().Match(q);
        if (!fronted.Success || fronted.Index + fronted.Length > pronounIndex)
        {
            return false;
        }

        var topic = fronted.Groups["topic"].Value;
        var content = ContentTerms(topic).ToHashSet(StringComparer.Ordinal);
        var words = TermAnalyzer.Tokenize(topic).Where(t => !t.IsStopWord && !SmallTalk.IsFiller(t.Surface) && content.Contains(t.Term)).ToList();
        return words.Count >= 2 || words.Any(t => t.IsCapitalized);
    }

    /// <summary>Words before the first " - " or ":" of the question, in group <c>topic</c>.</summary>
    [GeneratedRegex(@"^\W*(?<topic>[^?!:\-\u2013\u2014]{2,60}?)\s*(?:\s[\-\u2013\u2014]|:)\s")]
    private static partial Regex FrontedTopicRegex();

    /// <summary>Does the question name a person before the pronoun (<see cref="NamesPerson"/>), someone the conversation
    /// named or a name as typed?</summary>
    private static bool NamedBefore(string q, Match pronoun, IReadOnlyList<ConversationTurn> history)
    {
        var before = TermAnalyzer.Tokenize(q).Where(t => t.Start < pronoun.Index).ToList();
        if (before.Count == 0)
        {
            return false;
        }

        var known = history.SelectMany(t => SentenceFeatures.People(t.Answer.Text).Concat(SentenceFeatures.People(t.ResolvedQuestion)))
            .Select(p => p.Split(' ')[^1]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return before.Any(t => NamesPerson(t, q, known));
    }

    /// <summary>Is the token a person's name: the surname of someone the conversation named (<paramref name="known"/>, "rutte"
    /// however typed), or a name as typed (capitalized inside the question, or a word no dictionary knows), and neither a
    /// place, a nationality nor an acronym ("NATO", or "nato" typed in lower case, which WordNet knows).</summary>
    private static bool NamesPerson(Token token, string q, IReadOnlySet<string> known) =>
        !token.IsStopWord && !QueryAnalyzer.IsDesignation(token.Surface) && Speakers.IsPerson(token.Bare) &&
        (known.Contains(token.Bare) || ((token.IsCapitalized || QueryAnalyzer.IsUnfamiliar(token.Bare)) && Retrieval.QueryAnalyzer.IsName(token, q)));

    /// <summary>Do the words introduce a new person with an indefinite article ("a central bank governor used the same
    /// phrase about her currency", "a cloud boss said they…")? A pronoun after one points to that person, not out of the
    /// question.</summary>
    private static bool IntroducesSomeone(List<Token> words) => Introduces(words, person: true);

    /// <summary>Do the words introduce a new thing with an indefinite article ("a story about a cable", "another report"): a
    /// word that can be a noun, not a person, among the next few words?</summary>
    private static bool IntroducesSomething(List<Token> words) => Introduces(words, person: false);

    /// <summary>An indefinite article ("a", "an"; "another" for a thing) followed within a few words, before a stop word, by
    /// a noun WordNet files under a person (<paramref name="person"/>) or by any other noun.</summary>
    private static bool Introduces(List<Token> words, bool person)
    {
        const int NounPhraseWords = 4;
        for (var i = 0; i < words.Count; i++)
        {
            var article = words[i].Surface.ToLowerInvariant();
            if ((article is "a" or "an" || (!person && article == "another")) &&
                words.Skip(i + 1).Take(NounPhraseWords).TakeWhile(t => !t.IsStopWord).Any(t =>
                    !t.IsNumber && (person || Lexicon.Default.CanBe(t.Surface.ToLowerInvariant(), PartOfSpeech.Noun)) &&
                    Lexicon.Default.Broader(Lexicon.Default.Lemma(t.Surface, PartOfSpeech.Noun)).Count > 0 == person))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words to search for (besides stop words) that make a question naming something a full one.</summary>
    private const int MinStandaloneTerms = 4;

    /// <summary>Words an "and …?" follow-up names, most of them new to the conversation, to be a subject of its own.</summary>
    private const int MinOwnTopicTerms = 3;

    /// <summary>A question of this many words to search for or fewer that names nothing of its own, no month, year or place
    /// either ("peak temp expected", "how many jobs"), leans on the conversation. (On the training dialogues, 2,299 of 2,973
    /// turns right; two words, as before, 2,284; three even with a month or a place 2,295, four 2,275.)</summary>
    private const int MaxLeaningTerms = 3;

    /// <summary>Up to this many words, a question leans on the conversation even when it names a month or a place ("and
    /// in october?", "germany?").</summary>
    private const int MaxBareTerms = 2;

    /// <summary>How many earlier answers a reference to a group ("those same countries") may reach back to.</summary>
    private const int MaxTurnsBack = 3;

    /// <summary>"the second one" → the second name the previous answer listed; "there" / "that city" → the place it named.</summary>
    private static string ResolveReferences(string q, ConversationTurn last, IReadOnlyList<ConversationTurn> history)
    {
        // "those four", "the same countries", "these allies": the names the previous answer listed (of that many, when it says
        // how many), or else an earlier answer of the conversation did ("how big is the fund", then "were those same countries
        // invited": the countries two answers back).
        var group = GroupReferenceRegex().Match(q);
        if (group.Success && group.Value.StartsWith("the", StringComparison.OrdinalIgnoreCase) && AsksWhichOnesRegex().IsMatch(q[..group.Index]))
        {
            // "who were the two people tipped to succeed him": the group is what the question asks for, named by what follows;
            // putting an earlier answer's names in its place would ask who those names were.
            group = Match.Empty;
        }

        var answers = new[] { last.Answer.Text }.Concat(history.Reverse().Where(t => t.Answer.Citations.Count > 0).Select(t => t.Answer.Text).Take(MaxTurnsBack));
        if (group.Success && answers.Select(a => Enumerations(a).FirstOrDefault(list => CountWord(group.Groups["n"].Value) is not { } n || n == list.Count))
                .FirstOrDefault(list => list is not null) is { } members)
        {
            var joined = string.Join(", ", members[..^1]) + " and " + members[^1];
            return q[..group.Index] + joined + q[(group.Index + group.Length)..];
        }

        var ordinal = OrdinalRegex().Match(q);
        if (ordinal.Success)
        {
            var names = ListedNames(last.Answer.Text);
            var asked = ordinal.Groups["n"].Value.ToLowerInvariant();
            var n = (Vocabulary.OrdinalWords.GetValueOrDefault(asked) ?? asked) switch
            {
                "first" => 0, "second" => 1, "third" => 2, "fourth" => 3, "last" => names.Count - 1,
                // "the other one": the listed name the previous question was not about.
                "other" => names.FindIndex(n => !last.ResolvedQuestion.Contains(n.Split(' ')[^1], StringComparison.OrdinalIgnoreCase)),
                _ => -1,
            };
            if (n >= 0 && n < names.Count)
            {
                return q[..ordinal.Index] + names[n] + q[(ordinal.Index + ordinal.Length)..];
            }
        }

        // "the british one", "the danish guy": the listed name the answer gives that nationality ("British Defense Secretary
        // Ben Wallace").
        var described = NationalityOneRegex().Match(q);
        if (described.Success && Lexicon.Default.IsDemonym(described.Groups["nat"].Value) &&
            ListedNames(last.Answer.Text).FirstOrDefault(n => n.Split(' ').Contains(described.Groups["nat"].Value, StringComparer.OrdinalIgnoreCase)) is { } who)
        {
            return q[..described.Index] + who + q[(described.Index + described.Length)..];
        }

        var there = PlaceReferenceRegex().Match(q);
        // "there" points to where the answer says something happened ("in Brussels"), or to the meeting it talks about (left
        // as it is); "that city" to a city the answer names. After "in which city?" it is the city that answered it, wherever
        // the answer names it.
        var afterPreposition = AfterPreposition(last.Answer.Text);
        var kind = there.Groups["kind"].Value;
        var askedPlace = AskedPlaceRegex().Match(last.ResolvedQuestion);
        if (kind.Length == 0 && askedPlace.Success)
        {
            kind = askedPlace.Groups["kind"].Value;
        }

        if (there.Success && kind.Length == 0 && afterPreposition is not null)
        {
            // The place the user last asked about comes before one an answer only mentions in passing: a place the last question
            // named ("who won the tennis in Washington?"), else the one an earlier "where…?" about the same briefing was
            // answered with ("where did the ministers meet?" → "in Brussels", then "who chaired it?", then "what else happened
            // there?": not the "decisions we made in Washington" the last answer quotes). An answer that names no place leaves
            // "there" as it is, to be read with the topic carried over.
            afterPreposition = PlaceAskedIn(last.ResolvedQuestion) ?? AnsweredWhere(last, history) ?? afterPreposition;
        }

        if (there.Success && (kind.Length == 0 ? afterPreposition : NamedPlaceIn(last.Answer.Text, kind, askedPlace.Success) ?? afterPreposition) is { } name)
        {
            return q[..there.Index] + (there.Value.Equals("there", StringComparison.OrdinalIgnoreCase) ? "in " + name : name) + q[(there.Index + there.Length)..];
        }

        return q;
    }

    /// <summary>A place the question puts what it asks about "in" or "at" ("who won the tennis in washington"), as typed; null
    /// when there is none. A country it asks about otherwise ("what did he say about Ukraine") is a subject, not a place.</summary>
    private static string? PlaceAskedIn(string question) =>
        InOrAtRegex().Matches(question).Select(m => m.Groups["place"].Value).FirstOrDefault(p => Lexicon.Default.NamedPlace(p) is not null);

    /// <summary>The place an earlier "where…?" turn was answered with, when every answer since cites its briefing; null when
    /// there is no such turn within <see cref="MaxTurnsBack"/>.</summary>
    private static string? AnsweredWhere(ConversationTurn last, IReadOnlyList<ConversationTurn> history)
    {
        var briefing = last.Answer.Citations.FirstOrDefault()?.File;
        if (briefing is null || AsksWhereRegex().IsMatch(last.ResolvedQuestion))
        {
            return null;
        }

        foreach (var turn in history.Reverse().SkipWhile(t => !ReferenceEquals(t, last)).Skip(1).Take(MaxTurnsBack))
        {
            if (!turn.Answer.Citations.Any(c => c.File == briefing))
            {
                return null;
            }

            if (AsksWhereRegex().IsMatch(turn.ResolvedQuestion))
            {
                return AfterPreposition(turn.Answer.Text);
            }
        }

        return null;
    }

    /// <summary>Where the answer says something happened: the first name after "in", "at", "to" or "from" that is not a
    /// person's ("according to Stoltenberg" is no place); null when there is none.</summary>
    private static string? AfterPreposition(string answer) =>
        PlaceRegex().Matches(answer).Select(m => m.Groups["place"].Value).FirstOrDefault(n => !Speakers.IsPerson(n));

    /// <summary>The first capitalized word of the answer that WordNet knows as a place of the kind referred to ("that city":
    /// a city; "that country": a country; "there", "that place": any), or null. <paramref name="answersWhere"/>: the answer
    /// answers a question asking where, so the place it puts something "in" or "at" is the one asked about.</summary>
    private static string? NamedPlaceIn(string answer, string kind, bool answersWhere = false)
    {
        var text = CitationMarkerRegex().Replace(answer, " ");
        var tokens = TermAnalyzer.Tokenize(text);
        // "Wiesbaden, Germany": a name followed by a comma and a country is a town or city in that country.
        Lexicon.PlaceKind? InCountry(int i) =>
            i + 1 < tokens.Count && tokens[i + 1].IsCapitalized && Lexicon.Default.NamedPlace(tokens[i + 1].Surface) == Lexicon.PlaceKind.Country &&
            text[(tokens[i].Start + tokens[i].Surface.Length)..tokens[i + 1].Start].Trim() == "," ? Lexicon.PlaceKind.City : null;
        // When the answer answers "in which city?", "a press conference in Brussels" says where; "the Washington Summit" may
        // only name something: a place right after "in" or "at" comes first. A capitalized function word ("In") is no place.
        bool AfterInOrAt(int i) => answersWhere && i > 0 && tokens[i - 1].Surface is "in" or "at";
        foreach (var (t, i) in tokens.Select((t, i) => (t, i)).Where(x => x.t.IsCapitalized && !Vocabulary.IsFunctionWord(x.t.Surface) && !Vocabulary.StopWords.Contains(x.t.Surface.ToLowerInvariant()))
                     .OrderBy(x => AfterInOrAt(x.i) ? 0 : 1))
        {
            if ((Lexicon.Default.NamedPlace(t.Surface) ?? InCountry(i)) is { } found && kind.ToLowerInvariant() switch
                {
                    "city" or "town" or "capital" => found == Lexicon.PlaceKind.City,
                    "country" => found == Lexicon.PlaceKind.Country,
                    _ => true,
                })
            {
                return t.Surface.EndsWith("'s", StringComparison.Ordinal) ? t.Surface[..^2] : t.Surface;
            }
        }

        return null;
    }

    /// <summary>"around then", "at that time", "that month" → the period the previous question named ("in June 2023"), or
    /// else the month of the briefing the previous answer cites first; the question as it is when it has no such
    /// reference or the previous turn gives no period.</summary>
    private static string ResolveTime(string q, ConversationTurn last)
    {
        var reference = TimeReferenceRegex().Match(q);
        if (!reference.Success)
        {
            return q;
        }

        // "i meant the june one - what did he say then": "then" is the month the question names itself ("june 2023" as it
        // is; a month without a year is in the year the conversation is about). A bare year says less: "that month in 2023"
        // still needs the month.
        var rest = q.Remove(reference.Index, reference.Length);
        if (AnyPeriodRegex().Match(rest) is { Success: true } ownPeriod && MonthIn(ownPeriod.Value) is not null)
        {
            return q;
        }

        // "that same day" / "the same week": the day of the briefing the answer cites, when it has one.
        var published = last.Answer.Citations.FirstOrDefault()?.Published;
        var unit = reference.Groups["unit"].Value.ToLowerInvariant();
        var day = unit is "day" or "week";
        var named = PeriodRegex().Match(last.ResolvedQuestion);
        if (OwnMonthRegex().Match(rest) is { Success: true } own)
        {
            var old = AnyPeriodRegex().Match(last.ResolvedQuestion);
            var year = old.Success ? old.Value[^4..] : published?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var ownMonth = MonthName(Vocabulary.Months[own.Groups["month"].Value.ToLowerInvariant()]);
            // "in september that year": the question names the month itself, so "that year" is only the year.
            var asked = unit == "year" ? year : "in " + ownMonth + " " + year;
            return year is null ? q : q[..reference.Index] + asked + q[(reference.Index + reference.Length)..];
        }

        // "that year" is the year, not the month, of the briefing the answer cites. "That same month" is no year the previous
        // question named ("stretched in 2022"): a month is needed, from the briefing.
        var period = day && published is { } date ? "on " + date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : named.Success && (unit != "month" || MonthIn(named.Value) is not null) ? named.Value
            : published is { } month ? "in " + month.ToString(unit == "year" ? "yyyy" : "MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : null;
        if (period is not null && EndsWithPrepositionRegex().IsMatch(q[..reference.Index]))
        {
            // "the first half of that year": "of 2024", not "of in 2024".
            period = LeadingPrepositionRegex().Replace(period, string.Empty);
        }

        return period is null ? q : q[..reference.Index] + period + q[(reference.Index + reference.Length)..];
    }

    [GeneratedRegex(@"\b(?:of|in|on|during|for|from|by|since|until|before|after)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EndsWithPrepositionRegex();

    [GeneratedRegex(@"^(?:in|on|during|of)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPrepositionRegex();

    /// <summary>Names in the order the answer lists them ("Sweden, Spain and Belgium"), without citation markers.</summary>
    private static List<string> ListedNames(string answer) => [.. Enumerations(answer).SelectMany(list => list).Distinct(StringComparer.Ordinal)];

    /// <summary>The answer's enumerations of names ("Sweden, Spain and Belgium"), each as its names in order; months and
    /// weekdays ("on Thursday and Friday") left out.</summary>
    private static IEnumerable<List<string>> Enumerations(string answer)
    {
        foreach (Match m in EnumerationRegex().Matches(CitationMarkerRegex().Replace(answer, " ")))
        {
            var names = ListSeparatorRegex().Split(m.Value).Select(item => item.Trim())
                .Where(name => name.Length > 0 && !Vocabulary.Months.ContainsKey(name.ToLowerInvariant()) && !Weekdays.Contains(name))
                .Distinct(StringComparer.Ordinal).ToList();
            if (names.Count >= 2)
            {
                yield return names;
            }
        }
    }

    private static readonly HashSet<string> Weekdays = new(SentenceFeatures.WeekdayNames.Split('|'), StringComparer.OrdinalIgnoreCase);

    /// <summary>"four" or "4" as a number; null for anything else (no count given).</summary>
    private static int? CountWord(string word) => word.ToLowerInvariant() switch
    {
        "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10,
        var digits when int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>Replaces a run of names in <paramref name="previous"/> (e.g. "Sweden, Spain and Belgium") with
    /// <paramref name="entity"/>: the first run of the same kind (a place for a place, anything else for anything else),
    /// else the first run. Names typed in lower case count ("what did italy pledge").</summary>
    private static string ReplaceEntities(string previous, string entity)
    {
        var runs = NameRuns(previous);
        if (runs.Count == 0)
        {
            return $"{entity}: {previous}";
        }

        var place = IsPlace(entity);
        var (start, length) = runs.FirstOrDefault(r => IsPlace(previous.Substring(r.Start, r.Length)) == place, runs[0]);
        return previous[..start] + entity + previous[(start + length)..];
    }

    /// <summary>Where the names of a question are: capitalized runs inside it (with the lists they form), and words the
    /// analyzer reads as names however they are written, with the lists they form ("sweden, spain and belgium").</summary>
    private static List<(int Start, int Length)> NameRuns(string text)
    {
        var runs = EntityRunRegex().Matches(text).Select(m => (m.Index, m.Length)).ToList();
        var tokens = TermAnalyzer.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsStopWord || !Retrieval.QueryAnalyzer.IsName(tokens[i], text) || runs.Any(r => tokens[i].Start >= r.Index && tokens[i].Start < r.Index + r.Length))
            {
                continue;
            }

            var end = i;
            while (true)
            {
                // The next name, right after this one or after a list's "and" / "or" ("sweden spain and belgium").
                var next = end + 1 < tokens.Count && tokens[end + 1].Surface.ToLowerInvariant() is "and" or "or" ? end + 2 : end + 1;
                if (next >= tokens.Count || tokens[next].IsStopWord || !Retrieval.QueryAnalyzer.IsName(tokens[next], text) ||
                    text[(tokens[end].Start + tokens[end].Surface.Length)..tokens[next].Start].Any(c => !char.IsWhiteSpace(c) && c != ',' && !char.IsLetter(c)))
                {
                    break;
                }

                end = next;
            }

            runs.Add((tokens[i].Start, tokens[end].Start + tokens[end].Surface.Length - tokens[i].Start));
            i = end;
        }

        return [.. runs.OrderBy(r => r.Index)];
    }

    /// <summary>Does the text name a place (a country, city or region WordNet knows, or a nationality)?</summary>
    private static bool IsPlace(string text) =>
        TermAnalyzer.Tokenize(text).Any(t => Lexicon.Default.NamedPlace(t.Surface) is not null || Lexicon.Default.IsDemonym(t.Surface));

    private static string CarryPeriod(string rewritten, string previous, string original)
    {
        if (PeriodRegex().IsMatch(original) || AnyPeriodRegex().IsMatch(original) || TimeReferenceRegex().IsMatch(original) || RelativePeriodRegex().IsMatch(original))
        {
            // It names its own period, points to one ("that same month") even when the conversation could not say which, or
            // counts from the article's day or today ("their summit next year", "who runs it now").
            return rewritten;
        }

        if (BareMonthRegex().IsMatch(original))
        {
            // "what did he say in october": that October, in the conversation's year, not "in october in June 2024".
            return WithConversationYear(rewritten, previous) ?? rewritten;
        }

        var period = PeriodRegex().Match(previous);
        if (!period.Success || rewritten.Contains(period.Value, StringComparison.OrdinalIgnoreCase))
        {
            return rewritten;
        }

        // The period belongs to the question, before the topic a follow-up carries in brackets: "how much will it cost in
        // june 2023? (new maritime centre)". After the brackets it would be read as the question itself ("(new maritime
        // centre) in june 2023?"), asking for nothing in particular.
        var topic = TopicRegex().Matches(rewritten).LastOrDefault();
        return topic is not null && rewritten[(topic.Index + topic.Length)..].Trim().TrimEnd('?').Length == 0 && topic.Length > 3
            ? rewritten[..topic.Index].TrimEnd().TrimEnd('?', ' ') + " " + period.Value + "? " + topic.Value.Trim()
            : rewritten.TrimEnd('?', ' ') + " " + period.Value + "?";
    }

    /// <summary>The question with the year of the previous question's period after a month it names without one ("by
    /// october" after a question about June 2024: "by october 2024"); null when it names no such month or the previous
    /// question no year.</summary>
    private static string? WithConversationYear(string q, string previous)
    {
        var month = BareMonthRegex().Match(q);
        if (!month.Success || AnyPeriodRegex().IsMatch(q) || YearRegex().Match(previous) is not { Success: true } year)
        {
            return null;
        }

        var end = month.Index + month.Length;
        return q[..end] + " " + year.Value + q[end..];
    }

    private static bool IsQuestionWord(string w) => w.ToLowerInvariant() is "what" or "who" or "when" or "where" or "which" or "why" or "how" or "did" or "does" or "is" or "was";

    [GeneratedRegex(@"^(?:and\s+)?(?:what|how)\s+about\s+(?<what>[^?]+)\??$|^(?:and|or)\s+(?!(?:who|whom|whose|what|when|where|which|why|how|did|does|do|is|was|were|are|has|have|had|can|could|will|would|should)\b)(?<what>[^?]+)\??$", RegexOptions.IgnoreCase)]
    private static partial Regex AboutRegex();

    // "the june one, who chaired it", "the june one - who chaired it": a comma or a dash before the question.
    [GeneratedRegex(@"(?:,|\s+[\-\u2013\u2014]|[\u2013\u2014])(?=\s*(?:who|what|when|where|which|how|did|does|is|was|were|are)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AskedAfterCommaRegex();

    /// <summary>A period opening what follows "and", then the question with nothing between them: "in 2023 how was…",
    /// "by october 2024 who…".</summary>
    [GeneratedRegex(@"^(?:(?:in|by|during|for|from)\s+)?(?:(?:\d{1,2}\s+)?(?:" + Months + @")\.?\s+)?(?:19|20)\d{2}(?=\s+(?:who|what|when|where|which|how|did|does|is|was|were|are)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPeriodRegex();

    /// <summary>A question that goes on from the last: "and who…", "so what…", "also, when…".</summary>
    [GeneratedRegex(@"^(?:and|so|also|then)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContinuesRegex();

    /// <summary>"one" standing for a thing named before ("the one after that", "the other one").</summary>
    [GeneratedRegex(@"\bones?\b", RegexOptions.IgnoreCase)]
    private static partial Regex OneRegex();

    /// <summary>A month named as a time without its year: after a word that places in time ("by october", "in june") or
    /// before a meeting ("the october meeting"). Not "may" as a verb, not a month with its year or day after it, and not a
    /// month that qualifies something else ("the june record" is the record for any June).</summary>
    [GeneratedRegex(@"\b(?:in|by|during|from|since|until|before|after)\s+(?:" + Months + @")\b(?!\.?\s*\d)|\b(?:" + Months + @")(?=\s+(?:meeting|ministerial|summit|session|talks|one|gathering|conference)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex BareMonthRegex();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex YearRegex();

    /// <summary>A question for a set of countries: "which countries", "which three allies", "what nations".</summary>
    [GeneratedRegex(@"\b(?:which|what)\s+(?:\w+\s+)?(?:countries|nations|allies|states|members)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhichGroupRegex();

    /// <summary>A correction's opening, up to what the user meant: "no, i meant", "no sorry, I meant", "sorry i mean", "no wait,
    /// i was asking about".</summary>
    /// <summary>A follow-up asking for something other than what the conversation has found ("anything else in the news",
    /// "something else opened there", "any other report", "another article"); not "what else did he say", which asks for
    /// more of the same.</summary>
    [GeneratedRegex(@"\b(?:anything|something)\s+else\b|\bany\s+other\s+(?:news|reports?|articles?|stor(?:y|ies)|briefings?|sources?)\b|\banother\s+(?:article|report|story|briefing|source)\b|\belse\s+(?:in|on)\s+the\s+news\b", RegexOptions.IgnoreCase)]
    private static partial Regex SomethingElseRegex();

    [GeneratedRegex(@"^\W*(?:(?:no|nope|nah|sorry|oops|wait|actually|hang\s+on|my\s+bad)\b[\s,.!\-\u2013\u2014]*)*i\s+(?:meant|mean|was\s+(?:asking|talking)\s+about)\b[\s,:\-\u2013\u2014]*", RegexOptions.IgnoreCase)]
    private static partial Regex CorrectionRegex();

    // A follow-up that is only a period: "and in 2023?", "what about october", "vs the year before", "and a year earlier?".
    // "the one in june 2023", "the october one", "the 2023 one", "the june one, 2024" and "the june 2023 meeting" name the
    // same kind of thing in another period.
    [GeneratedRegex(@"^(?:(?:and|or|but)\s+)?(?:(?:what|how)\s+about\s+)?(?:(?:vs\.?|versus|compared\s+(?:to|with))\s+)?(?:(?:in|by|for|during|from|over|on)\s+)?(?:the\s+)?(?:one\s+(?:in|from|of)\s+)?(?:the\s+)?" +
        @"(?:(?<period>(?:(?:\d{1,2}\s+)?(?:" + Months + @")\.?\s+)?(?:19|20)\d{2})" +
        @"|(?<monthOf>" + Months + @")\.?(?:\s+one)?\s*,?\s+(?:of\s+|in\s+)?(?<yearOf>(?:19|20)\d{2})" +
        @"|(?<month>" + Months + @")" +
        @"|(?<part>(?:first|second|1st|2nd)\s+half|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)" +
        @"|(?:a|one)\s+year\s+(?<dir>earlier|before|later|after)|year\s+(?<dir>before|after|prior)|(?<dir>previous|prior|following)\s+year)" +
        @"(?:\s+(?:one|meeting|ministerial|session))?\s*(?:then|instead)?\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodOnlyRegex();

    [GeneratedRegex(@"(?:(?:\d{1,2}\s+)?(?:" + Months + @")\.?\s+)?(?:19|20)\d{2}", RegexOptions.IgnoreCase)]
    private static partial Regex AnyPeriodRegex();

    /// <summary>A period counted from the conversation's: "a year later", "the year before", "the following year".</summary>
    [GeneratedRegex(@"\b(?:(?:a|one)\s+year\s+(?:earlier|before|later|after)|year\s+(?:before|after|prior)|(?:previous|prior|following)\s+year)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearShiftRegex();

    /// <summary>Month names and their abbreviations ("oct 2024").</summary>
    private const string Months = SentenceFeatures.MonthNames + "|" + SentenceFeatures.MonthAbbreviations;

    [GeneratedRegex(@"\b(?:first|second|1st|2nd)\s+half\b|\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartOfYearRegex();

    /// <summary>The question with the words of <paramref name="topic"/> it does not say itself added as its topic ("who won
    /// the tennis there (washington)?"); null when it says them all.</summary>
    private static string? WithTopic(string question, string topic)
    {
        var said = TermAnalyzer.Terms(question);
        var unsaid = TermAnalyzer.Tokenize(topic).Where(t => !t.IsStopWord && !said.Contains(t.Term)).Select(t => t.Surface).ToList();
        return unsaid.Count == 0 ? null : $"{question.TrimEnd('?', ' ')} ({string.Join(' ', unsaid)})?";
    }

    /// <summary>A preface announcing a change of subject, up to its colon, dash or comma: "new question:", "totally different
    /// q -", "ok, switching topics,", "unrelated -", "other thing -"; with the subject it turns to, in group <c>topic</c>:
    /// "different washington thing -", "another rugby question:".</summary>
    [GeneratedRegex(@"^\W*(?:(?:ok(?:ay)?|right|thanks|and)\W+)?(?:on\s+(?:a\s+|an\s+)?)?(?:(?:totally|completely|something|a|one|quick)\s+)?(?:new|different|diff|separate|other|another|unrelated|random|off[\s\-]topic|switching|changing|change\s+of)(?:(?:\s+(?<topic>[\w'\u2019.]+(?:-[\w'\u2019.]+)*(?:\s+[\w'\u2019.]+(?:-[\w'\u2019.]+)*)?))?\s+(?:topics?|questions?|q|things?|subjects?|gears|ones?|note|story|stories))?\s*[:\-\u2013\u2014,]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NewTopicRegex();

    [GeneratedRegex(@"\s\([^()]*\)")]
    private static partial Regex TopicRegex();

    /// <summary>"ok back to nato, …", "going back to the summit - …", "back to stoltenberg: …": a return to an earlier topic,
    /// then the question (after a comma, colon or dash, or starting with its question word).</summary>
    [GeneratedRegex(@"^\W*(?:(?:ok(?:ay)?|right|alright|so|and|anyway|now|but|cool|great|thanks)\W+)*(?:(?:going|getting|coming|switching|turning|circling)\s+)?back\s+to\s+(?<topic>[^,:;?]+?)(?:\s*[,:;]|\s+[-\u2013\u2014]|\s+(?=(?:who|whom|whose|what|whats|when|where|which|why|how|did|does|do|is|was|were|are|has|have|had|can|could|will|would|should)\b))\W*(?<rest>\w.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex BackToRegex();

    [GeneratedRegex(@"\b(?:it|they|them|this|that)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItRegex();

    [GeneratedRegex(@"\b(?:he|his|him|she|her|hers)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonPronounRegex();

    // "a data centre opened…", "there was also a report…", "is there a story…": the question opens with a new thing or says
    // one exists (up to its article).
    [GeneratedRegex(@"^\W*(?:(?:ok(?:ay)?|and|so|also|btw)\W+)?(?:(?:(?:is|was|are|were)\s+there|there(?:\s+(?:is|was|are|were)|\s*['\u2019]?s))(?:\s+(?:also|any))?\s+)?(?<article>an?|another)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExistentialRegex();

    [GeneratedRegex(@"\b(?:it|its|that|this|they|them|their|these|those)\b|" + PlaceThere, RegexOptions.IgnoreCase)]
    private static partial Regex ThingPronounRegex();

    /// <summary>"there" as a place ("was it hot there"), not the "there" that says something exists ("is there a report",
    /// "wasnt there also an airline", "there were protests"), which points nowhere.</summary>
    private const string PlaceThere =
        @"\bthere\b(?!['\u2019]?s\b|\s+(?:is|are|was|were|will|would|has|have|had|might|may|could|seems?|appears?|remains?|used)\b)" +
        @"(?!(?<=\b(?:is|are|was|were|isn['\u2019]?t|aren['\u2019]?t|wasn['\u2019]?t|weren['\u2019]?t|will|won['\u2019]?t|would|has|have|had|could|might|be|been)\s+there)" +
        @"\s+(?:a|an|any|anything|anyone|anybody|some|something|someone|also|still|more|much|many|enough|other|another|no|ever|really|actually|going|be|been|only|several)\b)";

    [GeneratedRegex(@"(?<![.?!]\s)(?<=\s)[A-Z][\w\-]+(?:(?:,\s*|\s+and\s+|\s+)[A-Z][\w\-]+)*")]
    private static partial Regex EntityRunRegex();

    // "the second one", "the other guy", or the ordinal alone as the whole follow-up ("and the first?"); not "the first half".
    [GeneratedRegex(@"\bthe\s+(?<n>first|second|third|fourth|last|other|1st|2nd|3rd|4th)\s+(?:one|country|ally|name|item|person|guy|man|woman|candidate)\b|(?<=^(?:(?:and|or|what\s+about|how\s+about)\s+)?)the\s+(?<n>first|second|third|fourth|last|other|1st|2nd|3rd|4th)(?=\s*[?.!]*\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalRegex();

    // "the british one", "the danish guy": someone of the previous answer, by nationality (checked against WordNet).
    [GeneratedRegex(@"\bthe\s+(?<nat>[A-Za-z]+)\s+(?:one|guy|man|woman|candidate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NationalityOneRegex();

    // "since then", "by then", "before then" are not "in" that period: they stay as they are.
    [GeneratedRegex(@"\b(?:(?:around|about|at|back)\s+)?(?<!\b(?:since|until|till|by|before|after|from)\s+)then\b|\b(?:(?:at|by|around|in|during|on)\s+)?(?:that\s+(?:same\s+)?|the\s+same\s+)(?<unit>time|year|month|week|day)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeReferenceRegex();

    /// <summary>A period counted from the day of the article or from today: "next year", "this month", "the coming
    /// winter", "now", "these days", "so far".</summary>
    [GeneratedRegex(@"\b(?:next|this|last|previous|coming|following)\s+(?:year|month|week|summer|spring|autumn|fall|winter|season)\b|\b(?:today|now|currently|nowadays|these\s+days|at\s+the\s+moment|so\s+far|to\s+date)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativePeriodRegex();

    [GeneratedRegex(PlaceThere + @"|\b(?:that|this|the same)\s+(?<kind>city|place|country|town|capital)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceReferenceRegex();

    /// <summary>A question asking for a kind of place: "in which city", "what country". ("Where" may be answered by a region,
    /// a peninsula or a building: "there" then keeps pointing where the answer says something happened.)</summary>
    [GeneratedRegex(@"^\W*(?:(?:and|so|ok(?:ay)?)\W+)?(?:(?:in|at)\s+)?(?:which|what)\s+(?<kind>city|country|town|capital)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AskedPlaceRegex();

    [GeneratedRegex(@"\b(?:in|at)\s+(?<place>[\w\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex InOrAtRegex();

    /// <summary>A question asking where something is or happened.</summary>
    [GeneratedRegex(@"\bwhere\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhereRegex();

    // A month the question names as its own time ("the june one", "in october", "the oct meeting"); after a preposition or
    // before a meeting word, so that "may" and "march" as verbs are not months.
    [GeneratedRegex(@"\b(?:in|the|of|during|from|last|that)\s+(?<month>" + Months + @")\b(?!\s+(?:19|20)\d{2})|\b(?<month>" + Months + @")\s+(?:one|meeting|ministerial|summit|session|talks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnMonthRegex();

    // A month or weekday after "in" / "on" is a time, not a place.
    [GeneratedRegex(@"\b(?:in|at|to|from)\s+(?!(?:" + SentenceFeatures.MonthNames + "|" + SentenceFeatures.WeekdayNames + @")\b)(?<place>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")]
    private static partial Regex PlaceRegex();

    private const string GroupCount = @"(?<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})";
    private const string GroupNoun = "(?:countries|nations|allies|partners|states|leaders|companies|firms|people|ones)";

    // "those four", "these 3 countries", "the same allies": a group the previous answer listed. "the" needs "same" or a
    // number ("the allies" are all of them).
    [GeneratedRegex(@"\b(?:(?:those|these)\s+(?:same\s+)?(?:" + GroupCount + @"(?:\s+" + GroupNoun + ")?|" + GroupNoun + @")|the\s+(?:same\s+(?:" + GroupCount + @"\s+)?|" + GroupCount + @"\s+)" + GroupNoun + @")(?![\w\-%])", RegexOptions.IgnoreCase)]
    private static partial Regex GroupReferenceRegex();

    // "who were …", "which are …", "what was …" just before a group: the question asks which ones they are.
    [GeneratedRegex(@"\b(?:who|which|what)\s+(?:were|are|was|is)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhichOnesRegex();

    // An enumeration of capitalized names: "Sweden, Spain and Belgium", "France or Germany".
    // A name may open with "the" and join its words with "of" ("the Republic of Korea").
    [GeneratedRegex(@"(?:the\s+)?[A-Z][\w\-]+(?:\s+(?:of\s+)?[A-Z][\w\-]+)*(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?[A-Z][\w\-]+(?:\s+(?:of\s+)?[A-Z][\w\-]+)*)*,?\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w\-]+(?:\s+(?:of\s+)?[A-Z][\w\-]+)*")]
    private static partial Regex EnumerationRegex();

    [GeneratedRegex(@"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")]
    private static partial Regex ListSeparatorRegex();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex CitationMarkerRegex();

    [GeneratedRegex(@"\b(?:in|during|of)\s+(?:(?:\d{1,2}\s+)?(?:" + SentenceFeatures.MonthNames + @")\s+)?(?:19|20)\d{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodRegex();
}
