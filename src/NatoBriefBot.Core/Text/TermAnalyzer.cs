namespace NatoBriefBot.Core.Text;

/// <summary>A word of the text with its normalized search term.</summary>
/// <param name="Surface">The word as written (apostrophes normalized).</param>
/// <param name="Term">Lower-cased, spelling-folded, stemmed key; empty for stop words.</param>
/// <param name="Start">Character offset in the analyzed text.</param>
public readonly record struct Token(string Surface, string Term, int Start)
{
    public bool IsStopWord => Term.Length == 0;

    public bool IsNumber => Surface.Length > 0 && char.IsAsciiDigit(Surface[0]);

    public bool IsCapitalized => Surface.Length > 0 && char.IsUpper(Surface[0]);

    /// <summary>A word in capitals ("NSPA", "SG"), also with a possessive ending ("the SG's mandate").</summary>
    public bool IsAcronym => Bare is var bare && bare.Length >= 2 && bare.All(c => char.IsUpper(c) || char.IsAsciiDigit(c) || c is '-' or '/') && bare.Any(char.IsLetter);

    /// <summary>A name with letters and digits, such as a weapon system ("F-16", "S-400", "MQ-9").</summary>
    public bool IsModelName => Surface.Length >= 2 && char.IsLetter(Surface[0]) && Surface.Any(char.IsAsciiDigit);

    /// <summary>The word as written without a possessive ending ("Rutte's" -> "Rutte"; see
    /// <see cref="TermAnalyzer.WithoutPossessive"/>).</summary>
    public string Bare => TermAnalyzer.WithoutPossessive(Surface);
}

/// <summary>A distinct written word and what it contributes to search: its term (empty for a stop word) and any acronym expansion.</summary>
public sealed record WordInfo(string Surface, string Term, string[] Expansion);

/// <summary>
/// The one place text becomes search terms, for passages and questions alike: words, British/American spelling folded,
/// irregular verbs to their base (WordNet), light stemming, stop words dropped, NATO acronyms expanded. Model names and
/// measures keep their identity: "F-16", "F16" and "F-16s" are one term, as are "155mm" and "155 mm", "SAMP/T" and
/// "IRIS-T". The full-text index, the offline embedder and the answer composer all use it, so they agree on what a word is.
/// </summary>
public static class TermAnalyzer
{
    /// <summary>
    /// Version of the terms this analyzer produces. The stored index keeps the version its passages were analyzed with;
    /// bump it whenever a change gives any word a different term, so indexes built before are refreshed on the next
    /// ingest and flagged until then.
    /// </summary>
    public const string Version = "5";

