using System.Collections.Frozen;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Answering.Selection;

/// <summary>A sentence that may answer the question, with the features the answer model scores it by.</summary>
/// <param name="Question">How well the sentence's briefing covers the question as a whole (<see cref="AnswerFeatures.QuestionNames"/>):
/// inputs of the answer gate, which decides whether to answer at all.</param>
internal sealed record AnswerCandidate(ScoredSentence Sentence, int PassageRank, double[] Features, double[] Question)
{
    /// <summary>The model's probability that this sentence answers the question (set by <see cref="AnswerModel.Score"/>).</summary>
    public double Probability { get; set; }

    /// <summary>The model's linear score for this sentence (set with <see cref="Probability"/>).</summary>
    public double Score { get; set; }

    public Evidence Evidence => Sentence.Evidence;
}

/// <summary>
/// Turns the sentences of the retrieved passages into feature vectors: a few general signals of whether a sentence
/// answers a question, question-independent of any one question's wording. The answer model weighs them; the names
/// here are the columns of its weights file.
/// </summary>
internal static partial class AnswerFeatures
{
    /// <summary>Feature names in column order. Changing them means re-running <c>train</c>.</summary>
    public static readonly string[] Names =
    [
        "bias",
        "lexical",            // share of the question's weighted terms the sentence covers (synonyms, context)
        "lexical_gap",        // lexical minus the best lexical among the candidates (0 for the best)
        "dense",              // cosine of question and sentence vectors
        "dense_gap",          // dense minus the best dense among the candidates
        "passage_dense",      // best dense among the sentence's passage
        "lexical_x_dense",    // both signals agree
        "passage_rank",       // 1 / (1 + retrieval rank of the passage)
        "type_match",         // the question wants a person/date/number/amount/place/nationality and the sentence has one (0.5: a number for an amount)
        "type_missing",       // it wants one and the sentence has none
        "names_in_sentence",  // share of the names/numbers the question names that the sentence (or the one before) has
        "names_in_briefing",  // the same share over the briefing's retrieved passages and title
        "period_match",       // the question names a period; the briefing is from it or the passage mentions it
        "period_missing",     // the question names a period; neither
        "fragment",           // not a whole sentence (headline, list item)
        "short",              // under eight words
        "refers_back",        // opens by referring to the sentence before ("This level of support...")
        "instruction",        // talks to an assistant: never evidence
        "missing_words",      // weighted share of the question's words no briefing contains
        "top_dense",          // the sentence is the closest to the question by meaning
        "top_lexical",        // the sentence covers the most of the question's words
        "local_lexical",      // coverage with each word weighted by how few of its briefing's sentences have it: the
                              // words that single the answer out in its article, not those the whole article is about
        "local_lexical_gap",  // local_lexical minus the best among the candidates
        "second_dense",       // cosine of question and sentence by the second encoder (all-MiniLM-L6-v2): a second
                              // opinion on meaning from a model trained on other data
        "focus_lexical",      // weighted share of the question's words its briefing's title lacks that the sentence has:
                              // the title says what the article is about, the other words what is asked of it
        "clause_dense",       // cosine of the sentence and the part of the question that asks, without its scene-setting
        "counted_missing",    // a "how many" question's counted thing ("how many drones") is not in the sentence
        "window_dense",       // cosine of the question and the sum of the sentence's vector and the one before it: the
                              // sentence read with its context ("He stressed…" after the sentence naming him)
        "count_unattached",   // a "how many" question's counted thing is in the sentence but no number stands right before it
                              // ("500,000 troops … combat-ready battlegroups" does not say how many battlegroups)
        "states_period",      // the question names a period and the sentence itself states a date in it: often the sentence
                              // that sets the scene ("Previewing the meeting on Wednesday (14 June 2023), …"), not the answer
        "role_unnamed",       // a who-question names a role ("the marcom commander", "helix's chief executive") and the
                              // sentence names no one next to that role
        "plain_missing",      // weighted share of the question's words other than names that the sentence (and the one it
                              // refers back to) lacks: "capital of australia" matched by a sentence naming Australia only
        "previous_briefing",  // a follow-up, and the sentence is from a briefing the previous answer cited
        "announced_only",     // the question asks for an outcome and the sentence only announces or expects the event ("will meet", "is expected to")
        "align",              // how well the sentence says each of the question's words, by meaning (TokenAlignment: each content
                              // word piece matched with the sentence's closest piece in context, the mean of those cosines)
        "align_gap",          // align minus the best among the candidates
        "align_min",          // the lowest of those cosines: the question's word the sentence says least about ("cost")
        "align_window",       // align over the sentence and the one before it, as window_dense reads it with its context
        "which_unnamed",      // a "which union…" / "which countries…" question, and the sentence (with the one it refers back
                              // to) names nothing the question does not: "the union representing signallers" is not which one
        "speaker_other",      // the question asks what a named person said ("what did zelenskyy say…") and the sentence is not
                              // that person's words (Speakers: said by someone else, or no one's words at all)
        "other_value",        // a yes/no question names one value the sentence lacks (a place, a number, a name: "was it held
                              // in vilnius") and the sentence gives another of that kind ("in Brussels"): the answer is "no, …"
        "own_lexical",        // share of the question's weighted terms the sentence says itself (lexical without the credit
                              // it borrows from the sentence before or its passage): tells the answer from its neighbour
        "own_lexical_gap",    // own_lexical minus the best among the candidates
        "quoted",             // share of the words the user quotes ('saw this: "…" - who said it?') that the sentence has:
                              // the line pasted from an article is the sentence that writes it (0 when nothing is quoted)
    ];

