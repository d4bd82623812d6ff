using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Core.Answering;

/// <summary>Numbers cited passages 1..n in order of first use; citing the same passage twice reuses its number.</summary>
public sealed class CitationList
{
    private readonly List<Evidence> _cited = [];

    public int Count => _cited.Count;

    public int Cite(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var index = _cited.FindIndex(e => e.Passage.Id == evidence.Passage.Id);
        if (index < 0)
        {
            _cited.Add(evidence);
            index = _cited.Count - 1;
        }

        return index + 1;
    }

    public IReadOnlyList<Citation> ToCitations() => _cited
        .Select((e, i) => new Citation(i + 1, e.Briefing.File, e.Briefing.Title, e.Briefing.Published, e.Briefing.Publisher, e.Briefing.Url, e.Passage.Text))
        .ToList();
}
