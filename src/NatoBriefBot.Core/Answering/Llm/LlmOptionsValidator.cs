using Microsoft.Extensions.Options;

namespace NatoBriefBot.Core.Answering.Llm;

/// <summary>The <c>Llm</c> rules that span several settings; each message names the setting to fix.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with <paramref name="options"/>, in plain words; empty when they can be used.</summary>
    public static IEnumerable<string> Problems(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kind = options.Kind;
        if (kind == LlmProvider.None)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(options.ModelOrDeployment))
        {
            yield return kind == LlmProvider.AzureOpenAI
                ? "Llm:Deployment is empty. Set it to the deployment name of your Azure OpenAI chat model, or set Llm:Provider to None."
                : "Llm:Model is empty. Set it to a chat model name (e.g. gpt-4o-mini, or llama3.1 for Ollama), or set Llm:Provider to None.";
        }

        var needsEndpoint = kind is LlmProvider.AzureOpenAI or LlmProvider.OpenAICompatible;
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            if (needsEndpoint)
            {
                yield return kind == LlmProvider.AzureOpenAI
                    ? "Llm:Endpoint is empty. Set it to your Azure OpenAI resource, e.g. https://my-resource.openai.azure.com/."
                    : "Llm:Endpoint is empty. Set it to the server's OpenAI-compatible base address, e.g. http://localhost:11434/v1 for Ollama.";
            }
        }
        else if (!Uri.TryCreate(options.Endpoint.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"Llm:Endpoint '{options.Endpoint}' is not an http(s) address. Use e.g. http://localhost:11434/v1 for Ollama.";
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey) && kind != LlmProvider.OpenAICompatible)
        {
            yield return $"Llm:ApiKey is empty but {kind} needs one. Set the environment variable Llm__ApiKey, or set Llm:Provider to None.";
        }
    }
}
