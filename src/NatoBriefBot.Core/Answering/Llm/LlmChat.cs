using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using Azure.AI.OpenAI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace NatoBriefBot.Core.Answering.Llm;

/// <summary>
/// One chat-completion call through Semantic Kernel's <see cref="IChatCompletionService"/>: system and user message in,
/// the reply text out, plain or streamed, bounded by <see cref="LlmOptions.TimeoutSeconds"/>. Every failure other than the
/// caller's own cancellation becomes <see cref="LlmUnavailableException"/>, whose message never holds the API key.
/// </summary>
public sealed class LlmChat
{
    /// <summary>Sent to servers that take no key (Ollama and friends), because the client insists on one.</summary>
    private const string NoKey = "no-key";

    private readonly IChatCompletionService _service;
    private readonly LlmOptions _options;
    private readonly ILogger _logger;

    public LlmChat(IChatCompletionService service, LlmOptions options, ILogger<LlmChat>? logger = null)
    {
        _service = service ?? throw new ArgumentNullException(nameof(service));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? NullLogger<LlmChat>.Instance;
    }

    /// <summary>Where calls go, for logs and messages; never includes the key.</summary>
    public string Describe() => _options.ToString();

    /// <summary>Builds the Semantic Kernel chat service for <c>Llm:Provider</c>, without retries (a failed call falls back at once).</summary>
    /// <exception cref="BriefBotException">The settings are incomplete; the message names the setting.</exception>
    public static LlmChat Create(LlmOptions options, ILoggerFactory? loggerFactory = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = LlmOptionsValidator.Problems(options).ToList();
        if (options.Kind == LlmProvider.None)
        {
            problems.Insert(0, "Llm:Provider is None, so there is no language model to call.");
        }

        if (problems.Count > 0)
        {
            throw new BriefBotException(string.Join(" ", problems));
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        var transport = new HttpClientPipelineTransport(httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
        var retry = new ClientRetryPolicy(maxRetries: 0);
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 1);
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey.Trim();
        IChatCompletionService service;
        if (options.Kind == LlmProvider.AzureOpenAI)
        {
            var clientOptions = new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = retry, NetworkTimeout = timeout };
            var client = new AzureOpenAIClient(new Uri(options.Endpoint!.Trim()), new ApiKeyCredential(key), clientOptions);
            service = new AzureOpenAIChatCompletionService(options.ModelOrDeployment, client, loggerFactory: loggerFactory);
        }
        else
        {
            var clientOptions = new OpenAIClientOptions { Transport = transport, RetryPolicy = retry, NetworkTimeout = timeout };
            if (!string.IsNullOrWhiteSpace(options.Endpoint))
            {
                clientOptions.Endpoint = BaseAddress(options.Endpoint);
            }

            if (key == NoKey)
            {
                clientOptions.AddPolicy(new NoKeyPolicy(), PipelinePosition.BeforeTransport);
            }

            var client = new OpenAIClient(new ApiKeyCredential(key), clientOptions);
            service = new OpenAIChatCompletionService(options.ModelOrDeployment, client, loggerFactory);
        }

        return new LlmChat(service, options, loggerFactory.CreateLogger<LlmChat>());
    }

    /// <summary>Sends the prompt and returns the reply text (possibly empty).</summary>
    /// <exception cref="LlmUnavailableException">The call failed or took longer than the configured timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<string> CompleteAsync(RenderedPrompt prompt, CancellationToken cancellationToken = default) =>
        CompleteAsync(prompt, onText: null, cancellationToken);

    /// <summary>As <see cref="CompleteAsync(RenderedPrompt, CancellationToken)"/>; with <paramref name="onText"/> the reply is
    /// always streamed (whatever <see cref="LlmOptions.Stream"/> says) and <paramref name="onText"/> gets the text so far
    /// after every chunk.</summary>
    public async Task<string> CompleteAsync(RenderedPrompt prompt, Action<string>? onText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var history = new ChatHistory();
        if (prompt.System.Length > 0)
        {
            history.AddSystemMessage(prompt.System);
        }

        history.AddUserMessage(prompt.User);
        var settings = new OpenAIPromptExecutionSettings { Temperature = _options.Temperature };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            if (!_options.Stream && onText is null)
            {
                var reply = await _service.GetChatMessageContentAsync(history, settings, kernel: null, deadline.Token).ConfigureAwait(false);
                return reply.Content ?? string.Empty;
            }

            var text = new StringBuilder();
            await foreach (var chunk in _service.GetStreamingChatMessageContentsAsync(history, settings, kernel: null, deadline.Token).ConfigureAwait(false))
            {
                if (!string.IsNullOrEmpty(chunk.Content))
                {
                    text.Append(chunk.Content);
                    onText?.Invoke(text.ToString());
                }
            }

            return text.ToString();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException || (ex is TimeoutException && deadline.IsCancellationRequested))
        {
            _logger.LogWarning("The language model ({Target}) did not answer within {Seconds} s.", Describe(), _options.TimeoutSeconds);
            throw new LlmUnavailableException($"The language model did not answer within {_options.TimeoutSeconds} seconds.", ex);
        }
        catch (HttpOperationException ex)
        {
            _logger.LogWarning("The language model ({Target}) failed with HTTP status {Status}.", Describe(), (int?)ex.StatusCode);
            throw new LlmUnavailableException($"The language model service failed (HTTP {(int?)ex.StatusCode}).", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Connection refused, a reply the SDK can't parse, a gateway's HTML page: all mean "answer offline".
            _logger.LogWarning("The language model ({Target}) could not be used: {Error}.", Describe(), ex.GetType().Name);
            throw new LlmUnavailableException("The language model service could not be reached or sent an unreadable reply.", ex);
        }
    }

    /// <summary>An OpenAI-compatible base address; a bare host (http://localhost:11434) gets the usual <c>/v1/</c>.</summary>
    private static Uri BaseAddress(string endpoint)
    {
        var uri = new Uri(endpoint.Trim());
        var path = uri.AbsolutePath.TrimEnd('/');
        return path.Length == 0 ? new Uri(uri, "/v1/") : new Uri(uri, path + "/");
    }

    /// <summary>A keyless local server gets no Authorization header rather than a made-up key.</summary>
    private sealed class NoKeyPolicy : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Remove("Authorization");
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Remove("Authorization");
            return ProcessNextAsync(message, pipeline, currentIndex);
        }
    }
}
