using System.Text;
using System.Text.RegularExpressions;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Answering;

/// <summary>What survived <see cref="CitationChecker.Check"/>.</summary>
/// <param name="Text">The kept sentences, citation markers renumbered 1..k in order of first use; empty when nothing is supported.</param>
/// <param name="Keys">The original passage keys (1-based) in order of first use; key <c>Keys[i]</c> now starts at number <c>Starts[i]</c>.</param>
/// <param name="Starts">First new number of each key in <see cref="Keys"/> (a key may take several numbers, see the widths argument).</param>
/// <param name="KeptSentences">Sentences kept.</param>
/// <param name="DroppedSentences">Sentences dropped because no valid, supporting citation was left.</param>
/// <param name="RemovedMarkers">Markers removed: unknown keys, or passages that don't support their sentence.</param>
public sealed record CitationCheck(string Text, IReadOnlyList<int> Keys, IReadOnlyList<int> Starts, int KeptSentences, int DroppedSentences, int RemovedMarkers)
{
    public bool IsEmpty => Keys.Count == 0;
}

/// <summary>
/// Checks a generated answer against the passages it cites, with no model in the loop. Every <c>[n]</c> must name a given
/// passage, and the passage must support its sentence: at least <c>supportThreshold</c> of the sentence's content words
/// (stemmed, stop words left out; at least <see cref="MinimumContentWords"/> of them, and as many found) occur in it, and every number in the sentence occurs in the passages kept for it.
/// Unknown or unsupported markers are removed, sentences left without a citation are dropped, and the remaining markers are
/// renumbered in order of first use.
/// </summary>
public sealed partial class CitationChecker
{
    public const double DefaultSupportThreshold = 0.5;

    /// <summary>Fewer content words than this is no claim ("HACKED [1]."), so it can't be supported.</summary>
    public const int MinimumContentWords = 2;

    private readonly double _threshold;