    /// <summary>A word without its possessive ending ("Rutte's" -> "Rutte", "Allies'" -> "Allies"), the word itself
    /// otherwise; apostrophes must already be straight.</summary>
    public static string WithoutPossessive(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length <= 3 ? word
            : word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) ? word[..^2]
            : word.EndsWith("s'", StringComparison.OrdinalIgnoreCase) ? word[..^1]
            : word;
    }

    /// <summary>Splits text into word tokens (letters and digits; inner apostrophes kept, hyphens split except inside
    /// model names such as "F-16" or "SAMP/T" and between a number and its unit, "155 mm").</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            i = WordEnd(text, start);
            var surface = text[start..i].Replace('\u2019', '\'').Replace('\u2018', '\'');
            tokens.Add(new Token(surface, Normalize(surface), start));
        }

        return tokens;
    }

    /// <summary>The search terms of <paramref name="text"/> in order, stop words removed, acronym expansions appended after each acronym.</summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>(text.Length / 7);
        foreach (var word in Words(text))
        {
            if (word.Term.Length > 0)
            {
                terms.Add(word.Term);
            }

            foreach (var extra in word.Expansion)
            {
                if (!terms.Contains(extra))
                {
                    terms.Add(extra);
                }
            }
        }

        return terms;
    }

    /// <summary>
    /// The analyzed words of <paramref name="text"/> (stop words included, with an empty term), from a shared cache
    /// keyed by the word as written: each distinct word is normalized once per process, and the hot path allocates
    /// no strings for words already seen.
    /// </summary>
    public static List<WordInfo> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<WordInfo>(text.Length / 6);
        var lookup = Cache.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            i = WordEnd(text, start);
            var span = text.AsSpan(start, i - start);
            if (!lookup.TryGetValue(span, out var info))
            {
                info = Analyze(span.ToString());
                if (Cache.Count < MaxCacheEntries)
                {
                    Cache.TryAdd(info.Surface, info);
                }
            }

            words.Add(info);
            if (i < text.Length && text[i] == '%' && char.IsAsciiDigit(text[i - 1]))
            {
                words.Add(Percent);
            }
        }

        return words;
    }

    private const int MaxCacheEntries = 500_000;

    /// <summary>"2%" reads as "2 percent".</summary>
    private static readonly WordInfo Percent = new("%", "percent", []);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WordInfo> Cache = new(StringComparer.Ordinal);

    private static WordInfo Analyze(string surface)
    {
        var token = new Token(surface.Replace('\u2019', '\'').Replace('\u2018', '\''), Normalize(surface), 0);
        var terms = new List<string>();
        AddTerms(token, terms);
        var expansion = token.IsStopWord ? terms.ToArray() : terms.Skip(1).ToArray();
        // The first term is the word's own, except for a number written with its magnitude ("40bn": "40", then "billion").
        return new WordInfo(surface, token.IsStopWord || terms.Count == 0 ? token.Term : terms[0], expansion);
    }

    private static int WordEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) ||
               (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start) ||
               (text[i] is '.' or ',' && i > start && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])) ||
               JoinsModelName(text, start, i) || JoinsUnit(text, start, i)))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// A hyphen or slash inside a model name: a short letter prefix before digits ("F-16", "MQ-9", "MiG-29", not
    /// "mid-2024"), or a short name before a single letter ("SAMP/T", "IRIS-T").
    /// </summary>
    private static bool JoinsModelName(string text, int start, int i)
    {
        if (text[i] is not ('-' or '/') || i == start || i + 1 >= text.Length)
        {
            return false;
        }

        var prefix = text.AsSpan(start, i - start);
        foreach (var c in prefix)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        if (prefix.Length > 1 && Vocabulary.StopWords.Contains(prefix.ToString().ToLowerInvariant()))
        {
            return false; // "a 2-to-1 vote"; a single letter is a model prefix even when it is a stop word ("S-400").
        }

        if (text[i] == '-' && char.IsAsciiDigit(text[i + 1]))
        {
            return prefix.Length <= 2 || (prefix.Length <= 4 && prefix[1..].ContainsAnyInRange('A', 'Z'));
        }

        return prefix.Length is >= 2 and <= 5 && char.IsAsciiLetter(text[i + 1]) &&
               (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2]));
    }

    /// <summary>A space or hyphen between a number and a unit of measure ("155 mm", "300-km").</summary>
    private static bool JoinsUnit(string text, int start, int i)
    {
        if (text[i] is not (' ' or '-') || i == start || !char.IsAsciiDigit(text[i - 1]) || !char.IsAsciiDigit(text[start]))
        {
            return false;
        }

        var end = i + 1;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return end > i + 1 && (end == text.Length || !char.IsLetterOrDigit(text[end])) &&
               Vocabulary.Units.Contains(text.AsSpan(i + 1, end - i - 1).ToString().ToLowerInvariant());
    }

    /// <summary>Adds the terms one token contributes (its own term, then any acronym expansion).</summary>
    public static void AddTerms(Token token, List<string> terms)
    {
        if (token.IsStopWord)
        {
            if (token.IsAcronym && Vocabulary.Acronyms.TryGetValue(token.Bare.ToLowerInvariant(), out var stopExpansion))
            {
                AddExpansion(stopExpansion, terms);
            }

            return;
        }

        if (MagnitudeSuffix(token.Term) is { } magnitude)
        {
            // "40bn" and "£34m" read as "40 billion" and "34 million", as briefings also write them.
            terms.Add(token.Term[..^magnitude.Suffix.Length]);
            terms.Add(magnitude.Word);
            return;
        }

        terms.Add(token.Term);
        var lower = WithoutJoiners(token.Bare.ToLowerInvariant());
        if ((token.IsAcronym || token.IsModelName || IsMixedCaseAcronym(token.Bare) || lower == "nato") &&
            (Vocabulary.Acronyms.TryGetValue(lower, out var expansion) || Vocabulary.Acronyms.TryGetValue(token.Term, out expansion)))
        {
            AddExpansion(expansion, terms);
        }
    }

    /// <summary>An acronym written with small letters between its capitals ("MoD", "HoSG", "CHoDs"): two capitals or more,
    /// the first letter one of them.</summary>
    private static bool IsMixedCaseAcronym(string word) =>
        word.Length is >= 3 and <= 6 && char.IsUpper(word[0]) && word.Count(char.IsUpper) >= 2 && word.All(char.IsLetter);

    /// <summary>Normalizes one word to its term; empty for a stop word.</summary>
    public static string Normalize(string surface)
    {
        var lower = FoldAccents(surface.ToLowerInvariant()).Replace('\u2019', '\'').Replace('\u2018', '\'');
        if (lower.EndsWith("'s", StringComparison.Ordinal))
        {
            lower = lower[..^2];
        }

        if (Vocabulary.StopWords.Contains(lower))
        {
            return string.Empty; // a contraction as written: "I'm", "don't", "what's"
        }

        lower = WithoutJoiners(lower.Replace("'", string.Empty, StringComparison.Ordinal));
        if (lower.Length == 0 || Vocabulary.StopWords.Contains(lower) || Vocabulary.ContractionsWithoutApostrophe.Contains(lower))
        {
            return string.Empty;
        }

        if (char.IsAsciiDigit(lower[0]))
        {
            return lower.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        if (lower.AsSpan().ContainsAnyInRange('0', '9'))
        {
            // A model name: "f16s" is the plural of "f16"; no stemming or spelling rules apply.
            return lower.Length > 2 && lower[^1] == 's' && char.IsAsciiDigit(lower[^2]) ? lower[..^1] : lower;
        }

        if (Vocabulary.Canonical.TryGetValue(lower, out var canonical))
        {
            lower = canonical;
        }
        else if (Lexicon.Default.IrregularVerbBase(lower) is { } verb)
        {
            // "who led" finds "will lead", "what did they agree" finds "agreed".
            lower = verb;
        }

        return LightStemmer.Stem(SpellingFolder.Fold(lower));
    }

    /// <summary>Adds the long form of an acronym typed in lower case in chat ("who was sg in…", "nspa budget"), when the
    /// word is no common English word ("shape", "dip" stay words; "sg" is only a chemical symbol). Questions only: briefings
    /// write acronyms in capitals, which <see cref="AddTerms"/> expands.</summary>
    public static void AddChatAcronym(Token token, List<string> terms)
    {
        var word = token.Bare;
        if (word.Any(char.IsUpper) || !Vocabulary.Acronyms.TryGetValue(word, out var expansion) ||
            (Lexicon.Default.IsKnownWord(word) && !Lexicon.Default.IsProperName(word)))
        {
            return;
        }

        AddExpansion(expansion, terms);
    }

    private static void AddExpansion(string expansion, List<string> terms)
    {
        foreach (var term in ExpansionTerms(expansion))
        {
            if (!terms.Contains(term))
            {
                terms.Add(term);
            }
        }
    }

    /// <summary>The terms of an acronym's long form (<see cref="Vocabulary.Acronyms"/>), stop words dropped.</summary>
    public static IEnumerable<string> ExpansionTerms(string expansion) =>
        (expansion ?? throw new ArgumentNullException(nameof(expansion))).Split(' ').Select(Normalize).Where(t => t.Length > 0);

    /// <summary>The magnitude written onto a number ("40bn", "34m", "50k"), or null.</summary>
    private static (string Suffix, string Word)? MagnitudeSuffix(string term)
    {
        if (term.Length < 2 || !char.IsAsciiDigit(term[0]))
        {
            return null;
        }

        var digits = 0;
        while (digits < term.Length && (char.IsAsciiDigit(term[digits]) || term[digits] == '.'))
        {
            digits++;
        }

        var suffix = term[digits..];
        return digits > 0 && Vocabulary.Magnitudes.TryGetValue(suffix, out var word) ? (suffix, word) : null;
    }

    /// <summary>Drops the hyphens, slashes and spaces that join the parts of a model name or a measure.</summary>
    private static string WithoutJoiners(string s) =>
        s.AsSpan().IndexOfAny('-', '/', ' ') < 0 ? s : string.Concat(s.Where(c => c is not ('-' or '/' or ' ')));

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018';

    internal static string FoldAccents(string s)
    {
        var needs = false;
        foreach (var c in s)
        {
            if (c > 0x7F)
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return s;
        }

        return string.Create(s.Length, s, static (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                span[i] = src[i] switch
                {
                    'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ą' => 'a',
                    'ç' or 'č' or 'ć' => 'c',
                    'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ę' or 'ě' => 'e',
                    'ì' or 'í' or 'î' or 'ï' or 'ī' => 'i',
                    'ñ' or 'ń' or 'ň' => 'n',
                    'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' => 'o',
                    'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' => 'u',
                    'ý' or 'ÿ' => 'y',
                    'š' or 'ś' => 's',
                    'ž' or 'ź' or 'ż' => 'z',
                    'ł' => 'l',
                    'ř' => 'r',
                    'ť' => 't',
                    'ď' => 'd',
                    _ => src[i],
                };
            }
        });
    }
}
