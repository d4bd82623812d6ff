using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using NatoBriefBot.Core.Embeddings;

namespace NatoBriefBot.Core.Answering;

/// <summary>The example of small talk nearest a message by meaning, and how near it is (cosine of their vectors).</summary>
public sealed record ChatIntent(SmallTalkKind Kind, string Example, double Similarity);

/// <summary>
/// Small talk recognised by meaning: "who exactly am I chatting with here, a program?" and "yo, anybody on the other end?"
/// are conversation even though <see cref="SmallTalk"/>'s phrase rules, which read words, miss them. The message is compared with the
/// examples of <c>small-talk-examples.tsv</c> (embedded in the engine) by the configured embedder; the examples are
/// embedded once, on first use. <see cref="AnswerService"/> asks only about a message the briefings did not answer, so
/// a question is never taken for small talk while the briefings can answer it.
/// </summary>
public sealed partial class ChatIntents(IEmbeddingGenerator<string, Embedding<float>> embedder)
{
    private const string ResourceName = "NatoBriefBot.Core.Answering.small-talk-examples.tsv";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (SmallTalkKind Kind, string Example, ReadOnlyMemory<float> Vector)[]? _examples;

    /// <summary>The examples, by kind, as the engine ships them.</summary>
    public static IReadOnlyList<(SmallTalkKind Kind, string Example)> Examples { get; } = LoadExamples();

    /// <summary>The nearest example to <paramref name="message"/>.</summary>
    public async Task<ChatIntent> NearestAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var examples = await EmbeddedExamplesAsync(cancellationToken).ConfigureAwait(false);
        var vector = await embedder.GenerateQueryVectorAsync(message.Trim(), cancellationToken).ConfigureAwait(false);
        return Nearest(examples, vector);
    }

    /// <summary>The nearest example to each part of <paramref name="message"/>: its sentences and the clauses commas set
    /// off ("hey so I'm new here", "who are you exactly"), in order; one entry for a message of one part.</summary>
    public async Task<IReadOnlyList<ChatIntent>> NearestByPartAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var parts = Parts(message);
        if (parts.Count < 2)
        {
            return [await NearestAsync(message, cancellationToken).ConfigureAwait(false)];
        }

        var examples = await EmbeddedExamplesAsync(cancellationToken).ConfigureAwait(false);
        var vectors = await embedder.GenerateAsync(parts, EmbeddingPurpose.ForQuery(), cancellationToken).ConfigureAwait(false);
        return [.. vectors.Select(v => Nearest(examples, v.Vector))];
    }

    private static ChatIntent Nearest((SmallTalkKind Kind, string Example, ReadOnlyMemory<float> Vector)[] examples, ReadOnlyMemory<float> vector)
    {
        var best = examples.MaxBy(e => Cosine(vector.Span, e.Vector.Span));
        return new ChatIntent(best.Kind, best.Example, Math.Round(Cosine(vector.Span, best.Vector.Span), 4));
    }

    /// <summary>The parts of a message: split at sentence ends (not the full stops of "U.S."), semicolons, dashes between
    /// words and commas; each with a letter.</summary>
    public static IReadOnlyList<string> Parts(string message) =>
        [.. PartBreakRegex().Split(message).Select(p => p.Trim()).Where(p => p.Any(char.IsLetter))];

    [GeneratedRegex(@"(?:[?!;,]|(?<=[a-z0-9])\.)+(?=\s|$)|\s[-\u2013\u2014]\s")]
    private static partial Regex PartBreakRegex();

    /// <summary>Embeds the examples now (the bot's start-up warm-up), so the first declined message does not pay for it.</summary>
    /// <returns>How many examples there are.</returns>
    public async Task<int> WarmAsync(CancellationToken cancellationToken = default) =>
        (await EmbeddedExamplesAsync(cancellationToken).ConfigureAwait(false)).Length;

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        a.Length == b.Length && a.Length > 0 ? TensorPrimitives.CosineSimilarity(a, b) : 0;

    private async Task<(SmallTalkKind Kind, string Example, ReadOnlyMemory<float> Vector)[]> EmbeddedExamplesAsync(CancellationToken cancellationToken)
    {
        if (_examples is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_examples is null)
            {
                var vectors = await embedder.GenerateAsync(Examples.Select(e => e.Example), EmbeddingPurpose.ForQuery(), cancellationToken).ConfigureAwait(false);
                _examples = Examples.Select((e, i) => (e.Kind, e.Example, vectors[i].Vector)).ToArray();
            }

            return _examples;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static List<(SmallTalkKind Kind, string Example)> LoadExamples()
    {
        using var stream = typeof(ChatIntents).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new BriefBotException("The engine was built without its small-talk examples (small-talk-examples.tsv). Rebuild it.");
        using var reader = new StreamReader(stream);
        var examples = new List<(SmallTalkKind, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !Enum.TryParse<SmallTalkKind>(line[..tab], out var kind) || line[(tab + 1)..].Trim().Length == 0)
            {
                throw new BriefBotException($"small-talk-examples.tsv: '{line}' is not 'Kind<TAB>example' with a known kind.");
            }

            examples.Add((kind, line[(tab + 1)..].Trim()));
        }

        return examples;
    }
}
