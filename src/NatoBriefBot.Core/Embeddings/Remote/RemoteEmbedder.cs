using System.ClientModel;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace NatoBriefBot.Core.Embeddings.Remote;

/// <summary>
/// Embeds through an OpenAI-protocol service (OpenAI, Azure OpenAI, or a compatible server such as Ollama) and
/// gives every vector unit length, so remote vectors compare like local ones. Sends at most
/// <see cref="RequestBatchSize"/> texts per request. The vector length comes from the model name when it is a known
/// OpenAI model, otherwise from the first response (a one-word probe if <see cref="Profile"/> is read first).
/// The API key is never put in messages or logs.
/// </summary>
public sealed class RemoteEmbedder : IEmbeddingGenerator<string, Embedding<float>>, IProfiledEmbedder
{
    public const int RequestBatchSize = 64;

    private static readonly Dictionary<string, int> KnownDimensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text-embedding-3-small"] = 1536,
        ["text-embedding-3-large"] = 3072,
        ["text-embedding-ada-002"] = 1536,
    };

    private readonly IEmbeddingGenerator<string, Embedding<float>> _inner;
    private readonly string _model;
    private readonly string _display;
    private readonly string? _secret;
    private readonly int _maxInputTokens;
    private int _dimensions;

    /// <summary>Wraps any OpenAI-protocol generator; <see cref="Create"/> builds the usual one from configuration.</summary>
    /// <param name="inner">The generator that calls the service.</param>
    /// <param name="model">Model or deployment name; the profile is <c>openai:&lt;model&gt;</c>.</param>
    /// <param name="maxInputTokens">Largest input the model takes, in its tokens.</param>
    /// <param name="dimensions">Vector length if known; otherwise learned from the first response.</param>
    /// <param name="display">Where the service is, for messages.</param>
    /// <param name="secret">The API key, only so it can be blanked out of error messages.</param>
    public RemoteEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner, string model, int maxInputTokens, int? dimensions = null, string display = "the embedding service", string? secret = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        _model = model;
        _maxInputTokens = maxInputTokens;
        _dimensions = dimensions ?? (KnownDimensions.TryGetValue(model, out var known) ? known : 0);
        _display = display;
        _secret = secret;
    }

    /// <summary>Name <c>openai:&lt;model&gt;</c>. Reading it before any embedding of an unknown model sends one probe request.</summary>
    public EmbedderProfile Profile =>
        _dimensions > 0 ? CurrentProfile() : GetProfileAsync().GetAwaiter().GetResult();

    /// <summary>Builds the embedder for <c>Embedding:Provider</c> OpenAI or AzureOpenAI from <c>Model</c>, <c>Endpoint</c> and <c>ApiKey</c>.</summary>
    /// <exception cref="BriefBotException">A required setting is missing or malformed.</exception>
    public static RemoteEmbedder Create(EmbeddingOptions options)
    {
        var endpoint = RemoteEndpoint.From(options);
        return new RemoteEmbedder(endpoint.CreateGenerator(), endpoint.Model, options.RemoteMaxTokens, display: endpoint.Display, secret: endpoint.ApiKey);
    }

    /// <summary>The profile, asking the service once for the vector length if it is not known yet.</summary>
    public async Task<EmbedderProfile> GetProfileAsync(CancellationToken cancellationToken = default)
    {
        if (_dimensions == 0)
        {
            await GenerateAsync(["NATO"], cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return CurrentProfile();
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (var start = 0; start < texts.Count; start += RequestBatchSize)
        {
            var batch = texts.Skip(start).Take(RequestBatchSize).Select(t => string.IsNullOrEmpty(t) ? " " : t).ToArray();
            var response = await CallAsync(batch, options, cancellationToken).ConfigureAwait(false);
            if (response.Count != batch.Length)
            {
                throw new BriefBotException($"{_display} returned {response.Count} embeddings for {batch.Length} texts. Check that Embedding:Endpoint is an OpenAI-compatible server.");
            }

            foreach (var embedding in response)
            {
                result.Add(Normalize(embedding));
            }

            result.Usage = Add(result.Usage, response.Usage);
        }

        return result;
    }

    /// <summary>Also answers <see cref="EmbedderProfile"/>, which, like <see cref="Profile"/>, may send one probe request.</summary>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null && serviceType == typeof(EmbedderProfile))
        {
            return Profile;
        }

        if (serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            var inner = _inner.GetService<EmbeddingGeneratorMetadata>();
            return new EmbeddingGeneratorMetadata(inner?.ProviderName ?? "openai", inner?.ProviderUri, _model, _dimensions > 0 ? _dimensions : null);
        }

        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : _inner.GetService(serviceType, serviceKey);
    }

    public void Dispose() => _inner.Dispose();

    private EmbedderProfile CurrentProfile() => new("openai:" + _model, _dimensions, _maxInputTokens);

    private async Task<GeneratedEmbeddings<Embedding<float>>> CallAsync(string[] batch, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            return await _inner.GenerateAsync(batch, EmbeddingPurpose.Remove(options), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or AggregateException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Translate(e);
        }
    }

    /// <summary>A message that says what went wrong with the service and which setting to check; the client retries before this.</summary>
    private BriefBotException Translate(Exception e)
    {
        var failures = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [e];
        var status = failures.OfType<ClientResultException>().Select(f => f.Status).LastOrDefault(s => s > 0);
        var last = failures.LastOrDefault() ?? e;
        return status switch
        {
            401 or 403 => new BriefBotException($"{_display} refused the API key (HTTP {status}). Check Embedding:ApiKey (environment variable Embedding__ApiKey).", Scrub(last)),
            404 => new BriefBotException($"{_display} does not know the model '{_model}' (HTTP 404). Check Embedding:Model and Embedding:Endpoint.", Scrub(last)),
            > 0 => new BriefBotException($"{_display} failed with HTTP {status}: {Redact(last.Message)} Try again later, or set Embedding:Provider to Hashing.", Scrub(last)),
            _ => new BriefBotException($"{_display} could not be reached ({Redact(last.Message)}). Check Embedding:Endpoint and the network, or set Embedding:Provider to Hashing.", Scrub(last)),
        };
    }

    private Embedding<float> Normalize(Embedding<float> embedding)
    {
        var vector = embedding.Vector.ToArray();
        if (_dimensions == 0)
        {
            Interlocked.CompareExchange(ref _dimensions, vector.Length, 0);
        }

        if (vector.Length != _dimensions)
        {
            throw new BriefBotException(
                $"{_display} returned {vector.Length}-dimensional vectors for '{_model}', but this embedder makes {_dimensions}-dimensional ones. " +
                "Check Embedding:Model; if the model really changed, restart the bot and re-index.");
        }

        var norm = TensorPrimitives.Norm<float>(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return new Embedding<float>(vector) { ModelId = embedding.ModelId ?? _model, CreatedAt = embedding.CreatedAt ?? DateTimeOffset.UtcNow };
    }

    private static UsageDetails? Add(UsageDetails? total, UsageDetails? more)
    {
        if (more is null)
        {
            return total;
        }

        total ??= new UsageDetails();
        total.Add(more);
        return total;
    }

    private string Redact(string text) =>
        string.IsNullOrEmpty(_secret) ? text : text.Replace(_secret, "***", StringComparison.Ordinal);

    /// <summary>The inner exception without anything that could echo the key back.</summary>
    private InvalidOperationException Scrub(Exception e) => new(Redact(e.Message));
}
