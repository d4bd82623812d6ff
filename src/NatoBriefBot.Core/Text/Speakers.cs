using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Text;

/// <summary>
/// Who says a sentence of a news text. Reporting names the speaker once ("NATO Secretary General Jens Stoltenberg said on
/// Wednesday…") and then writes "he added", "the secretary general noted" or quotes with no verb at all: the speaker of such
/// a sentence is the person last named as saying something before it.
/// </summary>
public static partial class Speakers
{
    /// <summary>How many sentences back a "he said" may point.</summary>
    public const int MaxBack = 6;

    /// <summary>The speaker of the sentence at <paramref name="index"/> of <paramref name="sentences"/> (all of one text, in
    /// order), as the text names them in full; null when the sentence reports no one's words, or names no one up to
    /// <see cref="MaxBack"/> sentences back.</summary>
    public static string? Of(IReadOnlyList<string> sentences, int index)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (index < 0 || index >= sentences.Count)
        {
            return null;
        }

        var sentence = sentences[index];
        var reports = Reports(sentence);
        if (reports && (Named(sentence) is { } here ? Full(here, sentences, index) : ByRole(sentences, index)) is { } speaker)
        {
            return speaker;
        }

        // A sentence that reports words without a name ("he added", "the minister noted"), or a quotation standing alone,
        // speaks for the person last named as saying something.
        if (!reports && !Quotes(sentence) && !InsideQuotation(sentences, index))
        {
            return null;
        }

        for (var k = index - 1; k >= Math.Max(0, index - MaxBack); k--)
        {
            if (Reports(sentences[k]) && (Named(sentences[k]) is { } before ? Full(before, sentences, k) : ByRole(sentences, k)) is { } earlier)
            {
                return earlier;
            }
        }