    /// <summary>Question-level inputs of the answer gate, per candidate (they depend on the candidate's briefing).</summary>
    public static readonly string[] QuestionNames =
    [
        "briefing_coverage",  // weighted share of the question's words the briefing (its retrieved passages and title) has
        "key_term_missing",   // the question's most specific word (highest weight) is not in the briefing
        "few_terms",          // the question has at most two content words: little to check an answer against
        "asks_who",           // the kind of fact asked for (Kind): a person or a name,
        "asks_when_where",    // a date or a place,
        "asks_amount",        // a count or an amount,
        "asks_yes_no",        // a yes/no statement,
        "asks_open",          // or an open "what/why" (none of them: a nationality)
        "asks_present",       // about the present ("now", "today", "currently"): the briefings may be out of date on it
        "asks_outcome",       // for what came of an event ("what did they actually agree", "who ended up"): a preview does not say
        "briefing_align",     // how well the briefing's retrieved sentences say the question between them, word by word
                              // (TokenAlignment.Cover: each question piece matched in whichever sentence says it best)
        "briefing_align_min", // the lowest of those cosines: the part of the question its briefing says least about
        "in_conversation",    // a follow-up after a cited answer: it leans on the conversation and says less itself
    ];

    public static List<AnswerCandidate> Extract(RetrievalResult retrieval, SentenceScorer scorer, int passages)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        ArgumentNullException.ThrowIfNull(scorer);
        var query = retrieval.Query;
        var evidence = retrieval.Evidence;
        var count = Math.Min(passages, evidence.Count);
        var sentences = new List<(ScoredSentence Sentence, int Rank, double Dense)>();
        var passageDense = new double[count];
        for (var rank = 0; rank < count; rank++)
        {
            passageDense[rank] = double.MinValue;
            foreach (var s in scorer.ScorePassage(evidence[rank]))
            {
                var dense = Dense(retrieval.QueryVector.Span, s);
                passageDense[rank] = Math.Max(passageDense[rank], dense);
                sentences.Add((s, rank, dense));
            }
        }

        var kept = Deduplicate(sentences);
        if (kept.Count == 0)
        {
            return [];
        }

