using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Retrieval;

/// <summary>
/// Understands a question offline: its terms (with spelling variants, stems, NATO acronyms and titles), the type of
/// answer it wants, the period it names ("in October 2024", "June 2023", "last year") and whether it wants the
/// newest or oldest briefing ("the latest meeting", "most recent", "who is ...").
/// </summary>
public sealed partial class QueryAnalyzer(TimeProvider clock)
{
    private static readonly HashSet<string> TemporalTerms =
        TermAnalyzer.Terms("latest recent recently newest new current currently now today most last earliest oldest first").ToHashSet(StringComparer.Ordinal);

    public QueryAnalysis Analyze(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        question = ChatShorthand.Expand(question);
        // "the summit was in july, right?": the tag asks to confirm the statement; its words are not searched for.
        var tagged = TagQuestionRegex().IsMatch(question);
        question = TagQuestionRegex().Replace(question, string.Empty);
        var tokens = TermAnalyzer.Tokenize(question);
        var core = new List<string>();
        var salient = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // "pre-summit": the prefix is part of the word after it, which is searched.
            if (token.IsStopWord || QueryVocabulary.QuestionWords.Contains(token.Surface) || IsBoundPrefix(token, question))
            {
                continue;
            }

            var before = core.Count;
            TermAnalyzer.AddTerms(token, core);
            TermAnalyzer.AddChatAcronym(token, core);
            var isMonth = Vocabulary.Months.ContainsKey(token.Surface.ToLowerInvariant().TrimEnd('.'));
            // A time of day ("before my 10am") says when the user asks, not what about.
            if ((token.IsNumber && !isMonth && !QueryVocabulary.NotNames.Contains(token.Surface) && !TimeOfDayRegex().IsMatch(token.Surface)) || IsName(token, question))
            {
                // The number of "40bn", not the word as written.
                salient.Add(core.Count > before ? core[before] : token.Term);
            }
        }

        var (range, dateText) = FindAskedDates(question);
        var dateTerms = dateText is null ? [] : TermAnalyzer.Terms(dateText);
        core.RemoveAll(dateTerms.Contains);
        salient.RemoveAll(dateTerms.Contains);

