using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Core.Answering;

/// <summary>
/// Bulleted lists in a briefing ("The ministers also discussed:" then "- the stability of the banking sector…;", "- a plan
/// to…"): the sentence splitter gives the lead-in and each item as sentences of their own, and neither says much alone. An
/// answer that quotes the lead-in quotes its items after it, each on a line of its own; one that quotes an item quotes the
/// lead-in and the list. The items are read from whichever retrieved passage of the briefing holds them (a lead-in may end
/// one passage).
/// </summary>
internal static class ListItems
{
    /// <summary>At most this many items are quoted after a lead-in: a longer list is a table, not an answer.</summary>
    private const int MaxItems = 10;

    /// <summary>The sentences to quote in order: a lead-in followed by its items, an item after its lead-in and the other
    /// items, any other sentence as it comes. A sentence already quoted is not repeated.</summary>
    public static List<ScoredSentence> Complete(List<ScoredSentence> chosen, SentenceScorer scorer, IReadOnlyList<Evidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(scorer);
        var quoted = new List<ScoredSentence>();
        foreach (var sentence in chosen)
        {
            var leadIn = IsItem(sentence) ? LeadInOf(sentence) : IntroducesList(sentence) ? sentence : null;
            List<ScoredSentence> group = leadIn is null ? [sentence] : [leadIn, .. ItemsAfter(leadIn, scorer, evidence), sentence];
            quoted.AddRange(group.Where(s => !quoted.Any(q => q.Overlaps(s))));
        }

        return quoted;
    }

    /// <summary>What goes before a quoted sentence after the one before it: a line break before an item of a list (the items
    /// stay verbatim, bullet and all, and show as a list where Markdown is read), a blank line after the list, else a space.</summary>
    public static string Separator(ScoredSentence before, ScoredSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(sentence);
        if (IsItem(sentence) && (IntroducesList(before) || IsItem(before)))
        {
            return "\n";
        }

        return IsItem(before) ? "\n\n" : " ";
    }

    private static bool IsItem(ScoredSentence sentence) => BoilerplateLines.IsBulleted(sentence.Text);

    private static bool IntroducesList(ScoredSentence sentence) => sentence.Text.TrimEnd().EndsWith(':');

    /// <summary>The lead-in of an item: the sentence ending in a colon before the items that precede it in its passage.</summary>
    private static ScoredSentence? LeadInOf(ScoredSentence item)
    {
        var before = item.Previous;
        while (before is not null && IsItem(before))
        {
            before = before.Previous;
        }

        return before is not null && IntroducesList(before) ? before : null;
    }

    /// <summary>The items right after a lead-in, from a retrieved passage of its briefing in which the lead-in is not last.</summary>
    private static List<ScoredSentence> ItemsAfter(ScoredSentence leadIn, SentenceScorer scorer, IReadOnlyList<Evidence> evidence)
    {
        var at = leadIn.Evidence.Passage.Start + leadIn.Start;
        var items = new List<ScoredSentence>();
        foreach (var e in evidence.Prepend(leadIn.Evidence).Where(e => e.Briefing.Id == leadIn.Evidence.Briefing.Id))
        {
            var sentences = scorer.ScorePassage(e);
            var index = sentences.FindIndex(s => e.Passage.Start + s.Start == at);
            var found = index < 0 ? [] : sentences.Skip(index + 1).TakeWhile(IsItem).Take(MaxItems).ToList();
            if (found.Count > items.Count)
            {
                items = found;
            }
        }

        return items;
    }
}
