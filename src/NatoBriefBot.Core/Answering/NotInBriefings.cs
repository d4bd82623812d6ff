using System.Globalization;
using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Core.Answering;

/// <summary>The honest "the briefings don't cover that" answer, with the closest briefings to ask about instead.</summary>
public static class NotInBriefings
{
    public static Answer Create(string question, IReadOnlyList<Evidence> closest, string? missingNames)
    {
        ArgumentNullException.ThrowIfNull(closest);
        var suggestions = closest
            .GroupBy(e => e.Briefing.Id)
            .Select(g => g.First().Briefing)
            .Take(3)
            .Select(b => b.Published is { } d ? $"{b.Title} ({d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})" : b.Title)
            .ToList();
        var reason = string.IsNullOrEmpty(missingNames)
            ? "I couldn't find that in the briefings I have."
            : $"I couldn't find that in the briefings I have: none of them mentions {missingNames}.";
        var text = suggestions.Count == 0
            ? $"{reason} Try rephrasing the question, or ask about NATO defence ministers' meetings and summits."
            : $"{reason} The closest briefings are: {string.Join("; ", suggestions.Select(s => "\u201C" + s + "\u201D"))}. Try asking about one of those.";
        return new Answer(question, AnswerOutcome.NotInBriefings, text, []) { Suggestions = suggestions };
    }
}
