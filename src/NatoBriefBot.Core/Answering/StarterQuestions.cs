using System.Globalization;
using NatoBriefBot.Core.Answering.Selection;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Core.Answering;

/// <summary>
/// Questions to start with (the welcome's buttons): built from the briefings — the month a briefing is from, the person it
/// quotes most, the topic of its headline — and each one asked before it is offered. A question is kept only when the bot answers it from the very
/// briefing it was built from, so the first thing a new user clicks works. One question per briefing, newest first; the
/// result is kept until the catalog changes.
/// </summary>
public sealed class StarterQuestions(IRetriever retriever, AnswerPolicy policy, BriefingStore store)
{
    /// <summary>Checked questions remembered per briefing (and index size) before the memory is cleared.</summary>
    private const int MaxRemembered = 4096;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string File, string Hash, long Passages), string?> _byBriefing = new();
    /// <summary>Longest question offered: labels of suggested actions must fit without cutting words.</summary>
    public const int MaxLength = 60;

    /// <summary>Briefings tried, newest first, before giving up on finding more questions.</summary>
    private const int MaxBriefingsTried = 10;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Signature, IReadOnlyList<string> Questions)? _cached;

    /// <summary>Up to <paramref name="max"/> questions, each answered from the briefing it was built from.</summary>
    public async Task<IReadOnlyList<string>> VerifiedAsync(CatalogSummary catalog, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var signature = string.Create(CultureInfo.InvariantCulture, $"{catalog.BriefingCount}|{catalog.PassageCount}|{catalog.Earliest}|{catalog.Latest}|{max}");
        if (_cached is { } hit && hit.Signature == signature)
        {
            return hit.Questions;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && again.Signature == signature)
            {
                return again.Questions;
            }

            var kept = await ForBriefingsAsync(Newest(catalog).Take(MaxBriefingsTried), max, cancellationToken).ConfigureAwait(false);
            _cached = (signature, kept);
            return kept;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>For each briefing in turn, a checked question the bot answers from it (<see cref="CheckedAsync"/>), at most
    /// <paramref name="max"/>. What a briefing's check found is remembered until the briefing or the index changes, so the
    /// buttons under a "not in the briefings" reply usually cost nothing.</summary>
    public async Task<IReadOnlyList<string>> ForBriefingsAsync(IEnumerable<StoredBriefing> briefings, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(briefings);
        var passages = store.PassageCount;
        var kept = new List<string>();
        foreach (var briefing in briefings)
        {
            if (kept.Count >= max)
            {
                break;
            }

            var key = (briefing.File, briefing.ContentHash, passages);
            if (!_byBriefing.TryGetValue(key, out var question))
            {
                var found = await CheckedAsync([briefing], (q, ct) => AnswersFromAsync(retriever, policy, q, ct), 1, cancellationToken, store.GetText).ConfigureAwait(false);
                question = found.Count > 0 ? found[0] : null;
                if (_byBriefing.Count >= MaxRemembered)
                {
                    _byBriefing.Clear();
                }

                _byBriefing[key] = question;
            }

            if (question is not null && !kept.Contains(question, StringComparer.Ordinal))
            {
                kept.Add(question);
            }
        }

        return kept;
    }

    /// <summary>The file of the briefing the bot would answer <paramref name="question"/> from, or null when it would not
    /// answer: retrieval and the answer policy only, no composer and no LLM call.</summary>
    public static async Task<string?> AnswersFromAsync(IRetriever retriever, AnswerPolicy policy, string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.AnswersFrom(await retriever.RetrieveAsync(question, new RetrievalHints([]), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>For each briefing in turn, the first of its <see cref="Candidates"/> that <paramref name="answersFrom"/>
    /// says is answered from that very briefing; at most <paramref name="max"/> questions, one per briefing.
    /// <paramref name="briefingText"/> gives a briefing's text (for the question about who it quotes), when known.</summary>
    public static async Task<IReadOnlyList<string>> CheckedAsync(
        IEnumerable<StoredBriefing> briefings, Func<string, CancellationToken, Task<string?>> answersFrom, int max, CancellationToken cancellationToken,
        Func<string, string?>? briefingText = null)
    {
        ArgumentNullException.ThrowIfNull(briefings);
        ArgumentNullException.ThrowIfNull(answersFrom);
        var kept = new List<string>();
        foreach (var briefing in briefings)
        {
            if (kept.Count >= max)
            {
                break;
            }

            foreach (var question in Candidates(briefing, briefingText?.Invoke(briefing.File)).Where(q => !kept.Contains(q, StringComparer.Ordinal)))
            {
                if (await answersFrom(question, cancellationToken).ConfigureAwait(false) == briefing.File)
                {
                    kept.Add(question);
                    break;
                }
            }
        }

        return kept;
    }

    /// <summary>The questions tried for a briefing, best first, none longer than <see cref="MaxLength"/>: what the ministers
    /// discussed that month, what the person the briefing quotes most said that day (when <paramref name="text"/>, the
    /// briefing's text, is given), then its headline's topic.</summary>
    public static IEnumerable<string> Candidates(StoredBriefing briefing, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        var topic = string.IsNullOrWhiteSpace(briefing.Title) ? null : Topic(briefing.Title);
        var candidates = new List<string>();
        if (briefing.Published is { } date)
        {
            candidates.Add($"What did NATO defence ministers discuss in {date.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}?");
            if (text is not null && MostQuoted(text) is { } speaker)
            {
                candidates.Add($"What did {speaker.Split(' ')[^1]} say on {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}?");
            }
        }

        if (topic is not null)
        {
            candidates.Add($"Tell me about {topic}");
            if (briefing.Published is { } d)
            {
                candidates.Add($"What was said on {d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} about {topic}?");
            }
        }

        return candidates.Where(c => c.Length <= MaxLength);
    }

    /// <summary>A headline as a short topic: up to its first colon, dash or comma, at most eight words, first letter lower-cased
    /// unless it starts a name ("NATO Summit's Top Priority: Support for Ukraine" gives "NATO Summit's Top Priority").</summary>
    public static string Topic(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var cut = title.IndexOfAny([':', ',', '|', '\u2013', '\u2014']);
        var words = (cut > 0 ? title[..cut] : title).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();
        var topic = string.Join(' ', words).TrimEnd('.', '?', '!');
        return topic.Length > 1 && char.IsUpper(topic[0]) && char.IsLower(topic[1]) ? char.ToLowerInvariant(topic[0]) + topic[1..] : topic;
    }

    /// <summary>The person whose words the text reports most often (the first named on a tie), or null when it quotes no one.</summary>
    public static string? MostQuoted(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = Text.SentenceSplitter.Split(text).Select(s => s.Of(text)).ToList();
        return Enumerable.Range(0, sentences.Count)
            .Select(i => Text.Speakers.Of(sentences, i))
            .OfType<string>()
            .Where(Text.Speakers.IsPerson)
            .GroupBy(name => name, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
    }

    private static IEnumerable<StoredBriefing> Newest(CatalogSummary catalog) =>
        catalog.Briefings.OrderByDescending(b => b.Published ?? DateOnly.MinValue).ThenBy(b => b.File, StringComparer.Ordinal);
}