    public CitationChecker(double supportThreshold = DefaultSupportThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(supportThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(supportThreshold, 1.0);
        _threshold = supportThreshold;
    }

    /// <summary>True when <paramref name="text"/> holds at least one <c>[n]</c> marker.</summary>
    public static bool HasMarkers(string text) => Marker().IsMatch(text ?? string.Empty);

    /// <summary>
    /// The part of a reply still being written that <see cref="Check"/> already reads as it will read the whole reply: every
    /// sentence but the last, which may be unfinished, plus the markers that open the last one (they belong to the sentence
    /// before). Line breaks are normalized to <c>\n</c>.
    /// </summary>
    public static string CompleteSentences(string replySoFar)
    {
        ArgumentNullException.ThrowIfNull(replySoFar);
        var text = replySoFar.Replace("\r\n", "\n", StringComparison.Ordinal);
        var last = (Start: -1, End: -1);
        var lineStart = 0;
        foreach (var line in text.Split('\n'))
        {
            if (SentenceSplitter.Split(line) is [.., var span])
            {
                last = (lineStart + span.Start, lineStart + span.End);
            }

            lineStart += line.Length + 1;
        }

        if (last.Start < 0)
        {
            return string.Empty;
        }

        var lead = LeadingMarkers().Match(text, last.Start, last.End - last.Start);
        var cut = lead.Success && lead.Index == last.Start && last.Start + lead.Length < last.End ? last.Start + lead.Length : last.Start;
        return text[..cut];
    }

    /// <param name="reply">The model's answer.</param>
    /// <param name="sources">The support text of each passage; <c>sources[0]</c> is key [1].</param>
    /// <param name="widths">How many numbers each key takes when renumbered (e.g. a passage plus the agreeing copies cited with it); 1 when null.</param>
    public CitationCheck Check(string reply, IReadOnlyList<string> sources, IReadOnlyList<int>? widths = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(sources);
        var support = sources.Select(s => new PassageTerms(s)).ToArray();
        var numbering = new Dictionary<int, int>();
        var keys = new List<int>();
        var starts = new List<int>();
        var next = 1;
        int kept = 0, dropped = 0, removed = 0;
        var output = new StringBuilder();

        foreach (var line in SplitLines(reply))
        {
            var lineText = new StringBuilder();
            foreach (var sentence in line)
            {
                var cited = CitedKeys(sentence);
                var known = cited.Where(k => k >= 1 && k <= support.Length).Distinct().ToList();
                var supported = Supporting(sentence, known, support);
                removed += cited.Count - cited.Count(supported.Contains);
                if (supported.Count == 0)
                {
                    dropped++;
                    continue;
                }

                foreach (var key in cited.Where(k => supported.Contains(k) && !numbering.ContainsKey(k)).Distinct())
                {
                    numbering[key] = next;
                    keys.Add(key);
                    starts.Add(next);
                    next += Math.Max(1, widths is not null && key - 1 < widths.Count ? widths[key - 1] : 1);
                }

                kept++;
                var rendered = Rewrite(sentence, supported, numbering, widths);
                lineText.Append(lineText.Length > 0 ? " " : string.Empty).Append(rendered);
            }

            if (lineText.Length > 0)
            {
                output.Append(output.Length > 0 ? "\n" : string.Empty).Append(lineText);
            }
        }

        return new CitationCheck(output.ToString(), keys, starts, kept, dropped, removed);
    }

    private HashSet<int> Supporting(string sentence, List<int> known, PassageTerms[] support)
    {
        var result = new HashSet<int>();
        var bare = Marker().Replace(sentence, " ");
        var (words, numbers) = PassageTerms.Analyze(bare);

        if (known.Count == 0 || words.Count < MinimumContentWords)
        {
            return result;
        }

        result.UnionWith(known.Where(k => Supports(words, support[k - 1].Words)));
        if (known.Count > 1)
        {
            // A sentence may combine passages: one that covers part of it and adds words the others lack also stands,
            // as long as together they cover the sentence.
            var covered = new HashSet<string>(words.Where(w => result.Any(k => support[k - 1].Words.Contains(w))), StringComparer.Ordinal);
            var partial = known.Where(k => !result.Contains(k) && Coverage(words, support[k - 1].Words) >= _threshold / 2
                                           && words.Any(w => !covered.Contains(w) && support[k - 1].Words.Contains(w))).ToList();
            var joint = new HashSet<string>(result.Concat(partial).SelectMany(k => support[k - 1].Words), StringComparer.Ordinal);
            if (partial.Count > 0 && Supports(words, joint))
            {
                result.UnionWith(partial);
            }
        }

        if (numbers.Any(n => !result.Any(k => support[k - 1].Numbers.Contains(n))))
        {
            result.Clear();
        }

        return result;
    }

    /// <summary>The passage words cover at least the threshold share of the sentence's, and at least
    /// <see cref="MinimumContentWords"/> of them: "It rained all week" is not supported by "in recent weeks" alone.</summary>
    private bool Supports(HashSet<string> words, HashSet<string> passage) =>
        Coverage(words, passage) >= _threshold && words.Count(passage.Contains) >= MinimumContentWords;

    private static double Coverage(HashSet<string> words, HashSet<string> passage) =>
        words.Count == 0 ? 0 : (double)words.Count(passage.Contains) / words.Count;

    private static List<int> CitedKeys(string sentence)
    {
        var keys = new List<int>();
        foreach (Match match in Marker().Matches(sentence))
        {
            keys.AddRange(ParseMarker(match.Value));
        }

        return keys;
    }

    private static IEnumerable<int> ParseMarker(string marker)
    {
        foreach (var part in marker.Trim('[', ']').Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split(['-', '\u2013'], StringSplitOptions.TrimEntries);
            if (range.Length == 2 && int.TryParse(range[0], out var from) && int.TryParse(range[1], out var to) && to >= from && to - from < 50)
            {
                for (var k = from; k <= to; k++)
                {
                    yield return k;
                }
            }
            else if (int.TryParse(part, out var key))
            {
                yield return key;
            }
        }
    }

    private static string Rewrite(string sentence, HashSet<int> supported, Dictionary<int, int> numbering, IReadOnlyList<int>? widths)
    {
        var written = new HashSet<int>();
        var text = Marker().Replace(sentence, match =>
        {
            var marks = new StringBuilder();
            foreach (var key in ParseMarker(match.Value).Where(k => supported.Contains(k) && written.Add(k)))
            {
                var width = Math.Max(1, widths is not null && key - 1 < widths.Count ? widths[key - 1] : 1);
                for (var i = 0; i < width; i++)
                {
                    marks.Append('[').Append(numbering[key] + i).Append(']');
                }
            }

            return marks.Length == 0 ? string.Empty : " " + marks;
        });

        text = SpaceBetweenMarkers().Replace(text, "$1");
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return MultipleSpaces().Replace(text, " ").Trim();
    }

    /// <summary>Lines of sentences; a marker run that opens a sentence ("... Brussels. [2] Next") belongs to the one before.</summary>
    private static List<List<string>> SplitLines(string reply)
    {
        var lines = new List<List<string>>();
        foreach (var rawLine in reply.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var sentences = new List<string>();
            foreach (var span in SentenceSplitter.Split(rawLine))
            {
                var sentence = span.Of(rawLine);
                var lead = LeadingMarkers().Match(sentence);
                var previous = sentences.Count > 0 ? sentences : lines.LastOrDefault(l => l.Count > 0);
                if (lead.Success && previous is not null)
                {
                    previous[^1] += " " + lead.Value.Trim();
                    sentence = sentence[lead.Length..].Trim();
                }

                if (sentence.Length > 0)
                {
                    sentences.Add(sentence);
                }
            }

            lines.Add(sentences);
        }

        return lines;
    }

    [GeneratedRegex(@"\[\s*\d+(?:\s*[,;\-\u2013]\s*\d+)*\s*\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(?:\s*\[\s*\d+(?:\s*[,;\-\u2013]\s*\d+)*\s*\][.,;:]?)+")]
    private static partial Regex LeadingMarkers();

    [GeneratedRegex(@"(\[\d+\])\s+(?=\[\d+\])")]
    private static partial Regex SpaceBetweenMarkers();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultipleSpaces();

    /// <summary>A passage's stemmed content words and its numbers.</summary>
    private sealed class PassageTerms
    {
        public PassageTerms(string text) => (Words, Numbers) = Analyze(text);

        public HashSet<string> Words { get; }

        public HashSet<string> Numbers { get; }

        public static (HashSet<string> Words, HashSet<string> Numbers) Analyze(string? text)
        {
            var words = new List<string>();
            var numbers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var token in TermAnalyzer.Tokenize(text ?? string.Empty))
            {
                if (token.IsNumber)
                {
                    numbers.Add(NumberKey(token.Surface));
                }
                else
                {
                    TermAnalyzer.AddTerms(token, words);
                }
            }

            return (new HashSet<string>(words, StringComparer.Ordinal), numbers);
        }

        /// <summary>"1,000" and "1000" are one number; so are "06" and "6".</summary>
        public static string NumberKey(string surface)
        {
            var digits = surface.Replace(",", string.Empty, StringComparison.Ordinal);
            var trimmed = digits.TrimStart('0');
            return trimmed.Length == 0 || trimmed[0] == '.' ? "0" + trimmed : trimmed;
        }
    }
}