        return null;
    }

    /// <summary>The person a sentence speaks for or names by title: its speaker (<see cref="Of"/>), else the person the text
    /// last gave the title the sentence uses ("The Secretary General has invited the leaders of…" after "Secretary General
    /// Jens Stoltenberg previewed…"); null when neither.</summary>
    public static string? Subject(IReadOnlyList<string> sentences, int index)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return Of(sentences, index) ?? (index >= 0 && index < sentences.Count ? ByRole(sentences, index) : null);
    }

    /// <summary>"the Secretary General said: …" names a role, not a person: the speaker is the person the text last gave that
    /// title to, at or before sentence <paramref name="at"/> ("NATO Secretary General Jens Stoltenberg"); null when the
    /// sentence names no role or the text never puts the title before a name.</summary>
    private static string? ByRole(IReadOnlyList<string> sentences, int at)
    {
        if (SentenceFeatures.Roles(sentences[at]).FirstOrDefault() is not { } role)
        {
            return null;
        }

        // The title: the role's capitalized last words ("Secretary General"), or its last word ("the defence minister").
        var words = role.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        var capitalized = words.Reverse().TakeWhile(w => char.IsUpper(w[0])).Reverse().ToArray();
        var title = capitalized.Length > 0 ? string.Join(' ', capitalized) : words[^1];
        for (var k = at; k >= 0; k--)
        {
            foreach (var person in SentenceFeatures.People(sentences[k]).Where(IsPerson))
            {
                var before = sentences[k][..sentences[k].IndexOf(person, StringComparison.Ordinal)].TrimEnd();
                if (before.EndsWith(title, StringComparison.OrdinalIgnoreCase))
                {
                    return Full(person, sentences, k);
                }
            }
        }

        return null;
    }

    /// <summary>Does the sentence report what someone said ("said", "told", "according to")?</summary>
    public static bool Reports(string sentence) => SpeechVerbRegex().IsMatch(sentence);

    /// <summary>Is the sentence part of a quotation an earlier sentence opened and had not closed ("the Secretary General said:
    /// “It is still early days… We know that…")? Read from the text as written, quotation marks unbalanced.</summary>
    private static bool InsideQuotation(IReadOnlyList<string> sentences, int index)
    {
        int curly = 0, straight = 0;
        for (var k = Math.Max(0, index - MaxBack); k < index; k++)
        {
            curly = Math.Max(0, curly + sentences[k].Count(c => c == '\u201C') - sentences[k].Count(c => c == '\u201D'));
            straight += sentences[k].Count(c => c == '"');
        }

        return curly > 0 || straight % 2 == 1;
    }

    private static bool Quotes(string sentence) => sentence.Contains('"') || sentence.Contains('\u201C') || sentence.Contains('\u201D');

    /// <summary>The person the sentence names nearest its speech verb: a full name, or a single name standing right by the
    /// verb ("Rutte said", "said Halvorsen").</summary>
    private static string? Named(string sentence)
    {
        var verbs = SpeechVerbRegex().Matches(sentence).Select(m => m.Index).ToList();
        var candidates = new List<(string Name, int At)>();
        foreach (var person in SentenceFeatures.People(sentence).Where(IsPerson))
        {
            candidates.Add((person, sentence.IndexOf(person, StringComparison.Ordinal)));
        }

        // A single name right by the verb ("Rutte said", "said Halvorsen") competes with the full names by distance: "…,"
        // Raman said on stage at the Moscone Center' is Raman's. Not a possessive: "said Greyline's head of research, Saara
        // Lehtinen" names her.
        foreach (Match m in SurnameBesideVerbRegex().Matches(sentence))
        {
            var name = m.Groups["name"].Value;
            if (IsPerson(name) && !candidates.Any(c => c.Name.Split(' ').Contains(name, StringComparer.Ordinal)))
            {
                candidates.Add((name, m.Groups["name"].Index));
            }
        }

        return candidates.Count == 0 ? null : candidates.MinBy(c => verbs.Min(v => Math.Abs(v - c.At))).Name;
    }

    /// <summary>
    /// The clause after a sentence's quotation or last comma that says who said it ("," the head of the alliance reported.",
    /// ", officials said on Monday."), from its comma or quotation mark to the end; null when the sentence ends in no such
    /// clause.
    /// </summary>
    public static string? Attribution(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return AttributionRegex().Match(sentence) is { Success: true } m ? m.Value : null;
    }

    /// <summary>A closing quotation mark or comma, then up to eight words ending in a speech verb, and what follows it up to
    /// the end of the sentence without another comma or quotation.</summary>
    [GeneratedRegex(@"(?:,[\u201D""]?|[\u201D""])\s*(?:[\p{L}\p{Nd}'\u2019.\-]+\s+){0,8}?(?:" + Verbs + @")\b[^,;:""\u201C\u201D]*$")]
    private static partial Regex AttributionRegex();

    /// <summary>A name that is a person's: not a country, a nationality, an acronym, a run of ordinary words, a month on its
    /// own ("the Oct presser") or a pronoun ("He said" names no one).</summary>
    public static bool IsPerson(string name)
    {
        var words = name.Split(' ');
        return words.All(w => w.Length > 1 && !w.All(char.IsUpper)) && !(words.Length == 1 && Vocabulary.StopWords.Contains(name.ToLowerInvariant())) &&
            !(words.Length == 1 && Vocabulary.Months.ContainsKey(name.TrimEnd('.').ToLowerInvariant())) &&
            Lexicon.Default.CountryOf(name) is null && Lexicon.Default.NamedPlace(words[^1]) is null && !Lexicon.Default.IsNationality(words[0]) &&
            !words.All(w => Lexicon.Default.IsKnownWord(w) && !Lexicon.Default.IsProperName(w));
    }

    /// <summary>A surname as the text gave it in full before (or at) sentence <paramref name="at"/>: "Stoltenberg" →
    /// "Jens Stoltenberg".</summary>
    private static string Full(string name, IReadOnlyList<string> sentences, int at)
    {
        if (name.Contains(' '))
        {
            return name;
        }

        for (var k = at; k >= 0; k--)
        {
            if (SentenceFeatures.People(sentences[k]).FirstOrDefault(p => p.EndsWith(" " + name, StringComparison.Ordinal)) is { } full)
            {
                return full;
            }
        }

        return name;
    }

    /// <summary>Verbs that report speech, past and present.</summary>
    private const string Verbs = @"said|says|added|adds|told|tells|noted|notes|stressed|stresses|explained|explains|announced|announces|stated|states|" +
        @"warned|warns|declared|declares|emphasi[sz]ed|underlined|insisted|argued|reported|wrote|remarked|recalled|recalls|replied|confirmed|pointed\s+out";

    /// <summary>The speech verbs a question asks with, as it writes them after "what did X …" ("say", "tell", "describe"):
    /// the question side of <see cref="Verbs"/>, with the words people use for what someone said.</summary>
    internal const string AskedVerbs = @"say|said|saying|tell|told|telling|stress|state|warn|note|add|claim|argue|describe|call|mention|" +
        @"comment|explain|emphasi[sz]e|insist|suggest|reply|respond|admit|confirm|announce|urge";

    [GeneratedRegex(@"\b(?:" + Verbs + @"|say|according\s+to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpeechVerbRegex();

    // "Rutte said", "Rutte also recalled", "said Halvorsen", "according to Mr Kim".
    [GeneratedRegex(@"\b(?<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:also\s+|later\s+|then\s+)?(?:" + Verbs + @")\b|\b(?:said|says|added|according\s+to)\s+(?:Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+|Dr\.?\s+)?(?<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?!['’]s)")]
    private static partial Regex SurnameBesideVerbRegex();
}
