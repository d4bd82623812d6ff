using System.Text.RegularExpressions;
using NatoBriefBot.Core.Answering;

namespace NatoBriefBot.Tests.Support;

/// <summary>Checks every answer must pass: markers refer to citations, and the text is only quoted sentences.</summary>
public static partial class AnswerChecks
{
    /// <summary>The answer's sentences without the optional lead, without [n] markers and without the names put in brackets
    /// after a pronoun ("He [Jens Stoltenberg] added…").</summary>
    public static List<string> Segments(Answer answer)
    {
        var text = InsertionRegex().Replace(LeadRegex().Replace(answer.Text, string.Empty), string.Empty);
        return MarkersRegex().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    }

    /// <summary>Every [n] is a listed citation, every citation is used, and every sentence is verbatim in a cited quote.</summary>
    public static void AssertGrounded(Answer answer)
    {
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.NotEmpty(answer.Citations);
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
        var markers = MarkerRegex().Matches(answer.Text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(markers, n => Assert.InRange(n, 1, answer.Citations.Count));
        Assert.Equal(answer.Citations.Select(c => c.N).ToHashSet(), markers);
        Assert.All(Segments(answer), s => Assert.True(answer.Citations.Any(c => c.Quote.Contains(s, StringComparison.Ordinal)), $"not quoted: {s}"));
    }

    [GeneratedRegex(@"^(?:From the briefing of [^:]+:|The most recent briefing \(.*?\) says:|As of the briefing of [^:]+:|From a briefing with no date \([^)]*\):)\s*(?:The briefings don't [^.]+\. The closest they come:\s*)?")]
    private static partial Regex LeadRegex();

    [GeneratedRegex(@" \[[^\]\d][^\]]*\](?= )")]
    private static partial Regex InsertionRegex();

    [GeneratedRegex(@"(?:\s*\[\d+\])+\s*")]
    private static partial Regex MarkersRegex();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex MarkerRegex();
}
