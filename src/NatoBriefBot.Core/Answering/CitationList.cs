using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Core.Answering;

/// <summary>
/// Numbers cited briefings 1..n in order of first use. Citing the same briefing again, from the same passage or another,
/// reuses its number: the reader sees one source per briefing, whose quote holds every passage the answer used from it,
/// in the briefing's order (overlapping passages joined without repeating their shared text, others with " … ").
/// </summary>
public sealed class CitationList
{
    private readonly List<(StoredBriefing Briefing, List<StoredPassage> Passages)> _cited = [];

    public int Count => _cited.Count;

    public int Cite(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var index = _cited.FindIndex(c => c.Briefing.Id == evidence.Briefing.Id);
        if (index < 0)
        {
            _cited.Add((evidence.Briefing, [evidence.Passage]));
            return _cited.Count;
        }

        var passages = _cited[index].Passages;
        if (!passages.Any(p => p.Id == evidence.Passage.Id))
        {
            passages.Add(evidence.Passage);
        }

        return index + 1;
    }

    public IReadOnlyList<Citation> ToCitations() => _cited
        .Select((c, i) => new Citation(i + 1, c.Briefing.File, c.Briefing.Title, c.Briefing.Published, c.Briefing.Publisher, c.Briefing.Url, Quote(c.Passages)))
        .ToList();

    private static string Quote(List<StoredPassage> passages)
    {
        var ordered = passages.OrderBy(p => p.Start).ToList();
        var quote = ordered[0].Text;
        var end = ordered[0].End;
        foreach (var p in ordered.Skip(1))
        {
            var overlap = end - p.Start;
            // Passages are slices of the briefing's text: an overlapping one adds only what comes after the shared part.
            if (overlap > 0 && overlap < p.Text.Length && p.End - p.Start == p.Text.Length)
            {
                quote += p.Text[overlap..];
            }
            else if (overlap <= 0 || p.End - p.Start != p.Text.Length)
            {
                quote += " \u2026 " + p.Text;
            }

            end = Math.Max(end, p.End);
        }

        return quote;
    }
}
