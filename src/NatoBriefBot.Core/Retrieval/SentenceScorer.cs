using NatoBriefBot.Core.Storage;
using System.Text.RegularExpressions;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Retrieval;

/// <summary>A sentence of a retrieved passage with its score against the question.</summary>
internal sealed record ScoredSentence(Evidence Evidence, int Start, int End, string Text, HashSet<string> Terms, IReadOnlyList<string> Covered, double Coverage, double Score)
{
    public ScoredSentence? Previous { get; init; }

    /// <summary>Position of the sentence among its passage's sentences (the order of its stored sentence vectors).</summary>
    public int Index { get; init; }

    /// <summary>The question-independent analysis of the sentence (people, dates, numbers…).</summary>
    public SentenceInfo? Info { get; init; }

    public bool RefersBack { get; init; }

    /// <summary>For a sentence opening with "He" or "She": the nearest earlier sentence of the passage that names a person,
    /// who is most likely the one meant ("Mr Stoltenberg said… At the Summit, Allies… He added that…").</summary>
    public ScoredSentence? Speaker { get; init; }

    private long AbsoluteStart => Evidence.Passage.Start + Start;

    /// <summary>The same sentence reached through two overlapping passages of one briefing.</summary>
    public bool Overlaps(ScoredSentence other) =>
        other.Evidence.Briefing.Id == Evidence.Briefing.Id && (other.AbsoluteStart == AbsoluteStart || other.Text == Text);

    /// <summary>Another briefing reporting the same statement (most of the words shared).</summary>
    public bool IsNearDuplicateOf(ScoredSentence other) => IsNearDuplicateOf(other.Terms);

    /// <summary>True when most of the words are shared with a sentence of these terms.</summary>
    public bool IsNearDuplicateOf(HashSet<string> otherTerms)
    {
        if (otherTerms.Count == 0 || Terms.Count == 0)
        {
            return false;
        }

        var shared = Terms.Count(otherTerms.Contains);
        return shared / (double)(Terms.Count + otherTerms.Count - shared) >= 0.6;
    }
}

/// <summary>Scores sentences of evidence passages against an analyzed question.</summary>
internal sealed partial class SentenceScorer(QueryAnalysis query, IReadOnlyDictionary<string, double> weights, IReadOnlySet<string>? absent = null)
{
    private static readonly HashSet<string> Reporting = new(TermAnalyzer.Terms("say said says tell told state stated add added note noted explain explained stress stressed according mention mentioned remark remarked"), StringComparer.Ordinal);

    /// <summary>Words that name the kind of answer wanted; a sentence carrying that kind of answer covers them.</summary>
    private static readonly Dictionary<string, Func<string, bool>> AnswerKinds = new()
    {
        [TermAnalyzer.Normalize("nationality")] = SentenceFeatures.HasDemonym,
        [TermAnalyzer.Normalize("citizen")] = SentenceFeatures.HasDemonym,
        [TermAnalyzer.Normalize("date")] = SentenceFeatures.HasDate,
        [TermAnalyzer.Normalize("year")] = SentenceFeatures.HasDate,
        [TermAnalyzer.Normalize("month")] = SentenceFeatures.HasDate,
        [TermAnalyzer.Normalize("day")] = SentenceFeatures.HasDate,
        [TermAnalyzer.Normalize("number")] = SentenceFeatures.HasNumber,
        [TermAnalyzer.Normalize("amount")] = SentenceFeatures.HasAmount,
        [TermAnalyzer.Normalize("city")] = SentenceFeatures.HasPlace,
        [TermAnalyzer.Normalize("capital")] = SentenceFeatures.HasPlace,
        [TermAnalyzer.Normalize("place")] = SentenceFeatures.HasPlace,
        [TermAnalyzer.Normalize("location")] = SentenceFeatures.HasPlace,
    };

    private readonly Dictionary<string, double> _weights = BuildWeights(query, weights, absent);

    /// <summary>The sum of the question's term weights, once per question (<see cref="OwnCoverage"/> reads it per candidate).</summary>
    private double? _totalWeight;

