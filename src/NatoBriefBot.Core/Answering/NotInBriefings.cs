using System.Globalization;
using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Core.Answering;

/// <summary>The honest "the briefings don't cover that" answer, with the closest briefings to ask about instead.</summary>
public static class NotInBriefings
{
    /// <summary>The briefings talk about what the question asks about, but not the kind of fact it asks for (a date, a
    /// number, an amount): say so, and quote the closest sentence with its briefing so the reader can look further.</summary>
    /// <param name="question">What the user asked.</param>
    /// <param name="closest">The evidence retrieval found, best first; its briefings are offered as suggestions.</param>
    /// <param name="what">The fact asked for, as the reply names it ("the date", see <see cref="Kind"/>).</param>
    /// <param name="source">The briefing passage of the closest sentence.</param>
    /// <param name="sentence">The closest sentence, verbatim.</param>
    public static Answer Lacking(string question, IReadOnlyList<Evidence> closest, string what, Evidence source, string sentence)
    {
        ArgumentNullException.ThrowIfNull(closest);
        ArgumentNullException.ThrowIfNull(source);
        var text = $"The briefings don't give {what}. The closest is in {Named(source.Briefing)}: \u201C{sentence}\u201D Ask about something else in that briefing, or rephrase the question.";
        return Create(question, closest, null) with { Text = text, Closest = sentence, ClosestFile = source.Briefing.File };
    }

    /// <summary>How a reply names the kind of fact a question of this type asks for.</summary>
    public static string Kind(QuestionType type) => type switch
    {
        QuestionType.When => "the date",
        QuestionType.HowMany => "that number",
        QuestionType.HowMuch => "that figure",
        QuestionType.Who => "that name",
        QuestionType.Where => "the place",
        QuestionType.Nationality => "the nationality",
        _ => "that",
    };

    /// <summary>No sentence answers the question clearly enough, but one about its subject comes close: quote it (uncited)
    /// with its briefing, so the reader can judge and look further.</summary>
    /// <param name="question">What the user asked.</param>
    /// <param name="closest">The evidence retrieval found, best first; its briefings are offered as suggestions.</param>
    /// <param name="source">The briefing passage of the closest sentence.</param>
    /// <param name="sentence">The closest sentence, verbatim.</param>
    public static Answer Unsure(string question, IReadOnlyList<Evidence> closest, Evidence source, string sentence)
    {
        ArgumentNullException.ThrowIfNull(closest);
        ArgumentNullException.ThrowIfNull(source);
        var text = $"I couldn't find a clear answer to that in the briefings. The closest is in {Named(source.Briefing)}: \u201C{sentence}\u201D Check whether that answers your question, or rephrase it.";
        return Create(question, closest, null) with { Text = text, Closest = sentence, ClosestFile = source.Briefing.File };
    }

    private static string Named(Storage.StoredBriefing briefing) => $"\u201C{briefing.Title}\u201D{Dated(briefing)}";

    /// <summary>" (5 July 2024)" after a briefing's title; for an undated one whose events another briefing dates,
    /// " (undated; about events of June 2023)"; empty otherwise.</summary>
    private static string Dated(Storage.StoredBriefing briefing) =>
        briefing.Published is { } d ? $" ({d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})"
        : briefing.EventDate is { } events ? $" (undated; {AboutEventsOf(events)})"
        : string.Empty;

    /// <summary>"about events of June 2023": the month another briefing dates an undated briefing's events to.</summary>
    internal static string AboutEventsOf(DateOnly events) =>
        $"about events of {events.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>A briefing as replies name it: “Title” (d MMMM yyyy), the date left out when it has none.</summary>
    internal static string Named(string title, DateOnly? published) => published is { } d
        ? $"\u201C{title}\u201D ({d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})"
        : $"\u201C{title}\u201D";

    /// <param name="question">What the user asked.</param>
    /// <param name="closest">The evidence retrieval found, best first; its briefings are offered instead.</param>
    /// <param name="missingNames">Names the question uses that no briefing mentions, if that is why.</param>
    /// <param name="period">The period the question names when no briefing covers it, if that is why.</param>
    public static Answer Create(string question, IReadOnlyList<Evidence> closest, string? missingNames, string? period = null)
    {
        ArgumentNullException.ThrowIfNull(closest);
        var briefings = closest
            .GroupBy(e => e.Briefing.Id)
            .Select(g => g.First().Briefing)
            .Take(3)
            .ToList();
        var suggestions = briefings.Select(b => b.Title + Dated(b)).ToList();
        var reason = !string.IsNullOrEmpty(missingNames)
            ? $"I couldn't find that in the briefings I have: none of them mentions {missingNames}."
            : !string.IsNullOrEmpty(period)
                ? $"I couldn't find that in the briefings I have: none of them is from {period}."
                : "I couldn't find that in the briefings I have.";
        var closestText = string.Join("; ", briefings.Select(Named));
        var text = briefings.Count == 0
            ? $"{reason} Try rephrasing the question, or ask about NATO defence ministers' meetings and summits."
            : $"{reason} The closest briefings are: {closestText}. Try asking about one of those.";
        return new Answer(question, AnswerOutcome.NotInBriefings, text, []) { Suggestions = suggestions, ClosestFile = briefings.FirstOrDefault()?.File };
    }
}
