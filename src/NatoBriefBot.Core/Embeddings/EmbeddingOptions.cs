using System.ComponentModel.DataAnnotations;

namespace NatoBriefBot.Core.Embeddings;

/// <summary>Which embedder turns passages into vectors. Section <c>Embedding</c>.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embedding";

    /// <summary><c>Hashing</c> (offline default, no model), <c>Onnx</c> (a BERT-family model folder),
    /// <c>OpenAI</c> or <c>AzureOpenAI</c> (through Semantic Kernel).</summary>
    [Required]
    [RegularExpression("^(?i)(Hashing|Onnx|OpenAI|AzureOpenAI)$", ErrorMessage = "Embedding:Provider must be Hashing, Onnx, OpenAI or AzureOpenAI.")]
    public string Provider { get; set; } = "Hashing";

    /// <summary>Vector size of the hashing embedder.</summary>
    [Range(64, 8192)]
    public int HashingDimensions { get; set; } = 512;

    /// <summary>Folder holding <c>model.onnx</c> and <c>vocab.txt</c> (all-MiniLM-L6-v2 layout).</summary>
    public string? OnnxModelPath { get; set; }

    /// <summary>Largest input, in model tokens, the ONNX model accepts.</summary>
    [Range(8, 8192)]
    public int OnnxMaxTokens { get; set; } = 256;

    /// <summary>Passages per ONNX inference call.</summary>
    [Range(1, 1024)]
    public int OnnxBatchSize { get; set; } = 32;

    /// <summary>Model (OpenAI) or deployment (Azure OpenAI) name.</summary>
    public string? Model { get; set; }

    /// <summary>Endpoint for Azure OpenAI or an OpenAI-compatible server; empty means api.openai.com.</summary>
    public string? Endpoint { get; set; }

    /// <summary>API key; prefer the environment variable <c>Embedding__ApiKey</c> over writing it here.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest input, in tokens, the remote model accepts.</summary>
    [Range(8, 65536)]
    public int RemoteMaxTokens { get; set; } = 8191;
}