    public bool IsList { get; } = ListRegex().IsMatch(query.Text);

    /// <summary>The question asks who: a sentence saying "he" needs the one before it that names him.</summary>
    public bool WantsPerson => query.Type == QuestionType.Who;

    /// <summary>"Since when …?" wants the start of something: a "since 2014"-style phrase.</summary>
    private bool SinceWhen { get; } = query.Text.TrimStart().StartsWith("since when", StringComparison.OrdinalIgnoreCase);

    /// <summary>Weighted share of the question's terms the sentence says itself (or by a synonym, or by carrying the kind of
    /// answer asked for): <see cref="ScoredSentence.Coverage"/> without the credit it borrows from the sentence before or
    /// from the rest of its passage.</summary>
    public double OwnCoverage(ScoredSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var total = _totalWeight ??= _weights.Values.Sum();
        return total == 0 ? 0 : sentence.Covered.Sum(t => _weights.GetValueOrDefault(t)) / total;
    }

    /// <summary>Scores the sentences of the first <paramref name="count"/> passages, best first.</summary>
    public List<ScoredSentence> Score(IReadOnlyList<Evidence> evidence, int count)
    {
        var scored = new List<ScoredSentence>();
        count = Math.Min(evidence.Count, count);
        for (var rank = 0; rank < count; rank++)
        {
            var prior = 0.1 * (1 - (rank / (double)count));
            scored.AddRange(ScorePassage(evidence[rank]).Select(x => x with { Score = x.Score + prior }));
        }

        return scored.OrderByDescending(s => s.Score).ToList();
    }

    private readonly Dictionary<long, List<ScoredSentence>> _byPassage = [];

