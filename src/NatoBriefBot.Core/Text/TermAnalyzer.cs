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

    public bool IsAcronym => Surface.Length >= 2 && Surface.All(c => char.IsUpper(c) || char.IsAsciiDigit(c)) && Surface.Any(char.IsLetter);
}

/// <summary>A distinct written word and what it contributes to search: its term (empty for a stop word) and any acronym expansion.</summary>
public sealed record WordInfo(string Surface, string Term, string[] Expansion);

/// <summary>
/// The one place text becomes search terms, for passages and questions alike: words, British/American spelling folded,
/// light stemming, stop words dropped, NATO acronyms expanded. The full-text index, the offline embedder and the
/// answer composer all use it, so they agree on what a word is.
/// </summary>
public static class TermAnalyzer
{
    /// <summary>Splits text into word tokens (letters and digits; inner apostrophes kept, hyphens split).</summary>
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
        return new WordInfo(surface, token.Term, expansion);
    }

    private static int WordEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) ||
               (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start) ||
               (text[i] is '.' or ',' && i > start && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            i++;
        }

        return i;
    }

    /// <summary>Adds the terms one token contributes (its own term, then any acronym expansion).</summary>
    public static void AddTerms(Token token, List<string> terms)
    {
        if (token.IsStopWord)
        {
            if (token.IsAcronym && Vocabulary.Acronyms.TryGetValue(token.Surface.ToLowerInvariant(), out var stopExpansion))
            {
                AddExpansion(stopExpansion, terms);
            }

            return;
        }

        terms.Add(token.Term);
        var lower = token.Surface.ToLowerInvariant();
        if ((token.IsAcronym || lower == "nato") && Vocabulary.Acronyms.TryGetValue(lower, out var expansion))
        {
            AddExpansion(expansion, terms);
        }
    }

    /// <summary>Normalizes one word to its term; empty for a stop word.</summary>
    public static string Normalize(string surface)
    {
        var lower = FoldAccents(surface.ToLowerInvariant()).Replace('\u2019', '\'').Replace('\u2018', '\'');
        if (lower.EndsWith("'s", StringComparison.Ordinal))
        {
            lower = lower[..^2];
        }

        lower = lower.Replace("'", string.Empty, StringComparison.Ordinal);
        if (lower.Length == 0 || Vocabulary.StopWords.Contains(lower))
        {
            return string.Empty;
        }

        if (char.IsAsciiDigit(lower[0]))
        {
            return lower.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        if (Vocabulary.Canonical.TryGetValue(lower, out var canonical))
        {
            lower = canonical;
        }

        return LightStemmer.Stem(SpellingFolder.Fold(lower));
    }

    private static void AddExpansion(string expansion, List<string> terms)
    {
        foreach (var word in expansion.Split(' '))
        {
            var term = Normalize(word);
            if (term.Length > 0 && !terms.Contains(term))
            {
                terms.Add(term);
            }
        }
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018';

    private static string FoldAccents(string s)
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
