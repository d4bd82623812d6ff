using System.Text.RegularExpressions;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Answering;

/// <summary>
/// A question that asks two things joined by "and" ("Where will the staff work, and what rank is the general in
/// charge?") or written one after the other ("What were the three topics? And how many allies were at 2%?"): each part
/// is answered on its own, the second with the first as its scene-setting (so "he" and the topic carry over), and the
/// two answers are joined. The two facts often sit in different sentences, or different briefings, that no single
/// sentence answers.
/// </summary>
public static partial class MultipartQuestion
{
    /// <summary>The two questions to ask, or null when <paramref name="question"/> asks one thing.</summary>
    public static (string First, string Second)? Split(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question.Trim();
        var join = SecondAskRegex().Match(text);
        if (!join.Success)
        {
            return null;
        }

        var first = text[..join.Index].TrimEnd(' ', ',', ';', '?');
        var second = text[(join.Index + join.Length)..].Trim();
        // Each part must ask something of its own ("who was appointed, and when?" is one question; a second question
        // written on its own, "…? where was that", may point back with no word of its own), and the second part must be
        // the end of the message, not a sentence followed by more.
        var ownQuestion = join.Value.TrimStart().StartsWith('?') && second.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3;
        if (TermAnalyzer.Terms(AskingPart(first)).Count < 2 || (TermAnalyzer.Terms(second).Count < 2 && !ownQuestion) || SentenceEndRegex().IsMatch(second))
        {
            return null;
        }

        var asked = second.EndsWith('?') ? second : second + "?";
        return (first + "?", first + ". " + char.ToUpperInvariant(asked[0]) + asked[1..]);
    }

    /// <summary>Joins the answers to the two parts: both quoted with their citations numbered together, or the one the
    /// briefings answer with a note on the part they don't; null when neither part is answered, or when only the second
    /// is and it asks about the person the first asked for ("who is their trade minister, and when did he take the job?":
    /// whoever the answer is about, it is not known to be him).</summary>
    public static Answer? Join(string question, string firstPart, string secondPart, Answer first, Answer second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var firstAnswered = first.Outcome == AnswerOutcome.Answered;
        var secondAnswered = second.Outcome == AnswerOutcome.Answered;
        if (!firstAnswered && !secondAnswered)
        {
            return null;
        }

        if (!secondAnswered)
        {
            return first with { Question = question, Text = $"{first.Text} The briefings don't answer \u201C{secondPart}\u201D." };
        }

        if (!firstAnswered)
        {
            return AsksWhoRegex().IsMatch(firstPart) && PersonPronounRegex().IsMatch(secondPart)
                ? null
                : second with { Question = question, Text = $"{second.Text} The briefings don't answer \u201C{firstPart}\u201D." };
        }

        var citations = first.Citations.ToList();
        var numbers = new Dictionary<int, int>();
        foreach (var c in second.Citations)
        {
            var same = citations.FindIndex(x => x.File == c.File);
            if (same < 0)
            {
                citations.Add(c with { N = citations.Count + 1 });
                numbers[c.N] = citations.Count;
            }
            else
            {
                var quote = citations[same].Quote.Contains(c.Quote, StringComparison.Ordinal) ? citations[same].Quote : citations[same].Quote + " \u2026 " + c.Quote;
                citations[same] = citations[same] with { Quote = quote };
                numbers[c.N] = citations[same].N;
            }
        }

        var renumbered = MarkerRegex().Replace(second.Text, m =>
            numbers.TryGetValue(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), out var n) ? $"[{n}]" : m.Value);
        // A lead both answers open with ("From the briefing of 12 June 2024: "), and sentences the first answer already
        // quotes, are not said twice.
        var colon = renumbered.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && first.Text.StartsWith(renumbered[..(colon + 2)], StringComparison.Ordinal))
        {
            renumbered = renumbered[(colon + 2)..];
        }

        // Each sentence keeps the line break before it, if any (the items of a list, ListItems), else a space.
        var added = QuotedSentenceRegex().Matches(renumbered)
            .Select(m => (Before: m.Value[..(m.Value.Length - m.Value.TrimStart().Length)], Text: m.Value.Trim()))
            .Where(s => !first.Text.Contains(MarkerRegex().Replace(s.Text, string.Empty).Trim(), StringComparison.Ordinal))
            .ToList();

        // Sources only the dropped sentences cited go, and the rest keep numbers without gaps.
        var used = citations.Where(c => c.N <= first.Citations.Count || added.Any(s => s.Text.Contains($"[{c.N}]", StringComparison.Ordinal))).ToList();
        var final = used.Select((c, i) => (Old: c.N, New: i + 1)).ToDictionary(x => x.Old, x => x.New);
        var text = MarkerRegex().Replace(string.Concat(added.Select(s => (s.Before.Contains('\n', StringComparison.Ordinal) ? s.Before : " ") + s.Text)),
            m => $"[{final[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]}]");
        return first with
        {
            Question = question,
            Text = added.Count == 0 ? first.Text : first.Text + text,
            Citations = [.. used.Select(c => c with { N = final[c.N] })],
        };
    }

    /// <summary>The last sentence of a part (what it asks, without the scene-setting before it).</summary>
    private static string AskingPart(string text) => SentenceEndRegex().Split(text)[^1];

    /// <summary>", and" before a second question, or a question mark and another question ("…for the summit? and how many
    /// allies…", "…that day too? where was that"): its question word, maybe after a preposition ("and in which country",
    /// "and on what date", "and by how much"), or its verb ("and did…").</summary>
    [GeneratedRegex(@"(?:,?\s+and\s+|\?\s+(?:and\s+|also\s+|plus\s+)?)(?=(?:(?:in|on|at|for|from|to|by|with|of|since|until|till|during|under|after|before)\s+(?:what|which|whom|whose|when|how)\b|(?:what|which|who|whom|whose|where|when|how|why|did|does|do|is|are|was|were|will|has|have|had|can)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex SecondAskRegex();

    [GeneratedRegex(@"\b(?:he|she|him|her|his|hers|they|them|their)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonPronounRegex();

    [GeneratedRegex(@"\bwho(?:m|se|'s)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhoRegex();

    [GeneratedRegex(@"[.!?]\s+")]
    private static partial Regex SentenceEndRegex();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex MarkerRegex();

    /// <summary>A quoted sentence with its markers: text up to and including a run of [n] markers.</summary>
    [GeneratedRegex(@"[^\[\]]+?(?:\s*\[\d+\])+")]
    private static partial Regex QuotedSentenceRegex();
}
