using System.Globalization;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>The greeting for new members: what the bot knows (from the catalog) and a few questions to start with.</summary>
public static class WelcomeMessage
{
    /// <param name="catalog">What the index holds.</param>
    /// <param name="questions">Questions checked to be answered from their briefings (<see cref="StarterQuestions"/>); when
    /// none are given, questions built from the catalog alone.</param>
    public static RenderedReply Build(CatalogSummary catalog, IReadOnlyList<string>? questions = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var text = SmallTalk.Introduction(catalog);
        if (catalog.BriefingCount == 0)
        {
            return new RenderedReply(text);
        }

        return new RenderedReply(text, SuggestedActions: ReplyRenderer.SuggestionsOf(questions is { Count: > 0 } ? questions : Suggestions(catalog)));
    }

    /// <summary>Up to four questions built from the catalog: the newest meeting months, then the newest headlines.</summary>
    public static IReadOnlyList<string> Suggestions(CatalogSummary catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var newestFirst = catalog.Briefings
            .OrderByDescending(b => b.Published ?? DateOnly.MinValue)
            .ToList();
        var byMonth = newestFirst
            .Where(b => b.Published is not null)
            .Select(b => b.Published!.Value.ToString("MMMM yyyy", CultureInfo.InvariantCulture))
            .Distinct(StringComparer.Ordinal)
            .Take(2)
            .Select(month => $"What did NATO defence ministers discuss in {month}?")
            .ToList();
        var byTitle = newestFirst
            .Where(b => !string.IsNullOrWhiteSpace(b.Title))
            .Select(b => $"Tell me about {StarterQuestions.Topic(b.Title)}")
            .Distinct(StringComparer.Ordinal)
            .Take(ReplyRenderer.MaxSuggestions - byMonth.Count);
        var questions = byMonth.Concat(byTitle).ToList();
        if (questions.Count < 3)
        {
            questions.Add("What are the briefings mainly about?");
        }

        return questions;
    }

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
