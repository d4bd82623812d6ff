namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>How a sentence vector is made from a model's per-token output; it must be the pooling the model was trained with.</summary>
public enum OnnxPooling
{
    /// <summary>The mean of all token vectors (all-MiniLM-L6-v2 and most sentence-transformers models).</summary>
    Mean,

    /// <summary>The vector of the first token, [CLS] (snowflake-arctic-embed, bge).</summary>
    Cls,
}
