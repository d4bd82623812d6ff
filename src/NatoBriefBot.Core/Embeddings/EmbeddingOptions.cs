using System.ComponentModel.DataAnnotations;

namespace NatoBriefBot.Core.Embeddings;

/// <summary>Which embedder turns passages into vectors. Section <c>Embedding</c>.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embedding";

    /// <summary><c>Onnx</c> (default: a local neural sentence encoder, built-in or from a folder), <c>Hashing</c> (lexical
    /// feature hashing, no model), <c>OpenAI</c> or <c>AzureOpenAI</c> (through Semantic Kernel).</summary>
    [Required]
    [RegularExpression("^(?i)(Hashing|Onnx|OpenAI|AzureOpenAI)$", ErrorMessage = "Embedding:Provider must be Hashing, Onnx, OpenAI or AzureOpenAI.")]
    public string Provider { get; set; } = "Onnx";

    /// <summary>Vector size of the hashing embedder.</summary>
    [Range(64, 8192)]
    public int HashingDimensions { get; set; } = 512;

    /// <summary>Built-in ONNX model (<c>arctic-xs</c>: snowflake-arctic-embed-xs, shipped with the build); used when
    /// <see cref="OnnxModelPath"/> is empty.</summary>
    public string? OnnxModel { get; set; } = Onnx.BuiltInOnnxModel.ArcticXs.Name;

    /// <summary>A second built-in sentence encoder (<c>minilm</c>: all-MiniLM-L6-v2, shipped with the build) whose
    /// sentence vectors the answer model reads next to the main embedder's: two encoders trained on different data
    /// disagree on different paraphrases. Empty turns it off (the answer model then reads 0 for it; retrain to match).</summary>
    public string? SecondOpinion { get; set; } = Onnx.BuiltInOnnxModel.MiniLm.Name;

    /// <summary>Memory, in megabytes, for the word-piece vectors by the second encoder of the sentences most recently
    /// weighed as answers (about 45 KB a sentence: the default holds about 4,400), so a sentence is encoded word by word
    /// once, not at every question; the least recently used go first.</summary>
    [Range(1, 100_000)]
    public int TokenCacheMegabytes { get; set; } = 200;

    /// <summary>When the bot starts, fill that memory with the indexed sentences (newest briefings first, up to three
    /// quarters of it) in the background, so the first questions are as quick as later ones.</summary>
    public bool WarmTokenCache { get; set; } = true;

    /// <summary>Folder holding <c>model.onnx</c> and <c>vocab.txt</c> (all-MiniLM-L6-v2 layout); when set, it is used instead of <see cref="OnnxModel"/>.</summary>
    public string? OnnxModelPath { get; set; }

    /// <summary><c>Mean</c> or <c>Cls</c>: the pooling the model was trained with. Empty: the built-in model's own, Mean for a folder.</summary>
    [RegularExpression("^(?i)(Mean|Cls)?$", ErrorMessage = "Embedding:OnnxPooling must be Mean, Cls or empty.")]
    public string? OnnxPooling { get; set; }

    /// <summary>Text put before search queries (not passages). Unset: the built-in model's own, none for a folder.</summary>
    public string? OnnxQueryPrefix { get; set; }

    /// <summary>Quantize the model's weight matrices to int8 when it loads: about twice as fast on CPUs, vectors keep a cosine of about
    /// 0.998 with the float model's. Unset: on for a built-in model, off for a folder.</summary>
    public bool? OnnxInt8 { get; set; }

    /// <summary>Largest input, in model tokens, the ONNX model accepts.</summary>
    [Range(8, 8192)]
    public int OnnxMaxTokens { get; set; } = 256;

    /// <summary>Most texts per ONNX inference call.</summary>
    [Range(1, 1024)]
    public int OnnxBatchSize { get; set; } = 32;

    /// <summary>Most padded tokens (texts times the longest of them) per ONNX inference call; a longer text runs alone.
    /// 1 (default): every text alone, so with int8 weights its vector does not depend on the texts embedded with it; on a
    /// CPU that costs 5–10% against the fastest budget (about 256) and is twice as fast as 32 passages per call.</summary>
    [Range(1, 1_048_576)]
    public int OnnxBatchTokens { get; set; } = Onnx.OnnxBertEmbedder.DefaultBatchTokens;

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
