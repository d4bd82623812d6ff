using System.Diagnostics;
using Microsoft.Extensions.AI;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Retrieval;

/// <summary>Evidence for one question, with what the composer needs to judge it.</summary>
/// <param name="Query">The analyzed question.</param>
/// <param name="Evidence">Ranked passages, best first.</param>
/// <param name="TermWeights">Inverse document frequency of each question term (a misspelt term takes its correction's; other
/// absent terms get the maximum).</param>
/// <param name="UnknownSalient">Names, numbers and years in the question that no briefing mentions.</param>
/// <param name="PeriodUncovered">The question names a period in which no briefing was published: only briefings whose
/// text itself mentions the period can answer it.</param>
public sealed record RetrievalResult(
    QueryAnalysis Query,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyDictionary<string, double> TermWeights,
    IReadOnlyList<string> UnknownSalient,
    bool PeriodUncovered = false)
{
    /// <summary>The sentence scorer used for reranking, with its per-passage analysis, for the composer to reuse.</summary>
    internal SentenceScorer? Scorer { get; init; }

    /// <summary>Words of the question that no briefing contains (after spelling correction and synonyms).</summary>
    public IReadOnlyList<string> MissingTerms { get; init; } = [];

    /// <summary>The question's vector (as the embedder embeds queries), for comparing it with sentence vectors.</summary>
    public ReadOnlyMemory<float> QueryVector { get; init; }

    /// <summary>The cosine of the question's vector and the nearest passage's (0 when there is none): how close the
    /// briefings come to the question by meaning.</summary>
    public double NearestPassage { get; init; }

    /// <summary>The question's vector by the second encoder (<see cref="SecondOpinionEncoder"/>); empty when it is off.</summary>
    public ReadOnlyMemory<float> SecondQueryVector { get; init; }

    /// <summary>The question's word pieces by the second encoder, for matching a sentence word by word; null when it is off.</summary>
    public Answering.Selection.TokenAlignment? Alignment { get; init; }

    /// <summary>The vector of the part of the question that asks (<see cref="QueryAnalysis.Clause"/>), or the question's.</summary>
    public ReadOnlyMemory<float> ClauseVector { get; init; }

    /// <summary>Where the retrieval time went.</summary>
    public RetrievalTimings? Timings { get; init; }

    /// <summary>For a follow-up, the briefings (files) the previous answer cited; empty otherwise.</summary>
    public IReadOnlySet<string> PreferredFiles { get; init; } = new HashSet<string>();

    /// <summary>The best-scoring sentences of the evidence (score, term coverage, file, text), for explaining an answer.</summary>
    public IReadOnlyList<(double Score, double Coverage, string File, string Text)> TopSentences(int count) =>
        (Scorer ?? new SentenceScorer(Query, TermWeights)).Score(Evidence, Evidence.Count)
            .Take(count).Select(s => (s.Score, s.Coverage, s.Evidence.Briefing.File, s.Text)).ToList();
}

/// <summary>Time spent in each retrieval stage: analysis (+ term statistics), full-text search, vector search, fusion (+ passage
/// loading), sentence reranking.</summary>
public sealed record RetrievalTimings(TimeSpan Analyze, TimeSpan Keyword, TimeSpan Vector, TimeSpan Fuse, TimeSpan Rerank);

/// <summary>Finds the passages that may answer a question.</summary>
public interface IRetriever
{
    Task<RetrievalResult> RetrieveAsync(string question, CancellationToken cancellationToken = default);

    /// <summary>Retrieval for a follow-up: the briefings the previous answer cited are preferred.</summary>
    Task<RetrievalResult> RetrieveAsync(string question, RetrievalHints hints, CancellationToken cancellationToken = default) =>
        RetrieveAsync(question, cancellationToken);
}

/// <summary>What the conversation says about where the answer is likely to be.</summary>
/// <param name="PreferredFiles">Briefings the previous turn cited (by file): a follow-up is first looked for there.</param>
public sealed record RetrievalHints(IReadOnlyCollection<string> PreferredFiles)
{
    /// <summary>The question's period came from the conversation, not from the user's words ("was he planning to stay on"
    /// read as "... in June 2023"): it ranks the briefings of that period first but does not rule out the others.</summary>
    public bool CarriedPeriod { get; init; }