        var bestLexical = kept.Max(k => k.Sentence.Coverage);
        var own = kept.ToDictionary(k => k.Sentence, k => scorer.OwnCoverage(k.Sentence));
        var bestOwn = own.Values.Max();
        var bestDense = kept.Max(k => k.Dense);
        var briefingTerms = BriefingTerms(evidence);
        var salient = query.Salient;
        var missing = MissingShare(retrieval);
        var core = CoreWeights(retrieval);
        var asked = query.Terms.Concat(query.Salient).ToHashSet(StringComparer.Ordinal);
        var asksWhich = AsksWhich(query);
        var titles = new Dictionary<long, HashSet<string>>();
        var local = LocalCoverage(kept.Select(k => k.Sentence).ToList(), core, query);
        var bestLocal = local.Count == 0 ? 0 : local.Values.Max();
        var roles = query.Type == QuestionType.Who || query.AsksForName ? RoleTerms(query) : [];
        var align = kept.ToDictionary(k => k.Sentence, k => retrieval.Alignment?.Recall(k.Sentence.Text) ?? (0, 0));
        var bestAlign = align.Values.Max(a => a.Mean);
        var cover = kept.GroupBy(k => k.Sentence.Evidence.Briefing.Id).ToDictionary(
            g => g.Key, g => retrieval.Alignment?.Cover(g.Select(k => k.Sentence.Text)) ?? (0, 0));
        var result = new List<AnswerCandidate>(kept.Count);
        foreach (var (s, rank, dense) in kept)
        {
            var info = s.Info;
            var (wantsType, hasType) = TypeOf(query, asked, s);
            var context = s.Previous?.Terms;
            // A person the question names is in a sentence that speaks for them or names them by title ("He added…",
            // "The Secretary General has invited…").
            var subject = new Lazy<HashSet<string>>(() => SubjectTerms(s));
            var namesInSentence = Share(salient, query, t => s.Terms.Contains(t) || (context?.Contains(t) ?? false) || subject.Value.Contains(t));
            var names = briefingTerms.GetValueOrDefault(s.Evidence.Briefing.Id) ?? [];
            // The person the sentence speaks for is named in the briefing, if not in its retrieved passages then before them.
            var namesInBriefing = Share(salient, query, t => names.Contains(t) || subject.Value.Contains(t));
            var period = query.Dates is { } range ? PeriodOf(s.Evidence, range) : null;
            double[] f =
            [
                1,
                s.Coverage,
                s.Coverage - bestLexical,
                dense,
                dense - bestDense,
                passageDense[rank],
                s.Coverage * dense,
                1.0 / (1 + rank),
                wantsType ? hasType : 0,
                wantsType && hasType == 0 ? 1 : 0,
                namesInSentence,
                namesInBriefing,
                period == true ? 1 : 0,
                period == false ? 1 : 0,
                info is { EndsLikeSentence: false } ? 1 : 0,
                info is { Words: < 8 } ? 1 : 0,
                s.RefersBack ? 1 : 0,
                info is { Instruction: true } ? 1 : 0,
                missing,
                dense >= bestDense ? 1 : 0,
                s.Coverage >= bestLexical ? 1 : 0,
                local[s],
                local[s] - bestLocal,
                SecondDense(retrieval.SecondQueryVector.Span, s),
                FocusCoverage(s, core, query, titles),
                retrieval.ClauseVector.IsEmpty ? dense : Dense(retrieval.ClauseVector.Span, s),
                query.CountedTerm is { } counted && !Mentions(s, counted, query) && !(CountsPeople(counted) && Counts(s.Text, counted, query)) ? 1 : 0,
                WindowDense(retrieval.QueryVector.Span, s),
                query.CountedTerm is { } countedThing && Mentions(s, countedThing, query) && !Counts(s.Text, countedThing, query) ? 1 : 0,
                query.Dates is { } askedPeriod && PeriodMentions.Mentions(s.Text, askedPeriod, s.Evidence.Briefing.PeriodDate) ? 1 : 0,
                roles.Count > 0 && !NamesSomeoneAs(s, roles, asked, query) ? 1 : 0,
                PlainMissing(s, core, query),
                retrieval.PreferredFiles.Contains(s.Evidence.Briefing.File) ? 1 : 0,
                query.AsksForOutcome && Announces(s.Text) ? 1 : 0,
                align[s].Mean,
                align[s].Mean - bestAlign,
                align[s].Min,
                s.Previous is { } before ? retrieval.Alignment?.Recall(s.Text, before.Text).Mean ?? 0 : align[s].Mean,
                asksWhich && !NamesSomethingNew(s.Text, asked) && !(s.RefersBack && s.Previous is { } named && NamesSomethingNew(named.Text, asked)) ? 1 : 0,
                query.AskedSpeaker is { } speaker && !SaidBy(s, speaker, query) ? 1 : 0,
                query.Type == QuestionType.YesNo && GivesOtherValue(s.Text, salient, asked, query, t => s.Terms.Contains(t) || (context?.Contains(t) ?? false) || subject.Value.Contains(t)) ? 1 : 0,
                own[s],
                own[s] - bestOwn,
                query.QuotedTerms.Count == 0 ? 0 : (double)query.QuotedTerms.Count(s.Terms.Contains) / query.QuotedTerms.Count,
            ];
            var briefingCover = cover[s.Evidence.Briefing.Id];
            result.Add(new AnswerCandidate(s, rank, f, [.. QuestionCoverage(core, query, names), briefingCover.Mean, briefingCover.Min, retrieval.PreferredFiles.Count > 0 ? 1 : 0]));
        }