        core = core.Distinct(StringComparer.Ordinal).ToList();
        var terms = new List<string>(core);
        var alternatives = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (token, i) in tokens.Select((t, i) => (t, i)))
        {
            // The asked period's words ("March 2024") are a date, not the verb "march" ("process").
            if (token.IsStopWord || token.IsNumber || QueryVocabulary.QuestionWords.Contains(token.Surface) || QueryVocabulary.AnswerKindWords.Contains(token.Surface) ||
                alternatives.ContainsKey(token.Term) || dateTerms.Contains(token.Term))
            {
                continue;
            }

            // "stepping down", "take over": a verb and its particle mean what the phrasal verb does ("resign", "assume"), not
            // what the verb alone does ("step" is no "footstep").
            var phrasal = i + 1 < tokens.Count ? Lexicon.Default.PhrasalVerb(token.Surface, tokens[i + 1].Surface) : null;
            var alts = (phrasal ?? Expansions(token.Surface)).SelectMany(TermAnalyzer.Terms).Where(t => t != token.Term && !Vocabulary.StopWords.Contains(t)).Distinct(StringComparer.Ordinal).Take(MaxExpansions).ToList();
            if (alts.Count > 0)
            {
                alternatives[token.Term] = alts;
                terms.AddRange(alts.Where(t => !terms.Contains(t)));
            }
        }

        foreach (Match described in CapitalOfRegex().Matches(question))
        {
            // "the Lithuanian capital", "the US capital", "the capital of Belgium": the city, by any name WordNet gives it
            // ("Vilnius"), stands for the description; a briefing seldom writes both.
            var capitals = Lexicon.Default.CapitalsOf(described.Groups["place"].Value).Select(TermAnalyzer.Normalize).ToList();
            if (capitals.Count == 0)
            {
                continue;
            }

            foreach (var describedTerm in new[] { described.Groups["place"].Value, "capital" }.Select(TermAnalyzer.Normalize).Where(t => t.Length > 0))
            {
                alternatives[describedTerm] = [.. (alternatives.GetValueOrDefault(describedTerm) ?? []), .. capitals];
            }

            terms.AddRange(capitals.Where(c => !terms.Contains(c)));
        }

        foreach (Match model in SplitModelNameRegex().Matches(question))
        {
            if (dateText is not null && dateText.Contains(model.Value, StringComparison.OrdinalIgnoreCase))
            {
                continue; // "mid-2023" is a period, not a model name
            }

            // "clv-207" in a lower-case chat question is the model name "CLV-207" the briefings write: the joined term
            // stands for both parts.
            var joined = TermAnalyzer.Normalize(model.Value.Replace("-", string.Empty, StringComparison.Ordinal));
            foreach (var part in new[] { model.Groups["prefix"].Value, model.Groups["number"].Value }.Select(TermAnalyzer.Normalize))
            {
                if (part.Length > 0 && part != joined)
                {
                    alternatives[part] = [.. (alternatives.GetValueOrDefault(part) ?? []), joined];
                }
            }

            if (!terms.Contains(joined))
            {
                terms.Add(joined);
            }
        }

        foreach (var number in salient.Where(t => t.Length > 0 && char.IsAsciiDigit(t[0]) && t.All(char.IsAsciiDigit)).ToList())
        {
            // "155" finds "155mm" (a number and its unit are one term).
            var measures = Vocabulary.Units.Select(u => number + u).ToList();
            AddAlternatives(alternatives, terms, number, measures);
        }

        foreach (var ordinal in salient.Where(t => Vocabulary.OrdinalWords.ContainsKey(t)).ToList())
        {
            // "3rd topic", "his 2nd ministerial": briefings spell small ordinals out ("the third topic").
            var word = TermAnalyzer.Normalize(Vocabulary.OrdinalWords[ordinal]);
            AddAlternatives(alternatives, terms, ordinal, [word]);
        }

        foreach (var (rate, unit) in Rates(question))
        {
            // "how much aid per year": a briefing writes the same rate as "EUR 40 billion annually" or "a year".
            var forms = Vocabulary.RateWords[unit].Append(unit).SelectMany(TermAnalyzer.Terms).Distinct(StringComparer.Ordinal).ToList();
            foreach (var written in TermAnalyzer.Terms(rate))
            {
                if (!forms.Contains(written))
                {
                    // "per", "every": the rate's other words, which the briefing's "annually" does not have.
                    core.Remove(written);
                    terms.Remove(written);
                    continue;
                }

                AddAlternatives(alternatives, terms, written, forms.Where(f => f != written));
            }
        }

        foreach (Match count in CountedListRegex().Matches(question))
        {
            // "the three topics": the number says how many things to list, it is not something to find.
            var term = TermAnalyzer.Normalize(count.Groups["n"].Value);
            core.Remove(term);
            terms.Remove(term);
        }

        var recency = LatestRegex().IsMatch(question) ? Recency.Latest : EarliestRegex().IsMatch(question) ? Recency.Earliest : Recency.None;
        var clause = QuestionClause(question);
        var type = Classify(clause, dateText) is var asked && asked == QuestionType.Other && tagged ? QuestionType.YesNo : asked;
        // "now", "today", "currently": the present. The briefings end before it, so the newest ones are preferred (and the
        // answer says how old they are), but no briefing is taken for "today".
        var prefersNewest = recency == Recency.Latest || PresentRegex().IsMatch(question) || (type == QuestionType.Who && CurrentRegex().IsMatch(clause));
        if (recency != Recency.None || prefersNewest)
        {
            // "the latest meeting", "the new Secretary General": these words choose the briefing, they are not its content.
            core.RemoveAll(TemporalTerms.Contains);
            terms.RemoveAll(TemporalTerms.Contains);
        }

        var overview = OverviewRegex().Match(clause);
        if (overview.Success)
        {
            // "summarize", "what happened at": how the question asks, not what the briefing must contain.
            var asking = TermAnalyzer.Terms(overview.Value).Except(TermAnalyzer.Terms(OverviewTopics)).ToHashSet(StringComparer.Ordinal);
            core.RemoveAll(asking.Contains);
            terms.RemoveAll(asking.Contains);
        }
        else
        {
            // "according to the june 2023 piece", "in that story about…", "per the sidebar": words naming the kind of
            // document point at a briefing, they are not what it says. Rare in the briefings, they would weigh most.
            var pointing = SourceWordRegex().Matches(question).SelectMany(m => TermAnalyzer.Terms(m.Value)).ToHashSet(StringComparer.Ordinal);
            core.RemoveAll(pointing.Contains);
            terms.RemoveAll(pointing.Contains);
        }

        // "Mr Stoltenberg", "Ms Frederiksen": a courtesy title says nothing a sentence must repeat; briefings write the
        // name alone as often.
        core.RemoveAll(Vocabulary.Honorifics.Contains);
        terms.RemoveAll(Vocabulary.Honorifics.Contains);

        // "i was reading about…", "could you state…", "by what date", "back in 2023": what the user did, asks for or when
        // they read it, not what the briefing says. Words absent from the briefings weigh most, so they would count most
        // against the sentence that answers.
        var aside = UserAsideTerms(question, type);
        core.RemoveAll(aside.Contains);
        terms.RemoveAll(aside.Contains);
        // "Sarah wants to know…": the name of who passes the question on is no name the briefings must mention.
        salient.RemoveAll(aside.Contains);
        foreach (var dropped in aside.Where(alternatives.ContainsKey))
        {
            // Their other words ("state" -> "say", "province") go with them, unless another word of the question has them.
            var others = alternatives[dropped];
            alternatives.Remove(dropped);
            var kept = core.Concat(alternatives.Values.SelectMany(a => a)).ToHashSet(StringComparer.Ordinal);
            terms.RemoveAll(t => others.Contains(t) && !kept.Contains(t));
        }

        return new QueryAnalysis(question, terms, core, alternatives, salient.Distinct(StringComparer.Ordinal).ToList(), type, range, dateText, recency, prefersNewest)
        {
            DatesAreSoft = dateText is "last year" or "this year",
            ContextTerms = ContextTerms(question, clause, core),
            Clause = string.Equals(clause, question.Trim().ToLowerInvariant(), StringComparison.Ordinal) ? null : clause,
            CountedTerm = type == QuestionType.HowMany ? CountedTerm(clause) : null,
            ListedTerm = type == QuestionType.HowMany ? null : ListedTerm(clause),
            AsksWhoSomeoneIs = type == QuestionType.Other && AsksAboutNamedPerson(clause),
            // "The full name of NSATU" asks what an acronym stands for, not for a name the question lacks.
            AsksForName = AsksForNameRegex().IsMatch(question.Trim().ToLowerInvariant()) &&
                !(SpelledOutRegex().IsMatch(question) && tokens.Any(t => t.IsAcronym || Vocabulary.Acronyms.ContainsKey(t.Bare.ToLowerInvariant()))),
            AsksForMoney = type == QuestionType.HowMuch && MoneyWordRegex().IsMatch(clause),
            AsksForAge = AgeAskedRegex().IsMatch(clause),
            AsksForExactDate = type == QuestionType.When && ExactDateRegex().IsMatch(clause),
            AsksForOverview = overview.Success,
            AsksAboutPresent = PresentRegex().IsMatch(question),
            AsksForOutcome = OutcomeRegex().IsMatch(question),
            AskedSpeaker = AskedSpeaker(clause, salient),
            QuotedTerms = QuotedWordsRegex().Matches(question).SelectMany(m => TermAnalyzer.Terms(m.Value)).Distinct(StringComparer.Ordinal).ToList(),
            AsksForPlaceKind = type == QuestionType.Where ? PlaceKindAsked(clause) : null,
        };
    }

    /// <summary>The name terms of the person whose words the question asks for ("what did rutte say about…", "how did
    /// stoltenberg describe…", "according to zelenskyy"); null when it asks for no one's words or names no one.</summary>
    private static IReadOnlyList<string>? AskedSpeaker(string clause, List<string> salient)
    {
        var m = SpeakerAskedRegex().Match(clause);
        if (!m.Success)
        {
            return null;
        }

        var names = TermAnalyzer.Terms(m.Groups["who"].Value).Where(salient.Contains).ToList();
        return names.Count == 0 ? null : names;
    }

    [GeneratedRegex(@"\b(?:what|how|why)\s+(?:did|does|do|has|had|have|would|will|is|was)\s+(?<who>(?:[\w'\-]+\s+){0,3}?[\w'\-]+)\s+(?:" + Speakers.AskedVerbs + @")\b|\baccording\s+to\s+(?<who>[\w'\-]+(?:\s+[\w'\-]+)?)")]
    private static partial Regex SpeakerAskedRegex();

    /// <summary>The kind of place the question's words ask for: a town or city, a country, a state or region; null for
    /// none.</summary>
    private static Lexicon.PlaceKind? PlaceKindAsked(string clause)
    {
        var m = PlaceKindRegex().Match(clause);
        return !m.Success ? null : m.Groups["city"].Success ? Lexicon.PlaceKind.City : m.Groups["country"].Success ? Lexicon.PlaceKind.Country : Lexicon.PlaceKind.State;
    }

    [GeneratedRegex(@"\b(?<place>[\p{L}.]+?)(?:'s|’s)?\s+capital\b(?!\s+(?:city\s+)?of\b)|\bcapital\s+(?:city\s+)?of\s+(?:the\s+)?(?<place>[\p{L}.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CapitalOfRegex();

    [GeneratedRegex(@"\b(?:(?<city>city|cities|town|towns|village|villages)|(?<country>country|countries|nation|nations)|(?<state>state|states|province|provinces|region|regions))\b")]
    private static partial Regex PlaceKindRegex();

    /// <summary>Most other words one question word may stand for (WordNet synonyms, derived forms, its country).</summary>
    private const int MaxExpansions = 8;

    /// <summary>How many of a country's nationality words stand for it: the first, its main adjective ("danish";
    /// "german", not also "sorbian").</summary>
    private const int NationalityWords = 1;

    /// <summary>Other words for a question word, from WordNet: a nationality's country and the country's other
    /// nationality words ("Dane" -> "Denmark", "Danish"), a country's nationality words ("Denmark" -> "Danish"), a name's
    /// adjective and an adjective's name ("Alps" -> "Alpine"), the
    /// synonyms of its frequent senses, its derived forms ("decide" -> "decision") and, for a role, the broader role
    /// ("chief" -> "leader").</summary>
    private static IEnumerable<string> Expansions(string word)
    {
        var lexicon = Lexicon.Default;
        var country = lexicon.CountryOf(word);
        if (country is not null)
        {
            yield return country;
        }

        foreach (var nationality in lexicon.DemonymsOf(country ?? word).Take(NationalityWords))
        {
            if (!nationality.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                yield return nationality;
            }
        }

        foreach (var form in lexicon.NameForms(word))
        {
            // "the Alps bid" is the briefing's "Alpine region": a name and the adjective of it name one thing.
            yield return form;
        }

        var lemma = lexicon.Lemma(word);
        foreach (var w in lexicon.Synonyms(lemma).Concat(lexicon.DerivedForms(lemma)).Concat(lexicon.Broader(lemma)))
        {
            // A compound holding the word itself ("capital" -> "working capital", "army" -> "regular army") is a kind of
            // it: its other words are modifiers, not other words for it.
            if (!w.Contains(' ', StringComparison.Ordinal) || !w.Split(' ').Contains(lemma, StringComparer.OrdinalIgnoreCase))
            {
                yield return w;
            }
        }
    }

    /// <summary>The head noun of the phrase after "how many" / "number of" ("how many combat-ready battlegroups does…" ->
    /// battlegroups; "how many allies hit 2%" -> allies, "hit" being mostly a verb), as a term; null when there is none.</summary>
    internal static string? CountedTerm(string clause)
    {
        var phrase = CountedRegex().Match(clause);
        return phrase.Success && HeadNoun(phrase.Groups["phrase"].Value) is { } head ? TermAnalyzer.Normalize(head) : null;
    }

    /// <summary>What the question asks for several of, by count ("the three main topics of the summit" -> topic, "which two
    /// candidates"), as a term: the answer lists that many things, often over several sentences. Null when it names no
    /// count of a plural noun.</summary>
    internal static string? ListedTerm(string clause)
    {
        var phrase = ListedRegex().Match(clause);
        return phrase.Success && HeadNoun(phrase.Groups["phrase"].Value) is { } head && !TimeUnits.Contains(head) &&
               !string.Equals(Lexicon.Default.Lemma(head, PartOfSpeech.Noun), head, StringComparison.OrdinalIgnoreCase)
            ? TermAnalyzer.Normalize(head)
            : null;
    }

    /// <summary>Plural nouns a count makes a length of time ("three years in office"), not a list.</summary>
    private static readonly FrozenSet<string> TimeUnits = FrozenSet.ToFrozenSet(
        ["seconds", "minutes", "hours", "days", "nights", "weeks", "months", "years", "decades", "centuries", "times"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The head noun of a phrase that starts with it or with adjectives ("combat-ready battlegroups does" ->
    /// battlegroups), as typed; null when there is none.</summary>
    private static string? HeadNoun(string phrase)
    {
        string? head = null;
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Vocabulary.StopWords.Contains(word))
            {
                break;
            }

            if (Lexicon.Default.IsMostlyNoun(word))
            {
                head = word;
            }
            else if (!Lexicon.Default.CanBe(word, PartOfSpeech.Adjective) || Lexicon.Default.CanBe(word, PartOfSpeech.Verb))
            {
                break;
            }
        }

        return head;
    }

    /// <summary>A capitalized word inside a question that can be a name: not a stop word or contraction ("I'm", "Don't"); a
    /// possessive is the name's ("Rutte's", "Allies'").</summary>
    private static bool IsNameLike(Token token) =>
        !Vocabulary.StopWords.Contains(token.Bare.ToLowerInvariant()) && !Vocabulary.IsFunctionWord(token.Bare) &&
        !token.Bare.Contains('\'');

    /// <summary>
    /// Is a token of the question a name? A capitalized word inside a sentence (not a contraction
    /// such as "I'm", nor a month), a word WordNet knows only as a name however it is written ("canada" in a lower-case
    /// chat question), or a word it does not know at all ("umerov", "ecb": a name or acronym typed in lower case; a
    /// misspelling is corrected later), or a designation of letters and digits ("cop29", "a400m": an event's number or a
    /// model, as specific as a name).
    /// </summary>
    internal static bool IsName(Token token, string text) =>
        token.Surface.Length > 2 && !token.IsNumber && !QueryVocabulary.NotNames.Contains(token.Surface) &&
        !Vocabulary.Months.ContainsKey(token.Surface.ToLowerInvariant().TrimEnd('.')) &&
        ((token.IsCapitalized && !StartsSentence(token, text) && IsNameLike(token)) || (Lexicon.Default.IsProperName(token.Surface) && !InflectsCommonWord(token)) ||
         IsUnfamiliar(token.Bare) || IsDesignation(token.Surface) || IsBareCountry(token, text)) && !InKnownCompound(token, text) &&
        !IsBoundPrefix(token, text);

    /// <summary>"pre-summit", "non-EU", "post-war": a prefix written with a hyphen is part of the word after it, not a name.</summary>
    internal static bool IsBoundPrefix(Token token, string text)
    {
        var hyphen = token.Surface.IndexOf('-', StringComparison.Ordinal);
        var prefix = hyphen > 0 ? token.Surface[..hyphen]
            : token.Start + token.Surface.Length < text.Length && text[token.Start + token.Surface.Length] == '-' ? token.Surface : null;
        return prefix is not null && BoundPrefixes.Contains(prefix.ToLowerInvariant());
    }

    private static readonly FrozenSet<string> BoundPrefixes = new[]
    {
        "pre", "post", "non", "anti", "pro", "sub", "mid", "semi", "multi", "inter", "intra", "trans", "ultra", "mega", "micro",
        "macro", "neo", "pseudo", "quasi", "counter", "over", "under", "re", "co", "ex",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A country's name typed in lower case that is also a common word ("turkey", "japan", "china"): read as the
    /// country when nothing that opens a noun phrase comes before it ("does turkey spend…", "did japan sign"), since the
    /// common word wants one ("the turkey", "some china"). Only a country with a nationality adjective ("turkish",
    /// "japanese") counts: WordNet's other "countries" that are common words ("union", "north", the Civil War's) have none.</summary>
    private static bool IsBareCountry(Token token, string text) =>
        !token.IsCapitalized && Lexicon.Default.NamedPlace(token.Surface) == Lexicon.PlaceKind.Country &&
        Lexicon.Default.IsCountryWithNationality(token.Bare) &&
        !(PreviousWord(text, token.Start) is { } before && Determiners.Contains(before));

    /// <summary>The word just before <paramref name="start"/> as the tokenizer reads it, lower-cased; null at the start.</summary>
    private static string? PreviousWord(string text, int start) =>
        TermAnalyzer.Tokenize(text[..Math.Min(start, text.Length)]) is [.., var before] ? before.Bare.ToLowerInvariant() : null;

    /// <summary>Words that open a noun phrase before a common noun: articles, demonstratives, possessives, quantifiers.</summary>
    private static readonly FrozenSet<string> Determiners = new[]
    {
        "a", "an", "the", "this", "that", "these", "those", "some", "any", "no", "my", "your", "our", "their", "his", "her",
        "its", "much", "more", "less", "each", "every",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A word in lower case that WordNet has as a name ("Acts", the book) but that is also an inflection of a common
    /// word ("hostile acts", "act"): typed so, the common word. Places stay names ("wales", "athens").</summary>
    private static bool InflectsCommonWord(Token token)
    {
        if (token.IsCapitalized || Lexicon.Default.NamedPlace(token.Surface) is not null)
        {
            return false;
        }

        var lemma = Lexicon.Default.Lemma(token.Surface);
        return !lemma.Equals(token.Surface, StringComparison.OrdinalIgnoreCase) && Lexicon.Default.IsLemma(lemma) && !Lexicon.Default.IsProperName(lemma);
    }

    /// <summary>Is the token part of a hyphenated word WordNet knows as a whole ("ins" of "break-ins", "ups" of
    /// "follow-ups")? Then the part alone is no name, however unfamiliar, nor the acronym it spells ("INS"). A name
    /// written with a hyphen ("Guinea-Bissau") keeps its parts.</summary>
    internal static bool InKnownCompound(Token token, string text)
    {
        int start = Math.Min(token.Start, text.Length), end = Math.Min(token.Start + token.Surface.Length, text.Length);
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '-'))
        {
            start--;
        }

        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '-'))
        {
            end++;
        }

        var word = text[start..end].Trim('-');
        return word.Contains('-', StringComparison.Ordinal) && Lexicon.Default.IsKnownWord(word) && !Lexicon.Default.IsProperName(word) &&
            Lexicon.Default.NamedPlace(word) is null;
    }

    /// <summary>Letters then digits in one word ("cop29", "a400m", "f-35s"): a designation. Not a word joined to a year
    /// ("mid-2023", "post-2014"): that is a period.</summary>
    internal static bool IsDesignation(string surface) =>
        char.IsAsciiLetter(surface[0]) && surface.Any(char.IsAsciiDigit) && surface.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') &&
        !YearSuffixRegex().IsMatch(surface);

    [GeneratedRegex(@"-(19|20)\d\d\b")]
    private static partial Regex YearSuffixRegex();

    /// <summary>Does the token open a sentence of the text ("Good morning! Need it for the weekly.", "Quick one: Who…")? Its
    /// capital letter then says nothing about a name.</summary>
    private static bool StartsSentence(Token token, string text)
    {
        var before = text.AsSpan(0, Math.Min(token.Start, text.Length)).TrimEnd().TrimEnd("\"'(\u201C\u2018").TrimEnd();
        return before.IsEmpty || before[^1] is '.' or '!' or '?' or ':';
    }

    /// <summary>A word of letters WordNet does not know in any form, nor as a chat contraction ("whats") or a preposition
    /// ("per", "amid"), possessive or not,
    /// not one slip of the keyboard from a word it knows ("strke"), and not two words it knows typed as one ("timeframe"):
    /// in a question, most likely a name or an acronym.</summary>
    internal static bool IsUnfamiliar(string surface)
    {
        var word = TermAnalyzer.WithoutPossessive(surface.Replace('\u2019', '\''));
        return word.Length > 2 && word.All(char.IsAsciiLetter) && !Vocabulary.ContractionsWithoutApostrophe.Contains(word.ToLowerInvariant()) &&
            !Vocabulary.IsFunctionWord(word) &&
            !Lexicon.Default.IsKnownWord(word) && !Lexicon.Default.IsNearKnownWord(word) && !Lexicon.Default.IsClosedUpPair(word);
    }

    /// <summary>What kind of answer the question wants, read from its question clause (<see cref="QuestionClause"/>). A
    /// question without a question word at its start ("aeolis-2 mission cost", "june 2024 ministerial where", "On what
    /// date…") is read by the words it asks with.</summary>
    private static QuestionType Classify(string clause, string? period = null)
    {
        // "when he went to kyiv, what did he reaffirm?", "when asked about it, did rutte put a date on it?": a clause that opens
        // with "when" and a subject or participle (not "when did…", "when is…") sets the scene; the question follows it.
        if (SceneSettingWhenRegex().Match(clause) is { Success: true } scene)
        {
            return ClassifyStart(scene.Groups["ask"].Value);
        }

        var type = ClassifyStart(clause);
        if (type != QuestionType.Other)
        {
            return type;
        }

        // "a cloud boss said they couldn't defend a billion users, who was that": the part that asks comes last, after a
        // comma or dash.
        if (TailQuestionRegex().Match(clause) is { Success: true } tail && ClassifyStart(tail.Groups["ask"].Value) is var asked && asked != QuestionType.Other)
        {
            return asked;
        }

        // "alliance member count mid-2023", "ministerial dates june 2024": in a keyword question the period it names may follow
        // the word that says what it asks for. (Not in a sentence: "what is the union that walked out for two days in
        // january" asks no date.)
        var unperiodized = period is null || QuestionWordStartRegex().IsMatch(clause) ? clause
            : DanglingPrepositionRegex().Replace(string.Join(' ', clause.Replace(period, " ", StringComparison.OrdinalIgnoreCase).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), "${end}");
        var asks = AskedAnywhereRegex().Match(unperiodized);
        return !asks.Success ? type : asks.Groups["many"].Success ? QuestionType.HowMany
            : asks.Groups["much"].Success ? QuestionType.HowMuch
            : asks.Groups["when"].Success ? QuestionType.When
            : QuestionType.Where;
    }

    /// <summary>The words of the question written only before the part that asks: a greeting, a lead-in ("could you
    /// remind me") or a sentence setting the scene ("I'm reading up on hybrid threats. What did…"). They say why the
    /// user asks, not what, so they count for less; words the user quotes are not among them.</summary>
    private static HashSet<string> ContextTerms(string question, string clause, List<string> core)
    {
        var lower = question.Trim().ToLowerInvariant();
        var context = new HashSet<string>(StringComparer.Ordinal);
        // A follow-up carries the previous question's topic in brackets ("how many jobs (new nato command wiesbaden)"): it
        // says where to look, the words before it say what is asked.
        var topic = TrailingTopicRegex().Match(lower);
        if (topic.Success)
        {
            var outside = TermAnalyzer.Terms(lower[..topic.Index] + " " + lower[(topic.Index + topic.Length)..]).ToHashSet(StringComparer.Ordinal);
            context.UnionWith(TermAnalyzer.Terms(topic.Groups["topic"].Value).Where(t => core.Contains(t) && !outside.Contains(t)));
        }

        var at = lower.LastIndexOf(clause, StringComparison.Ordinal);
        if (at < 0)
        {
            return context;
        }

        // The scene set before the question, and a remark after it ("… on 11 july? need the exact days", "… ? it's for a
        // slide"): they frame what is asked, the clause asks it.
        var asked = TermAnalyzer.Terms(clause).ToHashSet(StringComparer.Ordinal);
        context.UnionWith(TermAnalyzer.Terms(lower[..at] + " " + lower[(at + clause.Length)..]).Where(t => core.Contains(t) && !asked.Contains(t)));
        context.UnionWith(SpeakerRoleTerms(lower, core));
        // 'saw this: "no wish to stay on beyond this year" - who said it?': the words the user quotes are what the question
        // is about, wherever they stand.
        context.ExceptWith(QuotedWordsRegex().Matches(lower).SelectMany(m => TermAnalyzer.Terms(m.Value)));
        return context;
    }

    /// <summary>The words of a title the question names a speaker by ("what did the alliance's top official say…", "per the
    /// new secretary general, …"), unless the question uses them elsewhere too. They say whose words are asked for, and a
    /// report names its speaker once ("NATO Secretary General Jens Stoltenberg said…") and then writes "he added" or a
    /// quotation: the sentence that answers rarely repeats them.</summary>
    private static IEnumerable<string> SpeakerRoleTerms(string lower, List<string> core)
    {
        var m = SpeakerRoleRegex().Match(lower);
        if (!m.Success)
        {
            return [];
        }

        // "per the alliance head": "per" says the same as "according to", a stop phrase.
        var who = m.Groups["per"].Success ? m.Groups["per"] : m.Groups["who"];
        var elsewhere = TermAnalyzer.Terms(lower[..who.Index] + " " + lower[(who.Index + who.Length)..]).ToHashSet(StringComparer.Ordinal);
        return TermAnalyzer.Terms(who.Value).Where(t => core.Contains(t) && !elsewhere.Contains(t));
    }

    /// <summary>A speaker named by title: "what/how/why (…) did &lt;title&gt; say", or "according to / per &lt;title&gt;"; a title
    /// is a determiner or possessive, up to three words and a word for a person in office.</summary>
    [GeneratedRegex(@"\b(?:(?:what|how|why|which)(?:\s+[\w'\-]+){0,2}?\s+(?:did|does|do|has|had|have|would|will|is|was)\s+(?<who>" + TitleWords + @")\s+(?:" + Speakers.AskedVerbs + @")\b|according\s+to\s+(?<who>" + TitleWords + @")\b|(?<per>per\s+(?<who>" + TitleWords + @"))\b)")]
    private static partial Regex SpeakerRoleRegex();

    private const string TitleWords = @"(?:the|its|their|nato'?s?|alliance'?s?)\s+(?:[\w'\-]+\s+){0,3}?" +
        @"(?:chief|head|boss|leader|official|secretary[\s\-]+general|sec[\s\-]?gen|sg|spokes(?:man|woman|person)|commander|minister|president|director|executive|chair(?:man|woman)?|envoy|ambassador|officer)";

    /// <summary>The question without the topic a follow-up carries over in brackets ("how many staff (new ukraine command)"
    /// -> "how many staff"): the words the user asked with. Like <see cref="ContextTerms"/>, it takes the last bracketed
    /// words for the topic.</summary>
    internal static string WithoutCarriedTopic(string question)
    {
        var own = string.Join(' ', TrailingTopicRegex().Replace(question, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return own.Any(char.IsLetterOrDigit) ? own : question;
    }

    /// <summary>A bracketed topic at the end of a question, perhaps before a period ("… (nsatu) in June 2023?").</summary>
    [GeneratedRegex(@"\((?<topic>[^()]+)\)(?=[^()]*$)")]
    private static partial Regex TrailingTopicRegex();

    /// <summary>Words before a dash that make it a scene set before the question, not the question's topic.</summary>
    private const int MinSceneWords = 10;

    [GeneratedRegex(@"(?:\s[\-\u2013\u2014]|[\u2013\u2014])\s*(?=(?:what|which|who|whom|whose|when|where|how|why|did|does|do|is|was|were|are|can|could)\b)")]
    private static partial Regex DashedQuestionRegex();

    /// <summary>A clause in which the user speaks of themselves ("i'm fact-checking a draft", "we need this for a note").</summary>
    [GeneratedRegex(@"^(?:i|i'm|im|i've|ive|i'd|we|we're|we've|my|our)\b")]
    private static partial Regex SpeakerSceneRegex();

    /// <summary>The part of the text that asks: its last sentence with a question mark (or its last sentence), from the
    /// last semicolon or colon or from a dash after a long scene, without greetings and "could you tell me"-style lead-ins.</summary>
    internal static string QuestionClause(string q)
    {
        var text = q.Trim().ToLowerInvariant();
        var mark = text.LastIndexOf('?');
        if (mark >= 0)
        {
            // "…a new secretary general too? who": a question typed without its mark after the last one is what is asked.
            var after = text[(mark + 1)..].Trim();
            text = UnmarkedQuestionRegex().IsMatch(after) ? after : text[..(mark + 1)];
        }

        var cut = SentenceBoundaryRegex().Matches(text).LastOrDefault(m => m.Index + m.Length < text.Length - 1);
        if (cut is not null)
        {
            text = text[(cut.Index + cut.Length)..];
        }

        // "There was that Swiss reinsurer tie-up with a Japanese mutual — what size of stake…": a scene set at length, or by
        // the user about themselves ("i'm checking a draft - what number…"), then a dash and the question. A short topic before
        // the dash ("the june 2024 meeting - who chaired it") is what is asked.
        var dash = DashedQuestionRegex().Match(text);
        if (dash.Success && (TermAnalyzer.Tokenize(text[..dash.Index]).Count >= MinSceneWords || SpeakerSceneRegex().IsMatch(text)))
        {
            text = text[(dash.Index + dash.Length)..];
        }

        var previous = string.Empty;
        while (previous != text)
        {
            previous = text;
            text = LeadInRegex().Replace(text, string.Empty, 1).TrimStart();
        }

        // "when he was asked about the counter-offensive, did he say…": a clause that says when, then the question.
        var subordinate = SubordinateClauseRegex().Match(text);
        if (subordinate.Success && subordinate.Length < text.Length)
        {
            text = text[subordinate.Length..];
        }

        return text.Length == 0 ? q.Trim().ToLowerInvariant() : text;
    }

    /// <summary>A question-word question without a question mark ("who", "where was that").</summary>
    [GeneratedRegex(@"^(?:who|whom|whose|what|which|when|where|why|how)\b")]
    private static partial Regex UnmarkedQuestionRegex();

    /// <summary>A leading clause that sets the time or condition of the question ("when he was asked about it, ", "after
    /// rutte took over, "), not a question itself ("when was it, " starts with the verb), followed by the question.</summary>
    [GeneratedRegex(@"^(?:when|while|after|before|once|if|since)\s+(?!(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|should|exactly)\b)[^,?]{3,120},\s*(?=(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|should|what|which|who|whom|whose|how|where|why|when)\b)")]
    private static partial Regex SubordinateClauseRegex();

    private static QuestionType ClassifyStart(string lower)
    {
        if (NationalityRegex().IsMatch(lower))
        {
            return QuestionType.Nationality;
        }

        if (lower.StartsWith("how many", StringComparison.Ordinal))
        {
            return QuestionType.HowMany;
        }

        if (lower.StartsWith("how much", StringComparison.Ordinal) || lower.StartsWith("how large", StringComparison.Ordinal) ||
            lower.StartsWith("how big", StringComparison.Ordinal) || lower.StartsWith("what size", StringComparison.Ordinal))
        {
            return QuestionType.HowMuch;
        }

        if (lower.StartsWith("who", StringComparison.Ordinal))
        {
            // "Who is Mark Rutte?" names its person and asks what they are; "who is nato chief?" asks for a person.
            return AsksAboutNamedPerson(lower) ? QuestionType.Other : QuestionType.Who;
        }

        if (lower.StartsWith("when", StringComparison.Ordinal) || lower.StartsWith("since when", StringComparison.Ordinal) || lower.StartsWith("what date", StringComparison.Ordinal) ||
            lower.StartsWith("what day", StringComparison.Ordinal) || lower.StartsWith("what year", StringComparison.Ordinal))
        {
            return QuestionType.When;
        }

        if (lower.StartsWith("where", StringComparison.Ordinal) || lower.StartsWith("in which city", StringComparison.Ordinal) ||
            lower.StartsWith("which city", StringComparison.Ordinal) || lower.StartsWith("which capital", StringComparison.Ordinal) ||
            lower.StartsWith("which country", StringComparison.Ordinal))
        {
            return QuestionType.Where;
        }

        if (lower.StartsWith("why", StringComparison.Ordinal))
        {
            return QuestionType.Why;
        }

        // "On what date…", "in which year…", "which countries…", "what share…", "what's the usual amount…", "what interest rate…", "above what
        // revenue…", "how long…", "how hot…" (a measure: a number), "how expensive…": a question word with the kind of thing
        // (not after a verb that takes a subject: "what did the region open" asks what was opened, not for a region)
        // it asks for; also asked as a noun phrase after a lead-in ("[tell me] the date on which…"). "How long is it open
        // until", "until when": a date.
        var asks = AsksKindRegex().Match(lower);
        return asks.Groups["when"].Success ? QuestionType.When
            : asks.Groups["where"].Success ? QuestionType.Where
            : asks.Groups["much"].Success ? QuestionType.HowMuch
            : asks.Groups["number"].Success ? QuestionType.HowMany
            : YesNoRegex().IsMatch(lower) ? QuestionType.YesNo : QuestionType.Other;
    }

    /// <summary>Words naming an amount asked for ("what share…", "what's the usual amount…").</summary>
    private const string AmountWords = "share|percentage|percent|proportion|amount|price|sum|figure|rate|revenue|revenues|turnover|income";

    /// <summary>"what's", "whats", "what is", "what was", "what are", "what were".</summary>
    private const string WhatIs = @"what(?:(?:'|\u2019)?s|\s+(?:is|was|are|were))";

    /// <summary>A word that is not an auxiliary taking a subject after it: in "what did the region open" the word after "what"
    /// is not the kind of thing asked for.</summary>
    private const string NotAVerbTakingASubject = @"(?!(?:did|does|do|has|have|had|will|would|can|could|should|may|might)\s)";

    [GeneratedRegex(@"^(?<when>how\s+long\b[^?]*\b(?:until|till|untill)\s*\??$|(?:until|till|untill)\s+when\b)|^(?:(?:on|in|at|by|from|until|to|for|above|below|over|under)\s+)?(?:what|which)\s+(?:(?<when>dates?|days?|weekday|years?|yr|months?)|(?:" + NotAVerbTakingASubject + @"[a-z][a-z\-]*\s+){0,2}(?<where>city|cities|country|countries|towns?|capital|venue|region|port|place|state)|(?:" + NotAVerbTakingASubject + @"[a-z][a-z\-]*\s+)?(?<much>" + AmountWords + @")|(?<number>number|count|total|tally))\b|^" + WhatIs + @"\s+the\s+(?:[a-z]+\s+)?(?:(?<much>" + AmountWords + @")|(?<number>number|count|total|tally))\b|^how\s+(?:(?<number>long|old|far|hot|warm|cold|high|deep|tall|heavy|fast|quickly|wide)|(?<much>expensive|costly|pricey))\b|^the\s+(?:exact\s+|precise\s+)?(?<when>date|day|year|month)\s+(?:on\s+|in\s+)?(?:which|when)\b|^the\s+(?:[a-z]+\s+)?(?<where>city|country|town|place|venue|location)\s+(?:in\s+|at\s+)?(?:which|where)\b")]
    private static partial Regex AsksKindRegex();

    /// <summary>"who is/was X" where X is a bare name: no article or possessive, and its last word is a name (WordNet
    /// knows it only as one, or not at all), not a role noun.</summary>
    private static bool AsksAboutNamedPerson(string lower)
    {
        var m = WhoIsRegex().Match(lower);
        if (!m.Success)
        {
            return false;
        }

        var words = m.Groups["who"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 3 || words.Any(w => w is "the" or "a" or "an" or "this" or "that" || w.EndsWith("'s", StringComparison.Ordinal)))
        {
            return false;
        }

        // "who was she": a pronoun stands for someone the question does not name, and asks for the name.
        var head = words[^1];
        return !Vocabulary.StopWords.Contains(head) && (Lexicon.Default.IsProperName(head) || !Lexicon.Default.IsKnownWord(head));
    }

    /// <summary>The period the question asks about: the one in the part that asks, when it names one ("Which ally pledged
    /// in June 2024. In which country … in July 2024?" -> July 2024), else any the question names.</summary>
    private (DateRange? Range, string? Text) FindAskedDates(string question)
    {
        // 'saw this: "no wish to stay on beyond this year" - who said it?': a period inside words the user quotes is the
        // speaker's, not the one the question asks about.
        question = QuotedWordsRegex().Replace(question, static m => new string(' ', m.Length));
        var clause = QuestionClause(question);
        var at = question.ToLowerInvariant().LastIndexOf(clause, StringComparison.Ordinal);
        if (at > 0 && FindDates(question[at..]) is { Range: not null } asked)
        {
            return asked;
        }

        return FindDates(question);
    }

    /// <summary>Words the user quotes between double quotation marks, three words or more.</summary>
    [GeneratedRegex(@"""[^""]*?\s[^""]*?\s[^""]*?""|\u201C[^\u201D]*?\s[^\u201D]*?\s[^\u201D]*?\u201D")]
    private static partial Regex QuotedWordsRegex();

    private (DateRange? Range, string? Text) FindDates(string question)
    {
        var (range, text) = FindPeriod(question);
        if (range is not { } r || text is null)
        {
            return (range, text);
        }

        // "after October 2024", "before 2024", "since June 2023": open-ended on one side.
        var at = question.IndexOf(text, StringComparison.OrdinalIgnoreCase);
        var first = text.Split(' ')[0];
        var before = AfterBeforeSinceRegex().IsMatch(text) ? first : (at > 0 ? question[..at].TrimEnd() : string.Empty);
        text = AfterBeforeSinceRegex().Replace(text, string.Empty);
        if (before.EndsWith("after", StringComparison.OrdinalIgnoreCase))
        {
            return (new DateRange(r.To.AddDays(1), DateOnly.MaxValue), "after " + text);
        }

        if (before.EndsWith("since", StringComparison.OrdinalIgnoreCase))
        {
            return (new DateRange(r.From, DateOnly.MaxValue), "since " + text);
        }

        return before.EndsWith("before", StringComparison.OrdinalIgnoreCase) ? (new DateRange(DateOnly.MinValue, r.From.AddDays(-1)), "before " + text) : (range, text);
    }

    private (DateRange? Range, string? Text) FindPeriod(string question)
    {
        var m = MonthYearRegex().Match(question);
        if (m.Success && Vocabulary.Months.TryGetValue(m.Groups["month"].Value.ToLowerInvariant().TrimEnd('.'), out var month))
        {
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            var from = new DateOnly(year, month, 1);
            if (m.Groups["day"].Success && int.TryParse(m.Groups["day"].Value, CultureInfo.InvariantCulture, out var day) && day <= DateTime.DaysInMonth(year, month))
            {
                var d = new DateOnly(year, month, day);
                return (new DateRange(d.AddDays(-3), d.AddDays(3)), m.Value.Trim());
            }

            return (new DateRange(from, from.AddMonths(1).AddDays(-1)), m.Value.Trim());
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (LastYearRegex().IsMatch(question))
        {
            return (new DateRange(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)), "last year");
        }

        if (ThisYearRegex().IsMatch(question))
        {
            return (new DateRange(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)), "this year");
        }

        var y = YearRegex().Match(question);
        if (y.Success)
        {
            // "mid-2023", "early 2025", "autumn 2024": the months that part of the year covers, with a month to spare on
            // each side (people place an event loosely, and a briefing may come out a little before or after it).
            var year = int.Parse(y.Groups["year"].Value, CultureInfo.InvariantCulture);
            var text = y.Groups["part"].Success ? y.Groups["part"].Value + y.Groups["year"].Value : y.Groups["year"].Value;
            var (first, last) = PartOfYear(y.Groups["part"].Value);
            return (new DateRange(new DateOnly(year, first, 1), new DateOnly(year, last, DateTime.DaysInMonth(year, last))), text);
        }

        // A year on its own, the way chat writes it ("berlin marathon 2023 winner", "the 2025 summit"), but not a
        // deadline ("by 2030", "until 2028"): that names when something is due, not when it was reported.
        var bare = BareYearRegex().Match(question);
        if (bare.Success)
        {
            var year = int.Parse(bare.Groups["year"].Value, CultureInfo.InvariantCulture);
            return (new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), bare.Groups["year"].Value);
        }

        return (null, null);
    }

    /// <summary>The first and last month of a part of the year as a question names it ("mid", "early", "autumn"), a month
    /// wider on each side; the whole year for none, or for winter (which straddles two years).</summary>
    private static (int First, int Last) PartOfYear(string part) =>
        part.TrimStart().ToLowerInvariant() switch
        {
            var p when p.StartsWith("early", StringComparison.Ordinal) => (1, 5),
            var p when p.StartsWith("mid", StringComparison.Ordinal) => (4, 9),
            var p when p.StartsWith("late", StringComparison.Ordinal) => (8, 12),
            var p when p.StartsWith("spring", StringComparison.Ordinal) => (2, 6),
            var p when p.StartsWith("summer", StringComparison.Ordinal) => (5, 9),
            var p when p.StartsWith("autumn", StringComparison.Ordinal) || p.StartsWith("fall", StringComparison.Ordinal) => (8, 12),
            _ => (1, 12),
        };

    [GeneratedRegex(@"^who(?:\s+is|\s+was|'s|\u2019s)\s+(?<who>[\p{L}\-' ]+?)\s*\??$")]
    private static partial Regex WhoIsRegex();

    /// <summary>A letter prefix, a hyphen and digits that the tokenizer keeps apart in lower case ("clv-207", "su-35").</summary>
    [GeneratedRegex(@"\b(?<prefix>[a-z]{2,5})-(?<number>\d{1,4})\b")]
    private static partial Regex SplitModelNameRegex();

    [GeneratedRegex(@"\b(?<n>two|three|four|five|six|seven|eight|nine|ten)\s+(?:main\s+|key\s+|biggest\s+|most\s+\w+\s+)?\w+s\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountedListRegex();

    [GeneratedRegex(@"(?:(?<day>\d{1,2})\s+)?\b(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:(?<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?,?\s+)?(?<year>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYearRegex();

    [GeneratedRegex(@"\b(?<part>(?:early|mid|late|spring|summer|autumn|fall|winter)(?:[-\s]+of)?[-\s]?)(?<year>(?:19|20)\d{2})\b|\b(?:in|during|of|from|since|at|for|after|before)\s+(?:the\s+)?(?:year\s+)?(?<year>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(?<!\b(?:by|until|till|through|thru|to|up\s+to)\s+)(?<![\d.,$€£/-])\b(?<year>(?:19|20)\d{2})\b(?!\s*%|[.,/-]?\d)", RegexOptions.IgnoreCase)]
    private static partial Regex BareYearRegex();

    [GeneratedRegex(@"^(?:after|before|since)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AfterBeforeSinceRegex();

    [GeneratedRegex(@"\blast\s+year(?:'s)?\b|\bprevious\s+year\b", RegexOptions.IgnoreCase)]
    private static partial Regex LastYearRegex();

    [GeneratedRegex(@"\bthis\s+year(?:'s)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThisYearRegex();

    // "today", "now", "currently" name the present, not the newest briefing: they only make a who-question prefer newer briefings.
    [GeneratedRegex(@"\b(?:latest|most\s+recent|newest|last\s+(?:meeting|summit|ministerial|briefing)|recent(?:ly)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LatestRegex();

    [GeneratedRegex(@"\b(?:earliest|oldest|first\s+(?:briefing|meeting|summit))\b", RegexOptions.IgnoreCase)]
    private static partial Regex EarliestRegex();

    // "Who is the secretary general?" asks for the one in office now; "who said that Ukraine is moving closer" does not.
    [GeneratedRegex(@"\b(?:new|current|now|today|currently)\b|^\W*who(?:\s+is|'s|\u2019s)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CurrentRegex();

    [GeneratedRegex(@"\b(?:now|today|currently|at present|presently|these days|right now|as of today)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PresentRegex();

    [GeneratedRegex(@"\b(?:actually|finally|eventually|ended\s+up|end\s+up|in\s+the\s+end|turned\s+out|outcomes?|results?\s+of|came\s+(?:out\s+)?of|went\s+ahead|did\s+(?:it|that|they)\s+happen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutcomeRegex();

    /// <summary>"What nationality is…", "which country is the outgoing chief originally from", "where does he come from" (not
    /// "where does your information come from").</summary>
    [GeneratedRegex(@"\bnationality\b|\bcitizen of\b|\b(?:what|which) country (?:is|was|are|were|does|did|do) (?:[\w'\u2019\-]+ ){1,6}?(?:originally )?(?:from|comes? from|hails? from)\b|" +
        @"\bwhere(?:'s|\u2019s| is| was| are| were| does| did| do) (?!(?:[\w'\u2019\-]+ ){0,3}?(?:you|your|info|information|answers?|data|sources?|money|funding|funds|cash)\b)(?:[\w'\u2019\-]+ ){1,4}?(?:originally )?(?:from|comes? from|hails? from)\b")]
    private static partial Regex NationalityRegex();

    /// <summary>"What is the name of…", "the general's name", "russian defence minister name", "who is the…, I need their name",
    /// "what's the polish minister called".</summary>
    [GeneratedRegex(@"\bnames?\s+of\b|\b(?:his|her|its|their|the)\s+names?\b|(?:'s|\u2019s|s')\s+names?\b|\bnames?\s*[?.!]?\s*$|^\W*" + WhatIs + @"\s+(?:[\w'\-]+\s+){1,6}called\s*[?.!]?\s*$")]
    private static partial Regex AsksForNameRegex();

    /// <summary>Asks for what an abbreviation stands for: "the full name of", "the long form", "spelled out".</summary>
    [GeneratedRegex(@"\b(?:full|long|complete|official)\s+(?:names?|forms?|titles?)\b|\bspel+(?:ed|t)\s+out\b|\bstands?\s+for\b|\bshort\s+for\b|\babbreviat|\bacronym", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledOutRegex();

    /// <summary>A when-question after a calendar date ("on what date", "which day", "when exactly"): "in the coming months"
    /// does not answer it.</summary>
    [GeneratedRegex(@"\b(?:what|which)\s+(?:exact\s+)?(?:dates?|days?)\b|\bwhen\s+exactly\b|\bexact\s+dates?\b")]
    private static partial Regex ExactDateRegex();

    /// <summary>What something costs or is worth: the answer is a sum of money, not a share or a count.</summary>
    [GeneratedRegex(@"\b(?:cost|costs|costing|costed|price|prices|priced|fee|fees|paid|pay|pays|worth|charge|charged|fare|fares|salary|salaries|wages?|earns?|earnings)\b")]
    private static partial Regex MoneyWordRegex();

    /// <summary>A question for someone's age: "how old", "what age", "at what age", "his age".</summary>
    [GeneratedRegex(@"\bhow\s+old\b|\b(?:what|which)\s+age\b|\b(?:his|her|their|the)\s+age\b|\bage\s+of\b")]
    private static partial Regex AgeAskedRegex();

    /// <summary>A yes/no question: an auxiliary first, or a claim put up for checking ("ok to say…", "fine to call him…",
    /// "true that…").</summary>
    [GeneratedRegex(@"^(?:is|was|were|are|did|does|do|has|have|had|will|would|can|could|if|whether)\b|^(?:(?:ok|okay|fine|safe|correct|accurate|fair)\s+)?to\s+(?:say|call|write|describe|report|claim|state|put)\b|^(?:true|right|correct)\s+that\b")]
    private static partial Regex YesNoRegex();

    [GeneratedRegex(@"^\d{1,2}(?:[:.]\d{2})?(?:am|pm|a\.m\.|p\.m\.)$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDayRegex();

    /// <summary>A tag that turns a statement into a yes/no question, at the end of a sentence: ", right?", "is that
    /// correct?", ", wasn't it?", ", didn't they?"; not "did they get it right?".</summary>
    [GeneratedRegex(@"(?:,\s*|(?<!\b(?:it|that|this|them|things|everything|anything|something|all))\s+)(?:right|correct|true|(?:is|was) (?:that|this) (?:right|correct|true|so)|(?:is|was|are|were|did|does|do|has|have|will|would)n['\u2019]?t (?:it|that|he|she|they|there)|innit)(?=\s*\?)", RegexOptions.IgnoreCase)]
    private static partial Regex TagQuestionRegex();

    /// <summary>Where a sentence, or a clause after a semicolon or colon, ends inside the text.</summary>
    [GeneratedRegex(@"(?:[.!?]\s+|;\s*|:\s+)")]
    private static partial Regex SentenceBoundaryRegex();

    // The last clause, after a comma or dash, when it opens with a question word, perhaps after a request: "…, who was
    // that", "… - when", "… — could you find who that was", "for some background on the runoff, how old was he"; what
    // kind of fact it asks for is read from that clause as from a question's start.
    [GeneratedRegex(@"(?:[,\u2013\u2014]|\s-)\s*(?:(?:could|can|would)\s+you\s+(?:please\s+)?(?:find(?:\s+out)?|check|tell\s+me|say)\s+|(?:do\s+(?:you|we|they)|does\s+(?:anyone|anybody))\s+know\s+|any\s+idea\s+)?(?<ask>(?:who|when|where|how\s+(?:many|much|old|long|far|big|large))\b[^,\u2013\u2014]*)$")]
    private static partial Regex TailQuestionRegex();

    /// <summary>A "when" clause setting the scene and the question after it: after a comma or dash any question, without one
    /// only a question word, so "when it was shut down?" and "when he is stepping down?" still ask for a date.</summary>
    [GeneratedRegex(@"(?:^|[,:;]\s*|\b(?:and|so|ok|okay|but|also)\s+)when\s+(?!(?:did|does|do|is|was|were|are|will|would|has|had|have|can|could|should|shall|might|may|must|exactly|exacly|precisely|roughly|about|and|n|or)\b)[a-z'\u2019]+(?:\s+[^\s,?]+)+?(?:\s*,\s*|\s+[\-\u2013\u2014]\s*|\s+(?=(?:what|who|whom|which|how|where|why)\s))(?<ask>(?:what|who|whom|which|whose|how|where|why|when|did|does|do|was|were|is|are|has|have|had|could|can|would|will)\b\s+\S[^?]*)\??\s*$")]
    private static partial Regex SceneSettingWhenRegex();

    /// <summary>Greetings and polite frames in front of the real question.</summary>
    [GeneratedRegex(@"^(?:(?:hi|hello|hey|ok|okay|so|and|also|please|thanks|quick question)\b[,!.]?\s*|(?:could|can|would|will) you (?:please |kindly )?(?:tell|remind|show|let) me(?: know)?\b,?\s*|(?:could|can|would|will) you (?:please |kindly )?(?:find(?: out)?|check|look up|explain|clarify|confirm|describe|outline)\s+(?=(?:who|what|when|where|which|how|why|whether|if)\b)|(?:(?:could|can|would|will) you (?:please |kindly )?|please |kindly )(?:state|provide|indicate|specify|identify|give(?: me)?|share|supply|list|name)\s+(?!(?:whether|if)\b)|i(?:'d|\u2019d| would) (?:be (?:very |most |really )?(?:grateful|thankful|glad|obliged)|appreciate it) if you (?:could|would|can) (?:please |kindly )?(?:tell|remind|show|let) me(?: know)?\b,?\s*|i was wondering (?:if|whether) you (?:could|can|would) (?:please )?(?:tell|remind|show|let) me(?: know)?\b,?\s*|(?:do|does) (?:anyone|you) happen to know\b,?\s*|(?:do|does) (?:anyone|you) know\b,?\s*|(?:do (?:we|they)|does anybody) (?:happen to )?know\b,?\s*(?=(?:who|what|when|where|which|how|why)\b)|(?:do|does) (?:it|they|the (?:briefings?|articles?|reports?|stories|story)) (?:say|mention)\b,?\s*(?=(?:who|what|when|where|which|how|why)\b)|i(?:'d| would) like to know\b,?\s*|i (?:want|need) to know\b,?\s*|i(?:'m| am) (?:wondering|curious)(?: about)?\b,?\s*|(?:please )?(?:tell|remind) me\b,?\s*|any idea\b,?\s*|what (?:do|can) you (?:know|tell me|say)\b,?\s*)")]
    private static partial Regex LeadInRegex();

    [GeneratedRegex(@"^\W*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|did|does|do|has|have|had|can|could|will|would)\b")]
    private static partial Regex QuestionWordStartRegex();

    /// <summary>A preposition left at the end once the period after it is taken out ("… dates in [june 2024]?").</summary>
    [GeneratedRegex(@"\s+(?:in|on|at|of|for|from|during|by|around)\s*(?<end>\??)$")]
    private static partial Regex DanglingPrepositionRegex();

    /// <summary>Words that may follow the kind a keyword question wants at its end ("vilnius summit dates again?").</summary>
    private const string TrailingFiller = @"(?:\s+(?:again|pls|plz|please|then|exactly|precisely|thanks|thx))?";

    /// <summary>A question word, or a word naming the kind of fact wanted, inside a clause that does not start with one; a
    /// keyword question ending in the kind it wants ("june 2024 def mins dates", "nsatu location", "exhibition visitor
    /// numbers").</summary>
    [GeneratedRegex(@"\b(?:(?<many>how many|number of|population|death toll|headcount)\b|(?<many>\b(?:numbers|count|tally)" + TrailingFiller + @"\s*\??$)|(?<much>how much|cost|costs|price|price tag|fee|budget|worth|value|turnout|salary|salaries|wages?|earns?|earnings)\b|(?<when>when" + TrailingFiller + @"\s*\??$|\b(?:dates?|days)" + TrailingFiller + @"\s*\??$|(?<!\b(?:this|last|next|that|same|per|a|an|each|every|the|one|coming|previous|past|following|first|full|whole|current|\d+)\s+)\b(?:month|year)" + TrailingFiller + @"\s*\??$|(?:what|which) (?:dates?|days?|years?|months?)\b)|(?<where>where" + TrailingFiller + @"\s*\??$|\b(?:location|venue)" + TrailingFiller + @"\s*\??$|(?:what|which) (?:" + NotAVerbTakingASubject + @"[a-z]+ ){0,2}(?:city|country|town|venue|location|state)\b))")]
    private static partial Regex AskedAnywhereRegex();

    /// <summary>The words an overview question may end on that name what it is about, not how it asks.</summary>
    private const string OverviewTopics = "meeting ministerial summit briefing article";

    [GeneratedRegex(@"^(?:summari[sz]e|sum up|recap|give me (?:a |an )?(?:summary|overview|rundown|recap) of|(?:a |an )?(?:summary|overview|rundown|recap) of|brief me on|what happened (?:at|in|during)|what was (?:the )?(?:[\w'-]+ ){0,4}(?:meeting|ministerial|summit|briefing|article) about)\b")]
    private static partial Regex OverviewRegex();

    /// <summary>The stop words long enough that one slip still leaves them recognisable ("acording", "becuase", "betwen").</summary>
    private static readonly string[] LongStopWords = [.. Vocabulary.StopWords.Where(w => w.Length >= 5 && w.All(char.IsAsciiLetterLower))];

    /// <summary>A word typed in a hurry that is one slip (a letter missed, added, changed or two swapped) from a stop word of
    /// five letters or more, and no word of its own: "acording to the article" asks nothing about "acord". The retriever
    /// takes only a word no briefing has for one ("boeing" is one slip from "being").</summary>
    internal static bool IsSlippedStopWord(string surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var word = surface.ToLowerInvariant();
        return word.Length >= 5 && word.All(char.IsAsciiLetterLower) && !Vocabulary.StopWords.Contains(word) &&
            LongStopWords.Any(s => EditDistance.Compute(word, s, 1) <= 1) && !Lexicon.Default.IsKnownWord(word);
    }

    /// <summary>The terms of the question's asides that no other part of it uses: the verbs the user says what they did
    /// or want with ("i was reading about", "i remember", "i always forget", "i'd like to know"), what they are working on ("i'm putting
    /// together a summary for my class"), a request's verb ("could you state", "kindly provide"), the word for the kind
    /// of answer asked ("by what date", "which year", "the number of", "how long"), the verb of an opinion asked about
    /// ("did rutte think…"), the words that mark a past time ("back in 2023", "back then", "at the time of"), in a when-
    /// or where-question the verbs that only say an event took place ("when's the summit happening", "where did it take
    /// place"), and in a when-question the word "date" ("summit dates"). The sentence that answers gives the date, number
    /// or opinion without them.</summary>
    private static HashSet<string> UserAsideTerms(string question, QuestionType type)
    {
        var lower = question.ToLowerInvariant();
        var matches = new[] { UserActivityRegex(), MemoryLapseRegex(), UserTaskRegex(), RequestVerbRegex(), AskedKindWordRegex(), OpinionVerbRegex(), BackInTimeRegex(), AnswerFormRegex(), CheckingCopyRegex(), RelayedRegex() }
            .SelectMany(r => r.Matches(lower)).ToList();
        if (type is QuestionType.When or QuestionType.Where)
        {
            matches.AddRange(OccurrenceVerbRegex().Matches(lower));
        }

        if (type == QuestionType.When)
        {
            matches.AddRange(DateWordRegex().Matches(lower));
        }

        var aside = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            var words = m.Groups["aside"].Captures.Select(c => c.Value).ToList();
            var rest = lower[..m.Index] + " " + lower[(m.Index + m.Length)..];
            var elsewhere = TermAnalyzer.Terms(rest).ToHashSet(StringComparer.Ordinal);
            aside.UnionWith(words.SelectMany(TermAnalyzer.Terms).Where(t => !elsewhere.Contains(t)));
        }

        return aside;
    }

    /// <summary>"i was reading", "i remember seeing", "i've heard", "i'd read somewhere", "i assumed": the user's own doing, a
    /// verb right after "i" (perhaps with "was", "have been", "just"…), and a second verb it takes ("remember reading"); and
    /// "saw this: "…"" opening a question about a line the user pastes.</summary>
    [GeneratedRegex(@"\bi(?:'m|\u2019m|\s+am|\s+was|'ve|\u2019ve|\s+have|'d|\u2019d|\s+had)?(?:\s+(?:been|just|recently|also|once|only|still|already|definitely|vaguely|kind\s+of|sort\s+of))*\s+(?!(?:not|never|no|a|an|the|to|that|this)\b)(?<aside>(?:read|reading|saw|seen|seeing|see|heard|hear|hearing|remember|remembering|recall|recalling|noticed|notice|came\s+across|come\s+across|coming\s+across|skimmed|skimming|skim|looked|looking|look|browsing|browsed|scrolling|scrolled|went\s+through|going\s+through|catching\s+up|caught\s+up|thought|think|believe|understood|understand|gather|got|get|found|find|assumed|assume|assuming|guessed|guess|figured|reckoned))(?:\s+(?<aside>somewhere|once|earlier|before|recently|today|yesterday))?(?:\s+(?<aside>reading|seeing|hearing|that)\b)?\b|" +
        @"^\W*(?:(?:just|ok|okay|so)\s+)?(?<aside>saw|seen|read|spotted|noticed|found)\b(?=\s*(?:this|that|it|somewhere|online|[:""\u201C]))")]
    private static partial Regex UserActivityRegex();

    /// <summary>"i always forget", "keep forgetting", "i can't remember": the user says why they ask again.</summary>
    [GeneratedRegex(@"\b(?:i\s+)?(?<aside>always|keep|kept)\s+(?<aside>forget|forgetting)\b|\bi\s+(?<aside>forget|forgot)\b|\bi\s+(?:can't|cant|can\u2019t|cannot|couldn't|couldnt|couldn\u2019t|don't|dont|don\u2019t)\s+(?<aside>remember|recall)\b")]
    private static partial Regex MemoryLapseRegex();

    /// <summary>"i'm putting together a short summary for my class", "i'm writing a piece", "i still need": what the user is
    /// working on and that they need something: the verb, the kind of document and who it is for; and what the answer is for
    /// ("need it for the pledges table", "for my deck"). What it is about ("notes on the 2023 meeting", "pledges") stays.</summary>
    [GeneratedRegex(@"\bi(?:'m|\u2019m|\s+am|'ve\s+been|\u2019ve\s+been|\s+have\s+been|\s+was)\s+(?:(?:just|currently|still|now|also)\s+)?(?<aside>preparing|prepping|writing(?:\s+up)?|drafting|putting\s+together|compiling|making|doing|building|working\s+on|summari[sz]ing|researching|updating)\s+(?:(?:a|an|the|some|my|our|this|these)\s+)?(?:(?<aside>short|quick|brief|little|small|new|school|class|weekly|daily)\s+)*(?<aside>summary|report|brief|briefing|note|notes|memo|presentation|essay|paper|piece|post|thread|slides?|deck|homework|assignment|project|profile|timeline|explainer|newsletter|lesson|lecture|talk|story|article|overview|recap|quiz|factsheet)\b(?:\s+for\s+(?:my|our|the|a|an)\s+(?<aside>class|boss|team|course|teacher|professor|manager|students|colleagues|seminar|lecture|newsletter|blog|readers|unit|office|department|editor|audience))?|\bi\s+(?:still\s+|just\s+|really\s+|also\s+)?(?<aside>need)\b(?!\s+to\b)|" +
        @"(?:\b(?<aside>need)\s+(?:it|this|that|them|these|those)\s+)?\bfor\s+(?:a|an|the|my|our|this|tomorrow's|today's)\s+(?:[\w'\-]+\s+){0,2}?(?<aside>deck|slides?|chart|table|graphic|caption|script|episode|speech|segment|podcast|newsletter|memo|notes?|brief|piece|post|thread|presentation|essay|homework|assignment|lesson|class|quiz|comps|intro|opener)\b")]
    private static partial Regex UserTaskRegex();

    /// <summary>"i'd like to know", "i need to find out", "could you please state", "kindly provide", "may i ask": a request's
    /// verbs.</summary>
    [GeneratedRegex(@"\bi(?:'d|\u2019d|\s+would)?\s+(?<aside>like|love|want|need)\s+to\s+(?<aside>know|find\s+out|understand|learn|check|confirm)\b|\b(?:(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+)?|please\s+|kindly\s+)(?<aside>state|provide|indicate|specify|identify|give|share|supply|outline|clarify|confirm|detail|list|name|remind)\b|\b(?:may|might|could|can)\s+i\s+(?:please\s+|kindly\s+)?(?<aside>ask|enquire|inquire)\b|\bif\s+i\s+(?:may|might)\s+(?<aside>ask)\b|^\W*(?:(?:ok|okay|so|and|now|then|pls|please)\W+)?(?<aside>give|show|get|find)\s+me\b")]
    private static partial Regex RequestVerbRegex();

    /// <summary>What form the user wants the answer in, or which part of a text they mean, not what it says: "exact quote pls",
    /// "the precise wording", "in his own words", "word for word", "spelled right", "full name as printed", "just need the
    /// number", "yes or no", "the bullet points", "the ceo's soundbite", "any quotes", "in that bit about…", "the part where…",
    /// "just the country", "headline number", "… - bullets", "in one line", "one or two words each".</summary>
    [GeneratedRegex(@"\b(?<aside>exact|precise|direct|verbatim|actual|full|official)\s+(?<aside>quote|quotes|quotation|wording|words|phrase|phrasing|line|language|spelling|name|names|title)\b|" +
        @"\bin\s+(?:his|her|their|its)\s+(?:own\s+)?(?<aside>words)\b|\b(?<aside>word)\s+for\s+word\b|\b(?<aside>spell(?:ed|t|ing)?)\s+(?:right|correctly|properly)\b|" +
        @"\bas\s+(?<aside>printed|written|spelled|spelt|worded)\b|\b(?<aside>need|want)s?\s+(?:the|a|an|both|all|his|her|their|its|it|them|that)?\s*(?<aside>number|numbers|name|names|figure|figures|date|dates|quote|wording|spelling|list)\b|" +
        @"\byes\s+or\s+(?<aside>no)\b|\b(?<aside>bullet)\s+(?<aside>points?)\b|\b(?<aside>soundbites?|quotes?|quotations?)\b|\b(?<aside>sound)\s+(?<aside>bites?)\b|\b(?:the|that|this)\s+(?<aside>bit|part|section|paragraph|passage|line)\s+(?=(?:about|on|where|with|in\s+which|that\s+says)\b)|" +
        @"\bjust\s+(?:the\s+)?(?<aside>country|countries|name|names|number|figure|date|year|city|word)\b|\b(?<aside>headline)\s+(?<aside>numbers?|figures?)\b|" +
        @"(?:^|[,?.!:;\-\u2013\u2014]\s*)(?:in\s+)?(?<aside>bullets?)\s*[?.!]*$|\b(?<aside>one|two|three|few)\s+(?:or\s+(?<aside>two|three)\s+)?(?<aside>lines?|sentences?|words?)(?:\s+(?<aside>each|max|tops))?\b")]
    private static partial Regex AnswerFormRegex();

    /// <summary>Checking one's own text against the briefings: "is it right that…", "can I call him…", "ok to say…", "in the
    /// standfirst", "for my headline". The claim checked stays.</summary>
    [GeneratedRegex(@"\bis\s+it\s+(?<aside>right|correct|true|accurate|fair|ok|okay)\s+(?=(?:that|to)\b)|\b(?:can|could|may|should)\s+(?:i|we)\s+(?<aside>say|call|write|describe|report|claim|state|put|use)\b|" +
        @"\b(?<aside>ok|okay|fine|safe|correct|accurate|fair)\s+to\s+(?<aside>say|call|write|describe|report|claim|state|put)\b|\b(?:in|for)\s+(?:the|my|our|this|a)\s+(?<aside>standfirst|headline|caption|lede|intro|copy|draft|subhead|strapline)\b")]
    private static partial Regex CheckingCopyRegex();

    /// <summary>A question passed on for someone else: "my boss asked…", "editor wants…", "she asked me to check…", "Sarah
    /// wants to know whether…", "… ? colleague asks", "can you tell Sarah what…", "quick one from the director -". Who asks
    /// and their verb are not what the briefing says ("the Rovers boss said" is not passed on: no "my", not opening a
    /// clause; "Stoltenberg asked allies to…" has no question after the verb).</summary>
    [GeneratedRegex(@"(?:\bmy\s+|^|[.?!,;:\-\u2013\u2014(]\s*)(?<aside>boss|manager|editor|supervisor|colleague|professor|teacher|director|lecturer|tutor)\s+(?:(?:just|also|now|really|still)\s+)?" +
        @"(?<aside>asks|asked|wants|wanted|needs|needed|says|said|found|saw|flagged|mentioned|reckons|thinks|thought|believes|would\s+like)\b(?:\s+to\s+(?<aside>know))?|" +
        @"\b(?:she|he|they)\s+(?:(?:just|also)\s+)?(?<aside>asked|asks|wants|wanted|needs|needed)\s+me\s+to\s+(?<aside>check|pull|find|confirm|get|dig)\b|" +
        @"(?:^|[.?!,;:\-\u2013\u2014(]\s*(?:and\s+)?)(?:(?:my|our|the)\s+)?(?!(?:" + QuestionWordPattern + @")\b)(?<aside>[a-z][a-z'\-]+)\s+(?:(?:just|also|now|really|still)\s+)?(?<aside>wants|wanted|needs|needed|would\s+like)\s+to\s+(?<aside>know)\b|" +
        @"(?:^|[.?!,;:\-\u2013\u2014(]\s*(?:and\s+)?)(?:(?:my|our|the)\s+)?(?!(?:" + QuestionWordPattern + @")\b)(?<aside>[a-z][a-z'\-]+)\s+(?:(?:just|also|now|really|still)\s+)?(?:is\s+|was\s+)?(?<aside>asks|asked|asking|wonders|wondered|wondering)(?=\s*(?:[:\-\u2013\u2014]|(?:(?:roughly|approximately|about|exactly|again|quickly|briefly)\s+)?(?:whether|if|" + QuestionWordPattern + @")\b))|" +
        @"[?.!,]\s*(?:(?:my|our|the|a)\s+)?(?<aside>[a-z][a-z'\-]+)\s+(?:(?:just|also)\s+)?(?:is\s+|was\s+)?(?<aside>asks|asked|asking|wonders|wondered|wondering|wants\s+to\s+know)\s*[.!?]*\s*$|" +
        @"\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?<aside>tell|remind|let)\s+(?!(?:me|us|him|her|them|you|it|" + QuestionWordPattern + @")\b)(?<aside>[a-z][a-z'\-]+)(?:\s+(?<aside>know))?(?=\s+(?:whether|if|about|the|a|an|" + QuestionWordPattern + @")\b)|" +
        @"\b(?:(?<aside>quick|another)\s+)?(?<aside>one|two|three|q|qs|question|questions)\s+from\s+(?:(?:the|my|our|a)\s+)?(?<aside>[a-z][a-z'\-]+)(?:\s+(?<aside>desk|team|office))?(?=\s*[:\-\u2013\u2014])")]
    private static partial Regex RelayedRegex();

    /// <summary>The question words, as a regex alternation.</summary>
    private const string QuestionWordPattern = "what|who|whom|whose|when|where|why|which|how";

    /// <summary>A word for the kind of answer after "what", "which" or "how", or in "the … of" ("by what date", "which year",
    /// "how long", "the number of", "the name of"), at the start of a keyword question ("name of the new centre", "dates of
    /// the summit") or at its end ("helix ceo name", "new base location", "what's her name"): the question asks for a date,
    /// a number or a name, which the answer gives without the word.</summary>
    [GeneratedRegex(@"\b(?:what|which)\s+(?:exact\s+|precise\s+|specific\s+|particular\s+)?(?<aside>date|dates|day|year|month|time|number|figure|name|location)\b|\bthe\s+(?:exact\s+|precise\s+|total\s+)?(?<aside>date|number|name|location|figure)\s+of\b|^\W*(?<aside>date|dates|number|name|names|location|figure)\s+of\b|\b(?:his|her|its|their)\s+(?<aside>names?)\b|\b(?<aside>names?|location)\s*(?:again|pls|plz|please)?\s*[?.!]*\s*$|\bhow\s+(?<aside>long|big|large|far|often|soon|tall|high|deep|wide|heavy|fast|quickly|hot|cold|warm|expensive|costly)\b")]
    private static partial Regex AskedKindWordRegex();

    /// <summary>"did rutte think…", "does the alliance's chief believe…", "what did he feel about…": the verb of an opinion,
    /// which a briefing states or quotes without it.</summary>
    [GeneratedRegex(@"\b(?:did|does|do)\s+(?:[\w'\-]+\s+){1,3}?(?<aside>think|believe|feel|reckon)\b")]
    private static partial Regex OpinionVerbRegex();

    /// <summary>"back in 2023", "back then", "at the time of the meeting": "back" and "time" mark a past time.</summary>
    [GeneratedRegex(@"\b(?<aside>back)\s+(?=(?:in|on|during|around|then|when|at\s+the\s+time)\b)|\bat\s+the\s+(?<aside>time)\b")]
    private static partial Regex BackInTimeRegex();

    /// <summary>Adds <paramref name="others"/> to the words that stand for <paramref name="term"/>, and to the terms
    /// searched.</summary>
    private static void AddAlternatives(
        Dictionary<string, IReadOnlyList<string>> alternatives, List<string> terms, string term, IEnumerable<string> others)
    {
        var added = others.ToList();
        alternatives[term] = [.. (alternatives.GetValueOrDefault(term) ?? []).Union(added, StringComparer.Ordinal)];
        terms.AddRange(added.Where(o => !terms.Contains(o)).Distinct(StringComparer.Ordinal));
    }

    /// <summary>The rates of time the question names, as written, each with its unit: "per year", "each month", "a week"
    /// (not "a year ago", "within a year"), and the words of <see cref="Vocabulary.RateWords"/> ("annually", "daily").</summary>
    private static IEnumerable<(string Written, string Unit)> Rates(string question)
    {
        foreach (Match m in RatePhraseRegex().Matches(question))
        {
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            if (Vocabulary.RateWords.ContainsKey(unit))
            {
                yield return (m.Value, unit);
            }
        }

        foreach (var token in TermAnalyzer.Tokenize(question))
        {
            if (Vocabulary.RateUnitOf.TryGetValue(token.Surface.ToLowerInvariant(), out var unit))
            {
                yield return (token.Surface, unit);
            }
        }
    }

    /// <summary>"per", "each", "every" or "a" before a word, not after "within", "for"… nor before "ago", "later"….</summary>
    [GeneratedRegex(@"(?<!\b(?:within|for|in|over|than|half|about|nearly|almost|around|just|once|twice)\s+)\b(?:per|each|every|a)\s+(?<unit>[a-z]+)\b(?!\s+(?:ago|later|earlier|before|after|on|from|of)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex RatePhraseRegex();

    /// <summary>"date" or "dates" anywhere in a when-question ("summit dates", "date of the meeting"): the kind of answer
    /// asked, which the sentence that answers gives without the word.</summary>
    [GeneratedRegex(@"\b(?<aside>date|dates)\b")]
    private static partial Regex DateWordRegex();

    /// <summary>The verbs that only say something took place.</summary>
    [GeneratedRegex(@"\b(?<aside>happen|happens|happened|happening|occur|occurs|occurred|occurring|take\s+place|takes\s+place|took\s+place|taking\s+place|taken\s+place)\b")]
    private static partial Regex OccurrenceVerbRegex();

    /// <summary>Words that name a kind of document ("piece", "article", "story", "write-up", "coverage", "sidebar",
    /// "briefing", "press release"), not "Article 5" of a treaty, or what someone said as a whole ("according to his
    /// remarks", "in her comments"): the sentence that answers says it, it does not call itself that.</summary>
    [GeneratedRegex(@"\b(?:pieces?|articles?(?!\s+(?:\d|[ivx]+\b|five|four|one|two|three))|stor(?:y|ies)|write-?ups?|writeups?|coverage|sidebars?|briefings?|(?:press|news)\s+releases?|remarks|comments)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SourceWordRegex();

    [GeneratedRegex(@"\b(?:how many|number of)\s+(?<phrase>[\p{L}\-]+(?:\s+[\p{L}\-]+){0,3})")]
    private static partial Regex CountedRegex();

    /// <summary>A count of two to six, then a phrase ending in a plural noun ("three main topics", "2 new commands").</summary>
    [GeneratedRegex(@"\b(?:two|three|four|five|six|[2-6])\s+(?<phrase>[\p{L}\-]+(?:\s+[\p{L}\-]+){0,3})")]
    private static partial Regex ListedRegex();
    /// <summary>The terms of what a user tells about themselves before asking, in sentences of their own ("I did two tours
    /// with the Rhine Army. When the ministers met in June 2023, who…", "Flew in Phantoms back in the day, so I'm nosy
    /// about jets. How many F-16s…"): a statement in the first person, not a question, before the sentence that asks. A
    /// statement that says what the user read, saw or heard, or what it was about ("I saw something about a missile attack
    /// on Kryvy Rih."), is not a story: it names what the question asks about. Terms the asking sentence has itself are
    /// left out.</summary>
    internal static HashSet<string> StoryTerms(string question)
    {
        var story = new HashSet<string>(StringComparer.Ordinal);
        var sentences = SentenceSplitter.Split(question).Select(span => span.Of(question)).ToList();
        var asking = sentences.FindLastIndex(s => s.TrimEnd().EndsWith('?') || QuestionWordStartRegex().IsMatch(s.ToLowerInvariant()));
        if (asking <= 0)
        {
            return story;
        }

        var asked = TermAnalyzer.Terms(string.Join(' ', sentences.Skip(asking))).ToHashSet(StringComparer.Ordinal);
        foreach (var told in sentences.Take(asking).Where(s => !s.TrimEnd().EndsWith('?') && FirstPersonRegex().IsMatch(s) && !NamesTopicRegex().IsMatch(s)))
        {
            story.UnionWith(TermAnalyzer.Terms(told).Where(t => !asked.Contains(t)));
        }

        return story;
    }

    /// <summary>
    /// The terms of what a question says besides what it asks about: the user's own doing and asides ("i was reading", "need
    /// it for the deck", "just the country"), a story told before the question, a remark about themselves after it ("how much
    /// is a ticket? I might go myself if my knees allow.") and courtesies ("Good morning.", "Many thanks."). A conversation's
    /// topic is the rest.
    /// </summary>
    internal static HashSet<string> AsideTerms(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var expanded = ChatShorthand.Expand(question);
        var aside = UserAsideTerms(expanded, QuestionType.Other);
        aside.UnionWith(StoryTerms(expanded));
        aside.UnionWith(CourtesyRegex().Matches(expanded).SelectMany(m => TermAnalyzer.Terms(m.Value)));
        var sentences = SentenceSplitter.Split(expanded).Select(span => span.Of(expanded)).ToList();
        var asking = sentences.FindLastIndex(s => s.TrimEnd().EndsWith('?') || QuestionWordStartRegex().IsMatch(s.ToLowerInvariant()));
        if (asking >= 0)
        {
            var asked = TermAnalyzer.Terms(string.Join(' ', sentences.Take(asking + 1))).ToHashSet(StringComparer.Ordinal);
            foreach (var remark in sentences.Skip(asking + 1).Where(s => FirstPersonRegex().IsMatch(s) && !NamesTopicRegex().IsMatch(s)))
            {
                aside.UnionWith(TermAnalyzer.Terms(remark).Where(t => !asked.Contains(t)));
            }
        }

        return aside;
    }

    /// <summary>Greetings, thanks and sign-offs anywhere in a message.</summary>
    [GeneratedRegex(@"\b(?:good\s+(?:morning|afternoon|evening|day)|hello|hiya|thanks?(?:\s+you)?(?:\s+(?:so|very)\s+much)?|many\s+thanks|much\s+appreciated|cheers|kind\s+regards|best\s+wishes)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CourtesyRegex();

    /// <summary>The user speaking of themselves: "I", "I'm", "my", "we", "our", "me", "us".</summary>
    [GeneratedRegex(@"\b(?:i|i'm|i've|i'd|i'll|my|me|we|we're|we've|our|us)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPersonRegex();

    /// <summary>A statement that names a topic: what it is about, or what the user read, saw or heard ("headlines about…",
    /// "a post says…", "I remember something about…").</summary>
    [GeneratedRegex(@"\b(?:about|regarding|concerning|re|headlines?|articles?|stor(?:y|ies)|reports?|reported|posts?|pieces?|news|read|reading|saw|seen|seeing|heard|hear|remember|says|said|claims?|according)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamesTopicRegex();
}