    /// <summary>Scores every sentence of one passage (sentences under four words are skipped); cached per passage.</summary>
    public List<ScoredSentence> ScorePassage(Evidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_byPassage)
        {
            if (!_byPassage.TryGetValue(e.Passage.Id, out var sentences))
            {
                sentences = Analyze(e).ToList();
                _byPassage[e.Passage.Id] = sentences;
            }

            return sentences.Select(s => s.Evidence == e ? s : s with { Evidence = e }).ToList();
        }
    }

    private IEnumerable<ScoredSentence> Analyze(Evidence e)
    {
        ScoredSentence? previous = null;
        ScoredSentence? lastNamed = null;
        SentenceInfo? previousInfo = null;
        var analysis = SentenceCache.Of(e.Passage, Split);
        var passageTerms = analysis.Terms;
        for (var index = 0; index < analysis.Sentences.Length; index++)
        {
            var info = analysis.Sentences[index];
            var (coverage, covered) = Coverage(info.Terms, previous?.Terms, info.Text, passageTerms);
            var refersBack = previous is not null && info.RefersBack;
            var score = coverage + TypeBonus(info, refersBack ? previousInfo : null);
            if (!info.EndsLikeSentence)
            {
                score *= 0.8;
            }

            if (info.Instruction)
            {
                // Text that talks to an assistant ("ignore previous instructions…") is never good evidence.
                score *= 0.1;
            }

            var current = new ScoredSentence(e, info.Start, info.End, info.Text, info.Terms, covered, coverage, score)
            {
                Previous = previous,
                RefersBack = refersBack,
                Index = index,
                Info = info,
                Speaker = PersonPronounStartRegex().IsMatch(info.Text) || GoesOnQuoting(info, previous, lastNamed) ? lastNamed : null,
            };
            if (info.Words >= 4)
            {
                yield return current;
            }

            previous = current;
            previousInfo = info;
            if (info.HasPeople)
            {
                lastNamed = current;
            }
        }
    }

    /// <summary>A quotation that goes on from the sentence before, which quoted someone by name ("“…,” Raman said on stage.
    /// “We cannot defend a billion users…”"): the same person is speaking.</summary>
    private static bool GoesOnQuoting(SentenceInfo info, ScoredSentence? previous, ScoredSentence? lastNamed) =>
        previous is not null && previous == lastNamed && !info.HasPeople && info.Text.Length > 0 && info.Text[0] is '"' or '\u201C' &&
        previous.Text.IndexOfAny(['"', '\u201C', '\u201D']) >= 0;

    /// <summary>All terms of a passage (cached with its sentence analysis).</summary>
    public static HashSet<string> PassageTerms(StoredPassage passage) => SentenceCache.Of(passage, Split).Terms;

    /// <summary>The analyzed sentences of a passage (cached).</summary>
    public static SentenceInfo[] Sentences(StoredPassage passage) => SentenceCache.Of(passage, Split).Sentences;

    /// <summary>The texts of a passage's sentences after the last few of the text before it (<see cref="StoredPassage.Before"/>),
    /// as <see cref="Speakers"/> reads them, and the index of the passage's first sentence among them: a passage may go on
    /// with a quotation whose speaker was named before it ("the Secretary General said: “It is still early days…").</summary>
    public static (IReadOnlyList<string> Texts, int Offset) SentencesWithLead(StoredPassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        // Read for every candidate sentence of the passage: split once per passage and text before it.
        if (LeadCache.TryGetValue(passage.Id, out var hit) && string.Equals(hit.Before, passage.Before, StringComparison.Ordinal) &&
            string.Equals(hit.Text, passage.Text, StringComparison.Ordinal))
        {
            return (hit.Texts, hit.Offset);
        }

        var texts = passage.Before is { Length: > 0 } before
            ? SentenceSplitter.Split(before).Select(span => span.Of(before)).TakeLast(Speakers.MaxBack).ToList()
            : [];
        var offset = texts.Count;
        texts.AddRange(Sentences(passage).Select(s => s.Text));
        if (LeadCache.Count >= MaxLeadCache)
        {
            LeadCache.Clear();
        }

        LeadCache[passage.Id] = (passage.Before, passage.Text, texts, offset);
        return (texts, offset);
    }

    private const int MaxLeadCache = 50_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, (string? Before, string Text, IReadOnlyList<string> Texts, int Offset)> LeadCache = new();

    /// <summary>The question-independent analysis of a passage's sentences.</summary>
    private static SentenceInfo[] Split(string text) => SentenceSplitter.Split(text).Select(span =>
    {
        var sentence = span.Of(text);
        var words = TermAnalyzer.Words(sentence);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (word.Term.Length > 0)
            {
                terms.Add(word.Term);
            }

            terms.UnionWith(word.Expansion);
        }

        return new SentenceInfo(span.Start, span.End, sentence, terms, words.Count, RefersBack(sentence),
            InstructionRegex().IsMatch(sentence), EndsLikeSentence(sentence));
    }).ToArray();

    /// <summary>Weighted share of the question's terms a sentence covers: in the sentence itself (or through a synonym or the
    /// kind of answer it carries) fully, in the sentence before it by half, and a name the question asks about anywhere in the
    /// same passage (a quote attributed two sentences later) by 0.6.</summary>
    private (double Coverage, IReadOnlyList<string> Covered) Coverage(HashSet<string> terms, HashSet<string>? context, string text, HashSet<string>? passage = null)
    {
        double total = 0, matched = 0;
        var covered = new List<string>();
        foreach (var (term, weight) in _weights)
        {
            total += weight;
            if (terms.Contains(term))
            {
                matched += weight;
                covered.Add(term);
            }
            else if ((query.Alternatives.TryGetValue(term, out var alts) && alts.Any(terms.Contains)) ||
                     (AnswerKinds.TryGetValue(term, out var carries) && carries(text)))
            {
                matched += 0.8 * weight;
                covered.Add(term);
            }
            else if (context is not null && context.Contains(term))
            {
                matched += 0.5 * weight;
            }
            else if (passage is not null && query.Salient.Contains(term) && passage.Contains(term))
            {
                matched += 0.6 * weight;
            }
        }

        return (total == 0 ? 0 : matched / total, covered);
    }

    /// <summary>Bonus for carrying the kind of answer wanted; a sentence that refers back ("He noted…") may carry it through the sentence before.</summary>
    private double TypeBonus(SentenceInfo sentence, SentenceInfo? antecedent) => query.Type switch
    {
        QuestionType.Who => sentence.HasPeople || (antecedent?.HasPeople ?? false) ? 0.15 : sentence.HasRole ? 0.1 : 0,
        QuestionType.When => SinceWhen ? (SinceDateRegex().IsMatch(sentence.Text) ? 0.4 : 0) : sentence.HasDate ? 0.25 : 0,
        QuestionType.HowMany => sentence.HasNumber ? 0.25 : -0.1,
        QuestionType.HowMuch => sentence.HasAmount ? 0.3 : sentence.HasNumber ? 0.1 : -0.1,
        QuestionType.Where => sentence.HasPlace ? 0.15 : 0,
        QuestionType.Nationality => sentence.HasDemonym ? 0.35 : 0,
        _ => 0,
    };

    /// <summary>Question terms and their weights: inverse document frequency, softened for reporting verbs and for
    /// ordinary words no briefing uses (paraphrases), and for generic words of the question itself.</summary>
    private static Dictionary<string, double> BuildWeights(QueryAnalysis query, IReadOnlyDictionary<string, double> idf, IReadOnlySet<string>? absent)
    {
        var max = idf.Count == 0 ? 1 : idf.Values.Max();
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in query.CoreTerms)
        {
            var w = idf.TryGetValue(term, out var v) ? v : max;
            if (Reporting.Contains(term))
            {
                w *= 0.2;
            }
            else if ((absent?.Contains(term) ?? w >= max - 1e-9) && !query.Salient.Contains(term))
            {
                w *= 0.6;
            }

            result[term] = Math.Max(w, 0.05);
        }

        return result;
    }

    private static bool EndsLikeSentence(string s) => s.Length > 0 && s[^1] is '.' or '!' or '?' or '"' or '\u201D' or ')' or ':';

    /// <summary>Does the sentence open by referring to the one before: "This level…", "He said…", "His term…", or a person
    /// named before by nationality or age ("The Norwegian is due to step down…", "The 64-year-old said…")?</summary>
    internal static bool RefersBack(string sentence)
    {
        if (RefersBackRegex().IsMatch(sentence))
        {
            return true;
        }

        return DescribedPersonLength(sentence) > 0;
    }

    /// <summary>The length of the opening words that describe a person named before ("The Norwegian", "The 64-year-old"),
    /// or 0 when the sentence does not open with one.</summary>
    internal static int DescribedPersonLength(string sentence)
    {
        var described = DescribedPersonRegex().Match(sentence);
        var age = described.Groups["age"];
        var who = described.Groups["who"];
        return !described.Success ? 0
            : age.Success ? age.Index + age.Length
            : Lexicon.Default.IsDemonym(who.Value) ? who.Index + who.Length : 0;
    }

    [GeneratedRegex(@"^The\s+(?:(?<age>\d+-year-old)|(?<who>[A-Z][a-z]+))\s+(?:is|was|has|had|will|would|said|says|told|added|noted|stressed|called|also)\b")]
    private static partial Regex DescribedPersonRegex();

    [GeneratedRegex(@"^(?:This|These|That|Those|It|Such|Both|He|She|They|His|Her|Their)\b|^(?i:the (?:plan|pledge|package|command|agreement|decision))\b|\b(?i:this level|these (?:plans|steps|measures|elements))\b")]
    private static partial Regex RefersBackRegex();

    [GeneratedRegex(@"^(?:He|She)\b")]
    private static partial Regex PersonPronounStartRegex();

    [GeneratedRegex(@"\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier|your)\s+(?:instructions|prompts?|rules)\b|\bsystem prompt\b|\byou are (?:now )?(?:an? )?(?:AI|assistant|chatbot|language model)\b|\b(?:answer|reply|respond|say) (?:only )?(?:that|with)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InstructionRegex();

    [GeneratedRegex(@"\b(?:since|from)\s+(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+)?(?:19|20)\d{2}\b")]
    private static partial Regex SinceDateRegex();

    [GeneratedRegex(@"\b(?:what|which)\s+(?:are|were)\b|\b(?:two|three|four|five|several|main|key)\s+\w+s\b|\blist\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListRegex();
}
