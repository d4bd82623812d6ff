using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;

namespace NatoBriefBot.Core.Embeddings.Remote;

/// <summary>
/// Turns the <c>Embedding</c> section into an OpenAI-protocol embedding client, the same
/// <c>EmbeddingClient.AsIEmbeddingGenerator()</c> that Semantic Kernel's OpenAI connector registers:
/// api.openai.com by default, any OpenAI-compatible server (Ollama, vLLM, LM Studio) through <c>Endpoint</c>,
/// and Azure OpenAI through its v1 API (<c>{endpoint}/openai/v1/</c>, key in the <c>api-key</c> header, model = deployment).
/// </summary>
internal sealed record RemoteEndpoint(string Provider, string Model, Uri? BaseUri, string? ApiKey)
{
    /// <summary>Sent to servers that need no key (local OpenAI-compatible ones), because the client requires one.</summary>
    private const string NoKey = "no-key";

    public bool IsAzure => Provider.Equals("AzureOpenAI", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where requests go, for messages; never includes the key.</summary>
    public string Display => BaseUri?.GetLeftPart(UriPartial.Path) ?? "api.openai.com";

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"{Provider} {Model} at {Display}";

    public static RemoteEndpoint From(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = options.Provider.Equals("AzureOpenAI", StringComparison.OrdinalIgnoreCase) ? "AzureOpenAI" : "OpenAI";
        var what = provider == "AzureOpenAI" ? "the deployment name of your Azure OpenAI embedding model" : "an embedding model such as text-embedding-3-small";
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new BriefBotException($"Embedding:Model is empty. Set it to {what}, or set Embedding:Provider to Hashing.");
        }

        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey.Trim();
        var endpoint = ParseEndpoint(options.Endpoint, provider);
        if (key is null && (provider == "AzureOpenAI" || endpoint is null))
        {
            throw new BriefBotException(
                $"Embedding:ApiKey is empty but {provider} needs one. Set the environment variable Embedding__ApiKey, or set Embedding:Provider to Hashing.");
        }

        return new RemoteEndpoint(provider, options.Model.Trim(), endpoint, key);
    }

    public IEmbeddingGenerator<string, Embedding<float>> CreateGenerator()
    {
        var clientOptions = new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(100) };
        if (BaseUri is not null)
        {
            clientOptions.Endpoint = BaseUri;
        }

        if (IsAzure)
        {
            clientOptions.AddPolicy(new AzureApiKeyPolicy(ApiKey!), PipelinePosition.BeforeTransport);
        }

        var client = new EmbeddingClient(Model, new ApiKeyCredential(ApiKey ?? NoKey), clientOptions);
        return client.AsIEmbeddingGenerator();
    }

    private static Uri? ParseEndpoint(string? endpoint, string provider)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return provider == "AzureOpenAI"
                ? throw new BriefBotException("Embedding:Endpoint is empty. Set it to your Azure OpenAI resource, e.g. https://my-resource.openai.azure.com/.")
                : null;
        }

        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new BriefBotException($"Embedding:Endpoint '{endpoint}' is not an http(s) address. Use e.g. http://localhost:11434/v1 for Ollama.");
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (provider == "AzureOpenAI")
        {
            return path.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase) ? uri : new Uri(uri, path + "/openai/v1/");
        }

        return path.Length == 0 ? new Uri(uri, "/v1/") : uri;
    }

    /// <summary>Azure OpenAI takes the key in <c>api-key</c>; the bearer header the client adds is for Entra tokens.</summary>
    private sealed class AzureApiKeyPolicy(string apiKey) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Prepare(message);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Prepare(message);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }

        private void Prepare(PipelineMessage message)
        {
            message.Request.Headers.Remove("Authorization");
            message.Request.Headers.Set("api-key", apiKey);
        }
    }
}
