using System.ComponentModel.DataAnnotations;

namespace NatoBriefBot.Core.Answering.Llm;

/// <summary>Which chat model, if any, writes answers. <see cref="None"/> keeps the bot fully offline.</summary>
public enum LlmProvider
{
    None,
    OpenAI,
    AzureOpenAI,
    OpenAICompatible,
}

/// <summary>
/// The LLM answering settings. Section <c>Llm</c>. With <c>Provider</c> <c>None</c> (the default) nothing here is used
/// and the offline composer answers. Cross-field rules live in <see cref="LlmOptionsValidator"/>.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary><c>None</c>, <c>OpenAI</c>, <c>AzureOpenAI</c> or <c>OpenAICompatible</c> (Ollama, vLLM, LM Studio).</summary>
    [Required]
    [RegularExpression("^(?i)(None|OpenAI|AzureOpenAI|OpenAICompatible)$",
        ErrorMessage = "Llm:Provider must be None, OpenAI, AzureOpenAI or OpenAICompatible.")]
    public string Provider { get; set; } = nameof(LlmProvider.None);

    /// <summary>Chat model name, e.g. <c>gpt-4o-mini</c> or <c>llama3.1</c>; for Azure the deployment name if <see cref="Deployment"/> is empty.</summary>
    public string? Model { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>Azure OpenAI resource address, or the base address of an OpenAI-compatible server (e.g. <c>http://localhost:11434/v1</c>).</summary>
    public string? Endpoint { get; set; }

    /// <summary>API key; prefer the environment variable <c>Llm__ApiKey</c>. May be empty for a local OpenAI-compatible server.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Token budget (cl100k tokens) for the passages put in the prompt; passages are added best first until it is spent.</summary>
    [Range(100, 1_000_000)]
    public int MaxContextTokens { get; set; } = 3000;

    [Range(0.0, 2.0)]
    public double Temperature { get; set; }

    /// <summary>Read the reply as a server-sent event stream instead of one JSON body.</summary>
    public bool Stream { get; set; }

    /// <summary>How long one model call may take before the offline composer answers instead.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Share of a sentence's content words that a cited passage must contain for the citation to stand.</summary>
    [Range(0.0, 1.0)]
    public double SupportThreshold { get; set; } = 0.5;

    /// <summary>Log question and reply text (never the API key). Off by default.</summary>
    public bool LogSensitiveData { get; set; }

    /// <summary><see cref="Provider"/> as an enum; <see cref="LlmProvider.None"/> when it is not a known name.</summary>
    public LlmProvider Kind => Enum.TryParse<LlmProvider>(Provider, ignoreCase: true, out var kind) ? kind : LlmProvider.None;

    /// <summary>The name the service is called with: the deployment for Azure (falling back to <see cref="Model"/>), else the model.</summary>
    public string ModelOrDeployment =>
        (Kind == LlmProvider.AzureOpenAI && !string.IsNullOrWhiteSpace(Deployment) ? Deployment : Model)?.Trim() ?? string.Empty;

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"{Kind} {ModelOrDeployment} at {(string.IsNullOrWhiteSpace(Endpoint) ? "default endpoint" : Endpoint)}";
}