        return result;
    }

    /// <summary>The terms of the name of the person the sentence speaks for or names by title (<see cref="Speakers.Subject"/>),
    /// as its passage reads; empty when none.</summary>
    private static HashSet<string> SubjectTerms(ScoredSentence s)
    {
        var (texts, offset) = SentenceScorer.SentencesWithLead(s.Evidence.Passage);
        return Speakers.Subject(texts, offset + s.Index) is { } person ? TermAnalyzer.Terms(person).ToHashSet(StringComparer.Ordinal) : [];
    }

    /// <summary>Is the sentence the words of the person the question names (<see cref="Retrieval.QueryAnalysis.AskedSpeaker"/>),
    /// as <see cref="Speakers"/> reads its passage?</summary>
    private static bool SaidBy(ScoredSentence s, IReadOnlyList<string> person, QueryAnalysis query)
    {
        var (texts, offset) = SentenceScorer.SentencesWithLead(s.Evidence.Passage);
        if (Speakers.Of(texts, offset + s.Index) is not { } speaker)
        {
            return false;
        }

        var said = TermAnalyzer.Terms(speaker).ToHashSet(StringComparer.Ordinal);
        return person.Any(t => said.Contains(t) || (query.Alternatives.TryGetValue(t, out var alts) && alts.Any(said.Contains)));
    }

    /// <summary>
    /// Does the sentence put another value where the question names one? Exactly one of the question's names or numbers is
    /// missing from the sentence (and its context), and the sentence has another of the same kind that the question lacks: a
    /// number for a number, a place for a place, a name for a name ("was the meeting held in vilnius" and "…ministers in
    /// Brussels on June 13 and 14").
    /// </summary>
    internal static bool GivesOtherValue(string text, IReadOnlyList<string> salient, HashSet<string> asked, QueryAnalysis query, Func<string, bool> found)
    {
        var missing = salient.Where(t => !found(t) && !(query.Alternatives.TryGetValue(t, out var alts) && alts.Any(found))).Take(2).ToList();
        if (missing is not [var term])
        {
            return false;
        }

        var surface = TermAnalyzer.Tokenize(query.Text).Where(t => t.Term == term).Select(t => t.Surface).FirstOrDefault() ?? term;
        var others = TermAnalyzer.Tokenize(text).Skip(1).Where(t => !t.IsStopWord && !asked.Contains(t.Term)).ToList();
        if (char.IsAsciiDigit(surface[0]))
        {
            return others.Any(t => t.IsNumber);
        }

        return Lexicon.Default.NamedPlace(surface) is not null
            ? others.Any(t => t.IsCapitalized && Lexicon.Default.NamedPlace(t.Surface) is not null)
            : others.Any(t => t.IsCapitalized && !Vocabulary.Months.ContainsKey(t.Surface.ToLowerInvariant()));
    }

    /// <summary>Does the text name something (a capitalized word past its first, not a month) the question does not?</summary>
    internal static bool NamesSomethingNew(string text, HashSet<string> asked) =>
        TermAnalyzer.Tokenize(text).Skip(1).Any(t => t.IsCapitalized && !t.IsStopWord && !t.IsNumber && !asked.Contains(t.Term) &&
            !Vocabulary.Months.ContainsKey(t.Surface.ToLowerInvariant()));

    /// <summary>"which union", "which new members", "in which two cities": a question for one or more named things. Not "which
    /// year/day/date" (a when) nor "which of…".</summary>
    internal static bool AsksWhich(QueryAnalysis query) => query.Type == QuestionType.Other && WhichRegex().IsMatch(query.Text);

    /// <summary>Does the sentence write years, all outside the period the question names ("when was the june 2024
    /// ministerial" and "since the invasion in 2022")? Then it gives no date in that period.</summary>
    internal static bool OnlyOtherYears(string text, QueryAnalysis query) =>
        query.Dates is { } period && !query.DatesAreSoft &&
        YearRegex().Matches(text).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList() is { Count: > 0 } years &&
        years.All(y => y < period.From.Year || y > period.To.Year);

    /// <summary>A year written in a sentence ("in 2022", "2024's").</summary>
    [GeneratedRegex(@"(?<![\d.,])\b(?:19|20)\d{2}\b(?![.,]?\d)")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"\bwhich\s+(?!(?:of|is|was|were|are|year|years|month|months|day|days|date|dates|week|weeks|time|times)\b)\w+", RegexOptions.IgnoreCase)]
    private static partial Regex WhichRegex();

    /// <summary>The terms of the question's words for a person's role: nouns whose most frequent sense WordNet files under
    /// a person ("commander", "winner", "spokesman"), and the titles the role patterns know ("minister", "executive").</summary>
    private static HashSet<string> RoleTerms(QueryAnalysis query)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in TermAnalyzer.Tokenize(query.Text))
        {
            if (!token.IsStopWord && !token.IsNumber && !token.IsCapitalized &&
                (Lexicon.Default.Broader(Lexicon.Default.Lemma(token.Surface, PartOfSpeech.Noun)).Count > 0 || SentenceFeatures.HasRole("the " + token.Surface)))
            {
                roles.Add(token.Term);
            }
        }

        return roles;
    }

    /// <summary>Does the sentence name a person the question does not, within a few words of one of the roles asked about
    /// (or a word standing for it), in the singular?</summary>
    private static bool NamesSomeoneAs(ScoredSentence s, HashSet<string> roles, HashSet<string> asked, QueryAnalysis query)
    {
        const int Near = 40;
        var tokens = TermAnalyzer.Tokenize(s.Text);
        // A title names one person: "ministers" a few words after "Jens Stoltenberg said that" is not his title.
        var rolesAt = tokens.Where(t => (roles.Contains(t.Term) || roles.Any(r => query.Alternatives.TryGetValue(r, out var alts) && alts.Contains(t.Term))) &&
                string.Equals(Lexicon.Default.Lemma(t.Surface, PartOfSpeech.Noun), t.Surface, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Start).ToList();
        if (rolesAt.Count == 0)
        {
            return false;
        }

        foreach (var person in SentenceFeatures.People(s.Text).Where(p => TermAnalyzer.Terms(p).Any(t => !asked.Contains(t))))
        {
            var at = s.Text.IndexOf(person, StringComparison.Ordinal);
            if (at >= 0 && rolesAt.Any(r => Math.Abs(r - at) <= Near || Math.Abs(r - (at + person.Length)) <= Near))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words that count people without saying which ("how many people", "how many individuals"): a count of
    /// any kind of person answers them ("one billion citizens", "610 employees").</summary>
    private static readonly FrozenSet<string> PeopleTerms =
        new[] { "people", "persons", "individuals", "humans" }.Select(TermAnalyzer.Normalize).ToFrozenSet(StringComparer.Ordinal);

    private static bool CountsPeople(string counted) => PeopleTerms.Contains(counted);

    /// <summary>Does a number stand within three words before the counted thing (or a word for it) in the text: "23 Allies",
    /// "several hundred personnel"; for people, "one billion citizens")?</summary>
    internal static bool Counts(string text, string counted, QueryAnalysis query)
    {
        const int Reach = 3;
        var tokens = TermAnalyzer.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            var term = tokens[i].Term;
            if (term != counted && !(query.Alternatives.TryGetValue(counted, out var alts) && alts.Contains(term)) &&
                !(CountsPeople(counted) && Lexicon.Default.IsPersonNoun(tokens[i].Surface)))
            {
                continue;
            }

            for (var k = Math.Max(0, i - Reach); k < i; k++)
            {
                if (SentenceFeatures.HasNumber(tokens[k].Surface))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Does the sentence (or the one it refers back to) have the term or one of its alternatives?</summary>
    private static bool Mentions(ScoredSentence s, string term, QueryAnalysis query)
    {
        bool Has(HashSet<string> terms) => terms.Contains(term) || (query.Alternatives.TryGetValue(term, out var alts) && alts.Any(terms.Contains));
        return Has(s.Terms) || (s.RefersBack && s.Previous is { } previous && Has(previous.Terms));
    }

    /// <summary>Share of the weight of the question's words other than its names (and numbers) that the sentence, read with
    /// the one it refers back to, does not have; 0 when the question has no such words.</summary>
    private static double PlainMissing(ScoredSentence s, List<(string Term, double Weight)> core, QueryAnalysis query)
    {
        double total = 0, missing = 0;
        foreach (var (term, weight) in core.Where(c => !query.Salient.Contains(c.Term)))
        {
            total += weight;
            missing += Mentions(s, term, query) ? 0 : weight;
        }

        return total == 0 ? 0 : missing / total;
    }

    /// <summary>Share of the question's term weight carried by words no briefing contains.</summary>
    private static double MissingShare(RetrievalResult retrieval)
    {
        double total = 0, missing = 0;
        foreach (var term in retrieval.Query.CoreTerms)
        {
            var w = retrieval.TermWeights.GetValueOrDefault(term, 1);
            total += w;
            if (retrieval.MissingTerms.Contains(term))
            {
                missing += w;
            }
        }

        return total == 0 ? 0 : missing / total;
    }

    /// <summary>
    /// Each sentence's share of the question's weight, where a word's weight is also multiplied by its rarity among the
    /// candidate sentences of the same briefing (ln((n + 1) / (df + 0.5))). Words every sentence of the article has
    /// (its subject: "Helix", "the satellite") count little; the word that only the answer sentence has ("cost",
    /// "governor") counts most. Words the briefing lacks are left out: they can't tell its sentences apart.
    /// </summary>
    private static Dictionary<ScoredSentence, double> LocalCoverage(List<ScoredSentence> sentences, List<(string Term, double Weight)> core, QueryAnalysis query)
    {
        var result = new Dictionary<ScoredSentence, double>(ReferenceEqualityComparer.Instance);
        foreach (var briefing in sentences.GroupBy(s => s.Evidence.Briefing.Id))
        {
            var members = briefing.ToList();
            bool Has(ScoredSentence s, string t) => s.Terms.Contains(t) || (query.Alternatives.TryGetValue(t, out var alts) && alts.Any(s.Terms.Contains));
            var weights = new List<(string Term, double Weight)>();
            foreach (var (term, weight) in core)
            {
                var df = members.Count(s => Has(s, term));
                if (df > 0)
                {
                    weights.Add((term, weight * Math.Log((members.Count + 1) / (df + 0.5))));
                }
            }

            var total = weights.Sum(w => w.Weight);
            foreach (var s in members)
            {
                result[s] = total <= 0 ? 0 : weights.Where(w => Has(s, w.Term)).Sum(w => w.Weight) / total;
            }
        }

        return result;
    }

    private static double FocusCoverage(ScoredSentence s, List<(string Term, double Weight)> core, QueryAnalysis query, Dictionary<long, HashSet<string>> titles)
    {
        if (!titles.TryGetValue(s.Evidence.Briefing.Id, out var title))
        {
            titles[s.Evidence.Briefing.Id] = title = TermAnalyzer.Terms(s.Evidence.Briefing.Title).ToHashSet(StringComparer.Ordinal);
        }

        bool In(HashSet<string> terms, string t) => terms.Contains(t) || (query.Alternatives.TryGetValue(t, out var alts) && alts.Any(terms.Contains));
        double total = 0, covered = 0;
        foreach (var (term, weight) in core.Where(c => !In(title, c.Term)))
        {
            total += weight;
            covered += In(s.Terms, term) ? weight : 0;
        }

        return total == 0 ? 0 : covered / total;
    }

    private static List<(string Term, double Weight)> CoreWeights(RetrievalResult retrieval) =>
        retrieval.Query.CoreTerms.Distinct(StringComparer.Ordinal)
            .Select(t => (t, retrieval.TermWeights.GetValueOrDefault(t, 1))).ToList();

    /// <summary>The kind of fact the question asks for, as gate inputs: the gate weighs the same evidence differently for a
    /// name, a date or place, an amount, a yes/no statement or an open "what/why".</summary>
    internal static double[] Kind(QueryAnalysis query) =>
    [
        query.Type is QuestionType.Who || query.AsksForName || query.AsksWhoSomeoneIs ? 1 : 0,
        query.Type is QuestionType.When or QuestionType.Where ? 1 : 0,
        query.Type is QuestionType.HowMany or QuestionType.HowMuch ? 1 : 0,
        query.Type is QuestionType.YesNo ? 1 : 0,
        query.Type is QuestionType.Why or QuestionType.Other && !query.AsksForName && !query.AsksWhoSomeoneIs ? 1 : 0,
    ];

    /// <summary>The gate inputs that depend on the question alone: the kind of fact asked for, and whether it asks about the
    /// present or about what came of an event.</summary>
    private static double[] Asks(QueryAnalysis query) => [.. Kind(query), query.AsksAboutPresent ? 1 : 0, query.AsksForOutcome ? 1 : 0];

    /// <summary>The question-level gate inputs for a candidate from a briefing with these terms.</summary>
    private static double[] QuestionCoverage(List<(string Term, double Weight)> core, QueryAnalysis query, HashSet<string> briefing)
    {
        if (core.Count == 0)
        {
            return [1, 0, 1, .. Asks(query)];
        }

        bool Has(string t) => briefing.Contains(t) || (query.Alternatives.TryGetValue(t, out var alts) && alts.Any(briefing.Contains));
        double total = 0, covered = 0, keyWeight = double.MinValue;
        var keyMissing = false;
        foreach (var (term, weight) in core)
        {
            total += weight;
            var has = Has(term);
            covered += has ? weight : 0;
            if (weight > keyWeight + 1e-9)
            {
                keyWeight = weight;
                keyMissing = !has;
            }
            else if (Math.Abs(weight - keyWeight) <= 1e-9)
            {
                keyMissing |= !has;
            }
        }

        return [total == 0 ? 1 : covered / total, keyMissing ? 1 : 0, core.Count <= 2 ? 1 : 0, .. Asks(query)];
    }

    /// <summary>Cosine of the question vector and the sentence's stored vector; 0 when the index has no sentence vectors.</summary>
    private static double Dense(ReadOnlySpan<float> question, ScoredSentence sentence)
    {
        var all = sentence.Evidence.Passage.SentenceVectors.Span;
        var dims = question.Length;
        if (dims == 0 || all.Length < (sentence.Index + 1) * dims)
        {
            return 0;
        }

        var v = all.Slice(sentence.Index * dims, dims);
        var norm = TensorPrimitives.Norm(question) * TensorPrimitives.Norm(v);
        return norm == 0 ? 0 : TensorPrimitives.Dot(question, v) / norm;
    }

    /// <summary>Cosine of the question and the sentence's vector plus its predecessor's in the passage (the sentence alone
    /// when it opens the passage).</summary>
    private static double WindowDense(ReadOnlySpan<float> question, ScoredSentence sentence)
    {
        var all = sentence.Evidence.Passage.SentenceVectors.Span;
        var dims = question.Length;
        var index = sentence.Index;
        if (dims == 0 || all.Length < (index + 1) * dims)
        {
            return 0;
        }

        var window = new float[dims];
        var v = all.Slice(index * dims, dims);
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v) is var n and > 0 ? n : 1, window);
        if (index > 0)
        {
            var before = all.Slice((index - 1) * dims, dims);
            var norm = TensorPrimitives.Norm(before);
            if (norm > 0)
            {
                for (var i = 0; i < dims; i++)
                {
                    window[i] += before[i] / norm;
                }
            }
        }

        return TensorPrimitives.CosineSimilarity(question, window);
    }

    /// <summary>Cosine of the question and the sentence by the second encoder; 0 when it is off or the sentence has no
    /// vector of it (an index written with it off).</summary>
    private static double SecondDense(ReadOnlySpan<float> question, ScoredSentence sentence)
    {
        var all = sentence.Evidence.Passage.SecondVectors.Span;
        var dims = question.Length;
        if (dims == 0 || all.Length < (sentence.Index + 1) * dims)
        {
            return 0;
        }

        return TensorPrimitives.CosineSimilarity(question, all.Slice(sentence.Index * dims, dims));
    }

    /// <summary>Does the question want a kind of answer (a person, a date…), and how well does the sentence (or, when it
    /// refers back, the one before it) carry it: 1 when it does, 0.5 for a bare number where an amount is wanted.</summary>
    private static (bool Wants, double Has) TypeOf(QueryAnalysis query, HashSet<string> asked, ScoredSentence s)
    {
        // A person, role or place the question itself names is not an answer to it ("Who is the economy minister of
        // Hesse?" is not answered by "the economy minister of Hesse said…"; "Who will replace Smith?" not by
        // "John Smith said…"): only ones sharing no word with the question count.
        bool New(string phrase) => !TermAnalyzer.Terms(phrase).Any(asked.Contains);
        // "Which city…" is answered by "Salt Lake City": the kind of place asked for is not a word the place repeats.
        bool NewPlace(string place) => !TermAnalyzer.Terms(place).Any(t => asked.Contains(t) && !PlaceKindTerms.Contains(t));
        bool NewRole(string role) => !asked.Contains(TermAnalyzer.Terms(role).LastOrDefault() ?? string.Empty);
        // "Who leads the new command?" is not answered by whoever the sentence quotes ("…," the head of the alliance reported),
        // unless the question asks who said something or names the speaker's role ("who heads the alliance").
        var asksWhoSaid = Speakers.Reports(query.Text);
        string AboutPeople(string text) =>
            !asksWhoSaid && Speakers.Attribution(text) is { } said &&
            !TermAnalyzer.Terms(said).Any(t => asked.Contains(t) || query.Alternatives.Values.Any(alts => alts.Contains(t))) ? text[..^said.Length] : text;
        double HasPerson(SentenceInfo i)
        {
            var about = AboutPeople(i.Text);
            return (i.HasPeople && SentenceFeatures.People(about).Any(New)) || (i.HasRole && SentenceFeatures.Roles(about).Any(NewRole)) ? 1 : 0;
        }

        // "which town": a place WordNet files as a country (or a city, for "which country") is not one; a name it does not
        // know may be.
        bool OfKind(string place) => query.AsksForPlaceKind is not { } kind || Lexicon.Default.NamedPlace(place) is not { } known || known == kind ||
            (kind == Lexicon.PlaceKind.State && known == Lexicon.PlaceKind.Region);
        double Has(SentenceInfo? i, QuestionType type) => i is null ? 0 : type switch
        {
            QuestionType.Who => HasPerson(i),
            QuestionType.When when query.AsksForExactDate => SentenceFeatures.HasCalendarDate(SentenceFeatures.WithoutSetting(i.Text, asked)) ? 1 : 0,
            QuestionType.When => i.HasDate && SentenceFeatures.HasDate(SentenceFeatures.WithoutSetting(i.Text, asked)) && !OnlyOtherYears(i.Text, query) ? 1 : 0,
            QuestionType.HowMany when query.AsksForAge => SentenceFeatures.HasAge(i.Text) ? 1 : 0,
            QuestionType.HowMany => i.HasNumber ? 1 : 0,
            QuestionType.HowMuch when query.AsksForMoney => i.HasMoney ? 1 : 0,
            QuestionType.HowMuch => i.HasAmount ? 1 : i.HasNumber ? 0.5 : 0,
            QuestionType.Where => i.HasPlace && SentenceFeatures.Places(i.Text).Any(p => NewPlace(p) && OfKind(p)) ? 1 : 0,
            // "Which country is he from?" is answered by "The Norwegian…" or by a country the question does not name.
            QuestionType.Nationality => i.HasDemonym || (i.HasPlace && SentenceFeatures.Places(i.Text).Any(p => NewPlace(p) && Lexicon.Default.NamedPlace(p) == Lexicon.PlaceKind.Country)) ? 1 : 0,
            _ => 0,
        };

        // "What is the name of…": a role ("the armed forces commander") does not answer it, only a name the question lacks.
        // A name counts when some word of it is not in the question ("the Nuclear Planning Group" answers "the name of the
        // nuclear body").
        bool NewName(string name) => TermAnalyzer.Terms(name).Any(t => !asked.Contains(t));
        double HasName(SentenceInfo? i) => i is not null && i.HasPeople && SentenceFeatures.People(i.Text).Any(NewName) ? 1 : 0;
        if (query.AsksForName && query.Type is QuestionType.Who or QuestionType.Other)
        {
            // The person speaking answers only a who-question ("who said…"), not "the name of the general" a quotation mentions.
            return (true, Math.Max(Math.Max(HasName(s.Info), s.RefersBack ? HasName(s.Previous?.Info) : 0), query.Type == QuestionType.Who ? HasName(s.Speaker?.Info) : 0));
        }

        if (query.AsksWhoSomeoneIs)
        {
            // "who is Mark Rutte?" wants what he is: a role the question does not name ("the alliance's new Secretary General"),
            // said of him: the sentence, or the one before it that it refers back to, names him. A role in a sentence about
            // someone else ("the Secretary General of the organization said…") says nothing of what he is.
            double HasRole(SentenceInfo? i) => i is not null && i.HasRole && SentenceFeatures.Roles(i.Text).Any(NewRole) ? 1 : 0;
            bool Names(SentenceInfo? i) => i is not null && TermAnalyzer.Terms(i.Text).Any(query.Salient.Contains);
            var about = query.Salient.Count == 0 || Names(s.Info) || (s.RefersBack && Names(s.Previous?.Info));
            return (true, about ? Math.Max(HasRole(s.Info), s.RefersBack ? HasRole(s.Previous?.Info) : 0) : 0);
        }

        var wants = query.Type is QuestionType.Who or QuestionType.When or QuestionType.HowMany or QuestionType.HowMuch or QuestionType.Where or QuestionType.Nationality;
        // "Who said…" is answered by "He added that…" when the passage named him before.
        var speaker = query.Type == QuestionType.Who ? Has(s.Speaker?.Info, QuestionType.Who) : 0;
        return (wants, wants ? Math.Max(Math.Max(Has(s.Info, query.Type), s.RefersBack ? Has(s.Previous?.Info, query.Type) : 0), speaker) : 0);
    }

    /// <summary>Words for a kind of place (<see cref="QueryVocabulary.PlaceKindWords"/>), as terms.</summary>
    private static readonly FrozenSet<string> PlaceKindTerms = QueryVocabulary.PlaceKindWords.Select(TermAnalyzer.Normalize).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Share of the salient terms (names, numbers) found; 1 when the question names none.</summary>
    private static double Share(IReadOnlyList<string> salient, QueryAnalysis query, Func<string, bool> found)
    {
        if (salient.Count == 0)
        {
            return 1;
        }

        var n = salient.Count(t => found(t) || (query.Alternatives.TryGetValue(t, out var alts) && alts.Any(found)));
        return n / (double)salient.Count;
    }

    private static Dictionary<long, HashSet<string>> BriefingTerms(IReadOnlyList<Evidence> evidence)
    {
        var result = new Dictionary<long, HashSet<string>>();
        foreach (var e in evidence)
        {
            if (!result.TryGetValue(e.Briefing.Id, out var terms))
            {
                terms = TermAnalyzer.Terms(e.Briefing.Title).ToHashSet(StringComparer.Ordinal);
                result[e.Briefing.Id] = terms;
            }

            terms.UnionWith(SentenceScorer.PassageTerms(e.Passage));
        }

        return result;
    }

    /// <summary>A sentence reached through two overlapping passages is kept once, from the better-ranked passage, with the
    /// sentence before it as context when either copy has one.</summary>
    private static List<(ScoredSentence Sentence, int Rank, double Dense)> Deduplicate(List<(ScoredSentence Sentence, int Rank, double Dense)> all)
    {
        var kept = new List<(ScoredSentence Sentence, int Rank, double Dense)>(all.Count);
        foreach (var item in all)
        {
            var twin = kept.FindIndex(k => k.Sentence.Overlaps(item.Sentence));
            if (twin < 0)
            {
                kept.Add(item);
            }
            else if (kept[twin].Sentence.Previous is null && item.Sentence.Previous is not null)
            {
                kept[twin] = (item.Sentence, kept[twin].Rank, Math.Max(kept[twin].Dense, item.Dense));
            }
        }

        return kept;
    }
    /// <summary>Whether a passage is from the question's period: its briefing was published in it (or, undated, is placed in
    /// it by the event it reports) or the passage talks about it (true), or neither (false). A passage of an undated briefing that does not name the period is unknown (null):
    /// a missing publication date is no evidence of another one, nor is a year mentioned in passing ("in office since 2014").</summary>
    internal static bool? PeriodOf(Evidence evidence, DateRange range)
    {
        var published = evidence.Briefing.PeriodDate;
        if ((published is { } d && range.Contains(d)) || PeriodMentions.Mentions(evidence.Passage.Text, range, published))
        {
            return true;
        }

        return published is null ? null : false;
    }

    /// <summary>True when the sentence announces or expects an event rather than reporting what came of it: "will discuss",
    /// "is expected to", "is due to", "plans to".</summary>
    internal static bool Announces(string sentence) => AnnouncesRegex().IsMatch(sentence);

    [GeneratedRegex(@"\b(?:will|shall|'ll)\b|\b(?:expected|due|set|scheduled|planned|poised|likely)\s+to\b|\b(?:plans?|aims?|intends?|hopes?)\s+to\b|\b(?:is|are)\s+to\s+\w+", RegexOptions.IgnoreCase)]
    private static partial Regex AnnouncesRegex();
}
