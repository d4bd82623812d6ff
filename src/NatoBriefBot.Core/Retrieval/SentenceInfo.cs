using System.Collections.Concurrent;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Retrieval;

/// <summary>
/// What a sentence of a passage is, independent of any question: its terms and the cheap features the scorer asks
/// about (people, dates, numbers, places, nationalities), each computed at most once.
/// </summary>
internal sealed class SentenceInfo(int start, int end, string text, HashSet<string> terms, int words, bool refersBack, bool instruction, bool endsLikeSentence)
{
    private int _people = -1;
    private int _role = -1;
    private int _date = -1;
    private int _number = -1;
    private int _amount = -1;
    private int _money = -1;
    private int _place = -1;
    private int _demonym = -1;

    public int Start { get; } = start;

    public int End { get; } = end;

    public string Text { get; } = text;

    public HashSet<string> Terms { get; } = terms;

    public int Words { get; } = words;

    public bool RefersBack { get; } = refersBack;

    public bool Instruction { get; } = instruction;

    public bool EndsLikeSentence { get; } = endsLikeSentence;

    public bool HasPeople => Flag(ref _people, static t => SentenceFeatures.People(t).Count > 0);

    public bool HasRole => Flag(ref _role, SentenceFeatures.HasRole);

    public bool HasDate => Flag(ref _date, SentenceFeatures.HasDate);

    public bool HasNumber => Flag(ref _number, SentenceFeatures.HasNumber);

    public bool HasAmount => Flag(ref _amount, SentenceFeatures.HasAmount);

    public bool HasMoney => Flag(ref _money, SentenceFeatures.HasMoney);

    public bool HasPlace => Flag(ref _place, SentenceFeatures.HasPlace);

    public bool HasDemonym => Flag(ref _demonym, SentenceFeatures.HasDemonym);

    private bool Flag(ref int slot, Func<string, bool> compute)
    {
        if (slot < 0)
        {
            slot = compute(Text) ? 1 : 0;
        }

        return slot == 1;
    }
}

/// <summary>
/// Sentence analysis of passages, shared by all questions: a passage is split and analyzed once, not once per question.
/// Bounded; an entry is used only while the passage text is unchanged.
/// </summary>
internal static class SentenceCache
{
    private const int MaxPassages = 50_000;
    private static readonly ConcurrentDictionary<long, PassageAnalysis> Passages = new();

    public static PassageAnalysis Of(StoredPassage passage, Func<string, SentenceInfo[]> analyze)
    {
        if (Passages.TryGetValue(passage.Id, out var hit) && string.Equals(hit.Text, passage.Text, StringComparison.Ordinal))
        {
            return hit;
        }

        var sentences = analyze(passage.Text);
        var analysis = new PassageAnalysis(passage.Text, sentences, sentences.SelectMany(x => x.Terms).ToHashSet(StringComparer.Ordinal));
        if (Passages.Count >= MaxPassages)
        {
            Passages.Clear();
        }

        Passages[passage.Id] = analysis;
        return analysis;
    }
}

/// <summary>A passage's sentences and the set of all its terms.</summary>
internal sealed record PassageAnalysis(string Text, SentenceInfo[] Sentences, HashSet<string> Terms);