    /// <summary>The follow-up only moves the conversation to another period ("and in october 2024?"): the preferred
    /// briefings stay preferred only if they are from that period or speak of it ("and 2034?" about the Games of 2030 and 2034).</summary>
    public bool MovedPeriod { get; init; }

    /// <summary>Briefings the conversation has already answered from, when the follow-up asks for something else ("anything
    /// else in the news about that city?", "did any other report talk about it?"): they rank behind the others.</summary>
    public IReadOnlyCollection<string> OtherThanFiles { get; init; } = [];
}

/// <summary>
/// Hybrid retrieval: FTS5 BM25 over analyzed terms and cosine similarity over passage vectors, merged by weighted
/// reciprocal rank fusion, then adjusted for the period the question names and for "latest"/"who is" questions.
/// </summary>
public sealed class HybridRetriever(
    BriefingStore store,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    EmbedderProfile profile,
    QueryAnalyzer analyzer,
    RetrievalOptions options,
    SecondOpinionEncoder? secondOpinion = null) : IRetriever
{
    public Task<RetrievalResult> RetrieveAsync(string question, CancellationToken cancellationToken = default) =>
        RetrieveAsync(question, new RetrievalHints([]), cancellationToken);

    public Task<RetrievalResult> RetrieveAsync(string question, RetrievalHints hints, CancellationToken cancellationToken = default) =>
        RetrieveAsync(question, hints, respelled: false, cancellationToken);

    private async Task<RetrievalResult> RetrieveAsync(string question, RetrievalHints hints, bool respelled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hints);
        var preferred = hints.PreferredFiles.Count == 0 ? null : hints.PreferredFiles.ToHashSet(StringComparer.Ordinal);
        var otherThan = hints.OtherThanFiles.ToHashSet(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var query = analyzer.Analyze(question);
        if (hints.CarriedPeriod && query.Dates is not null)
        {
            query = query with { DatesAreSoft = true };
        }

        var snapshot = store.CurrentSnapshot();
        store.EnsureSearchable(snapshot, profile);
        var briefings = snapshot.ById;
        var total = Math.Max(1, snapshot.Count);
        var df = store.DocumentFrequencies(query.Terms.Concat(query.Salient).ToList(), snapshot);
        query = WithoutSlippedStopWords(query, df);
        query = CorrectSpelling(query, df, out var corrections, out var ambiguous);
        if (!respelled && Respellings(question, query, df, total, corrections, ambiguous) is { Count: > 0 } respellings)
        {
            // A slip with one reading is read as the word it stands for, by every part that reads the question: the
            // encoders' word pieces do not forgive "priorty" as spelling correction does, nor does any feature that reads the
            // words as written.
            var corrected = Respelled(question, respellings);
            if (!string.Equals(corrected, question, StringComparison.Ordinal))
            {
                return await RetrieveAsync(corrected, hints, respelled: true, cancellationToken).ConfigureAwait(false);
            }
        }

        query = WithNamesTheBriefingsUse(query, df);

        // A misspelt word weighs what the word it stands for weighs: never seen, it would otherwise take the weight of the
        // rarest word there is, and a slip in a common name ("stoltenbrg") would count more than the question's real point.
        var weights = query.Terms.Concat(query.Salient).Distinct(StringComparer.Ordinal)
            .ToDictionary(
                t => t,
                t => Idf(df.GetValueOrDefault(corrections.GetValueOrDefault(t) ?? t), total) * (IsContext(query, t) ? options.ContextTermWeight : 1),
                StringComparer.Ordinal);
        var years = briefings.Values.Where(b => b.Published is not null).Select(b => b.Published!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        // In a yes/no question a number is a claim to check ("does NATO have 300,000 troops on high readiness?"), not a thing
        // to find: that no briefing writes it does not settle the question.
        // An acronym the briefings write out in full ("NSPA", "NATO Support and Procurement Agency") is known by its long form.
        bool WrittenOut(string t) => Vocabulary.Acronyms.TryGetValue(t, out var longForm) &&
            TermAnalyzer.ExpansionTerms(longForm).All(w => df.GetValueOrDefault(w) > 0);
        // A day or a rank written as an ordinal ("opened on the 11th") is the number the briefings write ("on 11 July").
        bool OrdinalOfAKnownNumber(string t) => t.Length > 2 && t[..^2].All(char.IsAsciiDigit) && t[^2..] is "st" or "nd" or "rd" or "th" &&
            store.DocumentFrequencies([t[..^2]], snapshot).GetValueOrDefault(t[..^2]) > 0;
        var unknown = query.Salient.Where(t => df.GetValueOrDefault(t) == 0 && !years.Contains(t) && !(query.Alternatives.TryGetValue(t, out var named) && named.Any(a => df.GetValueOrDefault(a) > 0)) &&
                                               !WrittenOut(t) && !OrdinalOfAKnownNumber(t) && !(query.Type == QuestionType.YesNo && t.Length > 0 && char.IsAsciiDigit(t[0]))).ToList();
        if (unknown.Count > 0)
        {
            // A nationality describes someone ("the dutchman", "the norwegian"): no briefing need write it for one to be
            // about that person, so it is not a name whose absence settles the question.
            var nationalities = TermAnalyzer.Tokenize(query.Text).Where(t => Lexicon.Default.IsDemonym(t.Surface)).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            unknown.RemoveAll(nationalities.Contains);
            // A name only in what the user tells about themselves ("I did two tours with the Rhine Army. When the ministers
            // met…") is not what they ask about.
            unknown.RemoveAll(QueryAnalyzer.StoryTerms(query.Text).Contains);
        }

        var analyzed = clock.Elapsed;
        var keywordHits = store.SearchKeywords(BuildMatch(query.Terms, df, total), options.Candidates * 2);
        var keywords = clock.Elapsed;
        // The encoders read the words without the closing question mark: with it or without, a question means the same,
        // and should find the same answer.
        var vector = await embedder.GenerateQueryVectorAsync(Unpunctuated(query.Text), cancellationToken).ConfigureAwait(false);
        var secondVector = secondOpinion is null ? null : await secondOpinion.EmbedQuestionAsync(Unpunctuated(query.Text), cancellationToken).ConfigureAwait(false);
        var alignment = secondOpinion?.Align(Unpunctuated(QueryAnalyzer.WithoutCarriedTopic(query.Text)));
        var clauseVector = query.Clause is { } clause ? await embedder.GenerateQueryVectorAsync(Unpunctuated(clause), cancellationToken).ConfigureAwait(false) : vector;
        var vectorHits = snapshot.Search(vector.Span, options.Candidates, null);
        var vectors = clock.Elapsed;

        var fused = new Dictionary<long, double>();
        var rank = 0;
        var passages = store.GetPassages(keywordHits.Select(h => h.Id).Concat(vectorHits.Select(h => h.Id)).Distinct().ToList());
        // A period in the question boosts briefings published in it and passages that mention it (see Boost); it excludes
        // nothing, since an article published earlier may announce the event asked about.
        foreach (var (id, _) in keywordHits)
        {
            fused[id] = options.KeywordWeight / (options.RrfK + ++rank);
        }

        rank = 0;
        foreach (var (id, _) in vectorHits)
        {
            fused[id] = fused.GetValueOrDefault(id) + (options.VectorWeight / (options.RrfK + ++rank));
        }

        var fusedRanked = fused
            .Where(kv => passages.ContainsKey(kv.Key) && briefings.ContainsKey(passages[kv.Key].BriefingId))
            .Select(kv => Evidence.Of(passages[kv.Key], briefings[passages[kv.Key].BriefingId], kv.Value * Boost(briefings[passages[kv.Key].BriefingId], passages[kv.Key], query, snapshot.Timeline) *
                (otherThan.Contains(briefings[passages[kv.Key].BriefingId].File) ? options.OtherThanWeight : 1)))
            .OrderByDescending(e => e.Score)
            .Take(options.RerankDepth)
            .ToList();
        if (preferred is not null && hints.MovedPeriod && query.Dates is { } moved)
        {
            preferred.RemoveWhere(file => !fusedRanked.Any(e => e.Briefing.File == file &&
                ((e.Briefing.PeriodDate is { } published && moved.Contains(published)) || PeriodMentions.Mentions(e.Passage.Text, moved, e.Briefing.PeriodDate))));
            preferred = preferred.Count == 0 ? null : preferred;
        }

        var absent = query.Terms.Concat(query.Salient).Where(t => df.GetValueOrDefault(t) == 0).ToHashSet(StringComparer.Ordinal);
        var missing = query.CoreTerms.Where(t => df.GetValueOrDefault(t) == 0 &&
            !(query.Alternatives.TryGetValue(t, out var alts) && alts.Any(a => df.GetValueOrDefault(a) > 0))).ToList();
        var fusedAt = clock.Elapsed;
        var scorer = new SentenceScorer(query, weights, absent);
        var ranked = MergeNearDuplicates(Rerank(fusedRanked, scorer)
            .Select(e => e with
            {
                Score = e.Score * Boost(e.Briefing, e.Passage, query, snapshot.Timeline) * (preferred?.Contains(e.Briefing.File) == true ? options.FollowUpBoost : 1) *
                    (otherThan.Contains(e.Briefing.File) ? options.OtherThanWeight : 1),
            })
            .OrderByDescending(e => e.Score), options.MaxEvidence);
        var periodUncovered = query.Dates is { } period && !query.DatesAreSoft &&
            !briefings.Values.Any(b => b.PeriodDate is { } d && period.Contains(d)) &&
            !ranked.Any(e => PeriodMentions.Mentions(e.Passage.Text, period, e.Briefing.PeriodDate));
        var timings = new RetrievalTimings(analyzed, keywords - analyzed, vectors - keywords, fusedAt - vectors, clock.Elapsed - fusedAt);
        return new RetrievalResult(query, ranked, weights, unknown, periodUncovered)
        {
            Scorer = scorer,
            Timings = timings,
            QueryVector = vector,
            NearestPassage = vectorHits.Count > 0 ? vectorHits[0].Score : 0,
            ClauseVector = clauseVector,
            SecondQueryVector = secondVector,
            Alignment = alignment,
            MissingTerms = missing,
            PreferredFiles = preferred ?? [],
        };
    }

    /// <summary>
    /// How to write the question's slips that have one reading, by the term of each: a word spelling correction took for
    /// one word of the briefings, as they write it ("priorty" -> "priority", "stoltenbrg" -> "Stoltenberg"); a word no
    /// briefing and no dictionary has, as the one word WordNet knows a slip away ("salery" -> "salary", "questoin" ->
    /// "question"). A slip near several words stays as typed, for the passages' other words to decide.
    /// </summary>
    private Dictionary<string, string> Respellings(string question, QueryAnalysis query, Dictionary<string, long> df, int total,
        Dictionary<string, string> corrections, HashSet<string> ambiguous)
    {
        // Only a word no dictionary knows is respelled (see Respelled): the others' passages need not be looked up.
        var tokens = TermAnalyzer.Tokenize(question);
        var unknown = tokens.Where(t => !Lexicon.Default.IsKnownWord(t.Bare)).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var certain = corrections.Where(kv => !ambiguous.Contains(kv.Key) && unknown.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var written = certain.Count == 0 ? [] : Surfaces(certain.Values, certain.Values.Distinct(StringComparer.Ordinal)
            .SelectMany(t => store.GetPassages(store.SearchKeywords(BuildMatch([t], df, total), SpellingSources).Select(h => h.Id).ToList()).Values)
            .Select(p => p.Text));
        var respellings = certain.Where(kv => written.ContainsKey(kv.Value)).ToDictionary(kv => kv.Key, kv => written[kv.Value], StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            // Typed in lower case, letters only, in no briefing and no dictionary, and not taken for a briefing's word.
            if (token.IsStopWord || token.Bare.Length < ShortestCorrected || !token.Bare.All(char.IsAsciiLetterLower) || df.GetValueOrDefault(token.Term) > 0 ||
                corrections.ContainsKey(token.Term) || query.Alternatives.ContainsKey(token.Term) || Lexicon.Default.IsKnownWord(token.Bare))
            {
                continue;
            }

            if (Lexicon.Default.NearKnownWords(token.Bare) is [var word])
            {
                respellings.TryAdd(token.Term, word);
            }
        }

        return respellings;
    }

    /// <summary>
    /// The text with each misspelt word (by its term, a key of <paramref name="respellings"/>, and a word no dictionary
    /// knows) written as given: "whats rutte's top priorty" -> "whats rutte's top priority".
    /// </summary>
    internal static string Respelled(string text, IReadOnlyDictionary<string, string> respellings)
    {
        if (respellings.Count == 0)
        {
            return text;
        }

        var respelled = new System.Text.StringBuilder(text.Length + 8);
        var at = 0;
        foreach (var token in TermAnalyzer.Tokenize(text))
        {
            // A word the dictionary knows ("population", which no briefing uses) is no slip, though a briefing's word is one
            // letter from it ("popular"): it keeps its meaning for the encoders.
            if (!respellings.TryGetValue(token.Term, out var surface) || Lexicon.Default.IsKnownWord(token.Bare))
            {
                continue;
            }

            // The slip's own possessive stays ("stoltenbrg's" -> "Stoltenberg's").
            var bare = token.Bare.Length;
            respelled.Append(text, at, token.Start - at).Append(surface);
            at = token.Start + bare;
        }

        return respelled.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>How <paramref name="texts"/> write each of <paramref name="terms"/>, without a possessive: term -> word. A word
    /// also written in lower case is a common word, however it opens a sentence ("Command" -> "command"); one only ever
    /// capitalized is a name ("Stoltenberg").</summary>
    internal static Dictionary<string, string> Surfaces(IEnumerable<string> terms, IEnumerable<string> texts)
    {
        var wanted = terms.ToHashSet(StringComparer.Ordinal);
        var surfaces = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var token in TermAnalyzer.Tokenize(text))
            {
                if (wanted.Contains(token.Term) &&
                    (!surfaces.TryGetValue(token.Term, out var seen) || (char.IsUpper(seen[0]) && !token.Bare.Any(char.IsUpper))))
                {
                    surfaces[token.Term] = token.Bare;
                }
            }
        }

        return surfaces;
    }

    /// <summary>How many passages with a corrected word are read for the way the briefings write it.</summary>
    private const int SpellingSources = 10;

    /// <summary>The text without the question marks and exclamation marks that end it.</summary>
    internal static string Unpunctuated(string text) => text.TrimEnd().TrimEnd('?', '!', '\uFF1F').TrimEnd();

    /// <summary>A term written only in the scene-setting part of the question, or an alternative of one.</summary>
    private static bool IsContext(QueryAnalysis query, string term) =>
        query.ContextTerms.Count > 0 && (query.ContextTerms.Contains(term) ||
            query.ContextTerms.Any(c => query.Alternatives.TryGetValue(c, out var alts) && alts.Contains(term)));

    /// <summary>A word typed in lower case that no dictionary knows but the briefings use is a name ("who is rutte", "rutte's"): query
    /// analysis alone took it for a slip of a word it is one letter from ("butte"), as it must for words the briefings
    /// don't use either ("strke"). A preposition WordNet does not list ("per", "whether") is none. A slip of a word that
    /// stems the same ("climat" for "climate") is still a slip.</summary>
    private static QueryAnalysis WithNamesTheBriefingsUse(QueryAnalysis query, Dictionary<string, long> df)
    {
        var names = TermAnalyzer.Tokenize(query.Text)
            .Where(t => !t.IsStopWord && !t.IsNumber && t.Bare.Length > 2 && t.Bare.All(char.IsAsciiLetter) &&
                        !query.Salient.Contains(t.Term) && df.GetValueOrDefault(t.Term) > 0 && !Lexicon.Default.IsKnownWord(t.Bare) &&
                        !Vocabulary.IsFunctionWord(t.Bare) && !QueryAnalyzer.InKnownCompound(t, query.Text) && !QueryAnalyzer.IsBoundPrefix(t, query.Text) &&
                        !Lexicon.Default.IsNearKnownWord(t.Bare, w => TermAnalyzer.Normalize(w) == t.Term))
            .Select(t => t.Term)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count == 0 ? query : query with { Salient = [.. query.Salient, .. names] };
    }

    /// <summary>The question without the words that are a stop word typed with a slip ("acording", "becuse") and found in no
    /// briefing: found nowhere, they would weigh most of all and count as the question's most specific word.</summary>
    private static QueryAnalysis WithoutSlippedStopWords(QueryAnalysis query, Dictionary<string, long> df)
    {
        var slipped = TermAnalyzer.Tokenize(query.Text)
            .Where(t => !t.IsStopWord && df.GetValueOrDefault(t.Term) == 0 && QueryAnalyzer.IsSlippedStopWord(t.Surface))
            .Select(t => t.Term)
            .ToHashSet(StringComparer.Ordinal);
        return slipped.Count == 0
            ? query
            : query with
            {
                Terms = [.. query.Terms.Where(t => !slipped.Contains(t))],
                CoreTerms = [.. query.CoreTerms.Where(t => !slipped.Contains(t))],
                Salient = [.. query.Salient.Where(t => !slipped.Contains(t))],
            };
    }

    /// <summary>
    /// A word of the question no briefing contains, but spelled like one that some do ("stoltenburg", "ammunitoin"): the
    /// indexed word becomes its alternative, so a typo neither misses the passage nor reads as an unknown name. A name
    /// WordNet knows ("Moscow") is not a misspelling of another word ("Moscone"): it stays what it is, and stays unknown
    /// when no briefing mentions it, unless it is a national capital and the briefings name its country.
    /// <paramref name="corrections"/> maps each corrected word to the indexed word it was taken for.
    /// </summary>
    private QueryAnalysis CorrectSpelling(QueryAnalysis query, Dictionary<string, long> df, out Dictionary<string, string> corrections, out HashSet<string> ambiguous)
    {
        corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        ambiguous = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, IReadOnlyList<string>>? alternatives = null;
        List<string>? terms = null;
        Dictionary<string, string?>? knownNames = null;
        HashSet<string>? words = null;
        HashSet<string>? misspelt = null;
        foreach (var term in query.CoreTerms.Concat(query.Salient).Distinct(StringComparer.Ordinal))
        {
            if (df.ContainsKey(term) || term.Any(char.IsDigit) || (query.Alternatives.TryGetValue(term, out var known) && known.Any(df.ContainsKey)))
            {
                continue;
            }

            // A name is looked up before the length test below: "Rome" is the term "rom", too short to correct, but a capital.
            knownNames ??= KnownNames(query.Text);
            if (knownNames.TryGetValue(term, out var country))
            {
                // "Moscow's hostile actions" where the briefings only write "Russia": the capital stands for its country.
                if (country is not null && store.DocumentFrequencies([country]).TryGetValue(country, out var countryDf))
                {
                    alternatives ??= new Dictionary<string, IReadOnlyList<string>>(query.Alternatives, StringComparer.Ordinal);
                    terms ??= [.. query.Terms];
                    alternatives[term] = [.. (query.Alternatives.GetValueOrDefault(term) ?? []), country];
                    terms.Add(country);
                    df[country] = countryDf;
                }

                continue;
            }

            // Short words are corrected only when no dictionary knows them ("rute", "agis"): "gulf" is not a slip for "golf".
            if (term.Length < ShortestCorrected || (term.Length < options.SpellingMinLength && Lexicon.Default.IsKnownWord(term)))
            {
                continue;
            }

            var similar = store.SimilarTerms(term, term.Length >= 8 ? 2 : 1);
            words ??= TermAnalyzer.Tokenize(query.Text).Where(t => Lexicon.Default.CanBe(t.Surface, PartOfSpeech.Noun) || Lexicon.Default.CanBe(t.Surface, PartOfSpeech.Verb) ||
                                                                   Lexicon.Default.CanBe(t.Surface, PartOfSpeech.Adjective)).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            if (similar.Count == 0 && !query.Salient.Contains(term) && !words.Contains(term) &&
                store.TermsStartingWith(term, MaxCorrections) is { Count: > 0 and <= MaxCorrections } truncated)
            {
                // "infra", "approx": a word cut short in chat, with no indexed word a slip away ("contries" is "countries",
                // not the start of "contributions"), is the start of the indexed word it stands for, when few start so. A
                // noun, verb or adjective ("curated" is no "curator"; "infra" is only an adverb) or a name ("Nord" is not
                // "Nordic") is not cut short.
                similar = [.. truncated.Select(t => (t.Term, t.Df, 1))];
            }

            if (similar.Count == 0 && term.EndsWith('y'))
            {
                // The stemmer writes a final y after a consonant as i ("germany" -> "germani"), so a slip that puts a vowel
                // before it ("germnay") keeps its y: compare the word as the stemmer would have written it.
                similar = store.SimilarTerms(term[..^1] + "i", term.Length >= 8 ? 2 : 1);
            }

            if (similar.Count == 0)
            {
                // "supossed", "colegues": a long word typed in small letters, two slips from a word WordNet knows and like no
                // indexed word, is that word misspelt, not a name no briefing mentions.
                if (query.Salient.Contains(term) && TermAnalyzer.Tokenize(query.Text).Any(t => t.Term == term && !t.IsCapitalized && Lexicon.Default.IsTwoSlipsFromKnownWord(t.Surface)))
                {
                    misspelt ??= new HashSet<string>(StringComparer.Ordinal);
                    misspelt.Add(term);
                }

                continue;
            }

            alternatives ??= new Dictionary<string, IReadOnlyList<string>>(query.Alternatives, StringComparer.Ordinal);
            terms ??= [.. query.Terms];
            // "personel" is one letter from "personnel" and from "personal": every word as near as the nearest stands for
            // it, and the passages' other words decide which was meant. The most frequent is the one reported.
            var nearest = similar.TakeWhile(s => s.Edits == similar[0].Edits).Take(MaxCorrections).ToList();
            alternatives[term] = [.. (query.Alternatives.GetValueOrDefault(term) ?? []), .. nearest.Select(s => s.Term)];
            foreach (var (corrected, correctedDf, _) in nearest)
            {
                terms.Add(corrected);
                df[corrected] = correctedDf;
            }

            corrections[term] = nearest[0].Term;
            if (nearest.Count > 1)
            {
                ambiguous.Add(term);
            }
        }

        if (misspelt is not null)
        {
            query = query with { Salient = [.. query.Salient.Where(t => !misspelt.Contains(t))] };
        }

        return alternatives is null ? query : query with { Alternatives = alternatives, Terms = terms! };
    }

    /// <summary>Most indexed words a misspelling stands for when several are equally near.</summary>
    private const int MaxCorrections = 3;

    /// <summary>The shortest word spelling correction looks at.</summary>
    private const int ShortestCorrected = 4;

    /// <summary>The terms of the words of <paramref name="text"/> that WordNet knows only as names (of people, places, …),
    /// each with the term of the country it is the capital of, or null.</summary>
    private static Dictionary<string, string?> KnownNames(string text)
    {
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var token in TermAnalyzer.Tokenize(text).Where(t => Lexicon.Default.IsProperName(t.Surface)))
        {
            names[token.Term] = Lexicon.Default.CountryOfCapital(token.Surface) is { } country ? TermAnalyzer.Normalize(country) : null;
        }

        return names;
    }

    /// <summary>
    /// Two briefings reporting the same statement (most of their passage's terms shared) become one piece of evidence:
    /// the better-ranked passage, with the other in <see cref="Evidence.AlsoIn"/> so it is cited as an agreeing source
    /// instead of taking a second evidence slot with the same text.
    /// </summary>
    internal static List<Evidence> MergeNearDuplicates(IEnumerable<Evidence> ranked, int limit)
    {
        var kept = new List<(Evidence Evidence, HashSet<string> Terms, List<Evidence> Agreeing)>();
        foreach (var e in ranked)
        {
            var terms = SentenceScorer.PassageTerms(e.Passage);
            var twin = kept.FindIndex(k => k.Evidence.Briefing.Id != e.Briefing.Id && Jaccard(k.Terms, terms) >= NearDuplicate);
            if (twin >= 0)
            {
                kept[twin].Agreeing.Add(e);
            }
            else if (kept.Count < limit)
            {
                kept.Add((e, terms, []));
            }
        }

        return kept.Select(k => k.Agreeing.Count == 0 ? k.Evidence : k.Evidence with { AlsoIn = k.Agreeing }).ToList();
    }

    private const double NearDuplicate = 0.6;

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    /// <summary>Plain BM25 over the same passages (no vectors, dates or reranking): the baseline the eval compares against.</summary>
    public IReadOnlyList<StoredBriefing> KeywordBaseline(string question, int limit)
    {
        var query = analyzer.Analyze(question);
        var df = store.DocumentFrequencies(query.CoreTerms.ToList());
        var hits = store.SearchKeywords(string.Join(" OR ", query.CoreTerms.Where(t => df.GetValueOrDefault(t) > 0).Select(t => "\"" + t + "\"")), limit * 4);
        var passages = store.GetPassages(hits.Select(h => h.Id).ToList());
        var briefings = store.ListBriefings().ToDictionary(b => b.Id);
        return hits.Where(h => passages.ContainsKey(h.Id)).Select(h => briefings[passages[h.Id].BriefingId]).Distinct().Take(limit).ToList();
    }

    /// <summary>
    /// Reorders the fused candidates by how well their best sentence answers the question (term coverage and answer
    /// type), blended with the fused rank, so the passage that actually states the answer comes first.
    /// </summary>
    private IEnumerable<Evidence> Rerank(List<Evidence> candidates, SentenceScorer scorer)
    {
        if (candidates.Count == 0)
        {
            return candidates;
        }

        var top = candidates[0].Score;
        return candidates
            .Select(e => e with { Score = ((1 - options.RerankWeight) * (e.Score / top)) + (options.RerankWeight * scorer.ScorePassage(e).Select(s => s.Score).DefaultIfEmpty(0).Max()) })
            .OrderByDescending(e => e.Score);
    }

    /// <summary>BM25-style inverse document frequency; terms absent from the index get the largest weight.</summary>
    public static double Idf(long df, int total) => Math.Log(1 + ((total - df + 0.5) / (df + 0.5)));

    /// <summary>
    /// An FTS5 OR query of the question's terms the index knows, rarest first. Terms are added while the postings they
    /// bring stay within a budget (the rarest always goes in): BM25 is decided by rare terms, and leaving out words
    /// found in most passages keeps the full-text query fast on large indexes. The vector side still sees every term.
    /// </summary>
    private static string BuildMatch(IReadOnlyList<string> terms, Dictionary<string, long> df, int total)
    {
        var budget = Math.Max(2_000, total / 20);
        var chosen = new List<string>();
        long postings = 0;
        foreach (var term in terms.Where(t => df.GetValueOrDefault(t) > 0).Distinct(StringComparer.Ordinal).OrderBy(t => df[t]))
        {
            if (chosen.Count >= 1 && postings + df[term] > budget)
            {
                break;
            }

            chosen.Add(term);
            postings += df[term];
        }

        return string.Join(" OR ", chosen.Select(t => "\"" + t.Replace("\"", string.Empty, StringComparison.Ordinal) + "\""));
    }

    private double Boost(StoredBriefing briefing, StoredPassage passage, QueryAnalysis query, Dictionary<long, double> timeline)
    {
        var boost = 1.0;
        if (query.Dates is { } range)
        {
            // Published in the period (or, undated, reporting an event a dated briefing of the period reports), or talking
            // about it: the full boost. An undated briefing not placed in time may well be from the period asked about: it
            // gets part of the boost.
            boost *= (briefing.PeriodDate is { } date && range.Contains(date)) || PeriodMentions.Mentions(passage.Text, range, briefing.PeriodDate)
                ? options.DateMatchBoost
                : briefing.PeriodDate is null ? Math.Sqrt(options.DateMatchBoost) : 1;
        }

        if ((query.Recency != Recency.None || query.PrefersNewest) && timeline.Count > 1 && timeline.TryGetValue(briefing.Id, out var position))
        {
            var strength = query.Recency == Recency.Earliest ? 1 - position : position;
            var max = query.Recency != Recency.None ? options.RecencyBoost : 1 + ((options.RecencyBoost - 1) / 2);
            boost *= 1 + ((max - 1) * strength);
        }

        return boost;
    }
}
