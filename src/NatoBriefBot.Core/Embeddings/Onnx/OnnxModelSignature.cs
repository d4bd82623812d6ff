using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// What a BERT-family model declares: which of <c>input_ids</c>, <c>attention_mask</c> and <c>token_type_ids</c> it
/// takes (int64 [batch, sequence]) and which float [batch, sequence, hidden] output holds the token vectors.
/// </summary>
internal sealed record OnnxModelSignature(IReadOnlyList<string> InputNames, string OutputName, int? HiddenSize)
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";
    private const string PreferredOutput = "last_hidden_state";

    public bool TakesAttentionMask => InputNames.Contains(AttentionMask);

    public bool TakesTokenTypeIds => InputNames.Contains(TokenTypeIds);

    public static OnnxModelSignature Read(InferenceSession session, string modelPath)
    {
        string Problem(string what) =>
            $"The ONNX model '{modelPath}' {what}. Embedding:Provider Onnx needs a BERT-family sentence-embedding model " +
            "such as all-MiniLM-L6-v2 (inputs input_ids, attention_mask, token_type_ids; output last_hidden_state).";

        var inputs = session.InputMetadata;
        if (!inputs.ContainsKey(InputIds))
        {
            throw new BriefBotException(Problem($"has no input_ids input (it has {Describe(inputs.Keys)})"));
        }

        foreach (var (name, meta) in inputs)
        {
            if (name is not (InputIds or AttentionMask or TokenTypeIds))
            {
                throw new BriefBotException(Problem($"needs an input this embedder cannot fill: '{name}'"));
            }

            if (!meta.IsTensor || meta.ElementDataType != TensorElementType.Int64 || meta.Dimensions.Length != 2)
            {
                throw new BriefBotException(Problem($"declares input '{name}' as {DescribeType(meta)}, not int64 [batch, sequence]"));
            }
        }

        var outputs = session.OutputMetadata;
        if (outputs.Count == 0)
        {
            throw new BriefBotException(Problem("has no outputs"));
        }

        var output = outputs.ContainsKey(PreferredOutput) ? PreferredOutput : outputs.Keys.First();
        var outputMeta = outputs[output];
        if (!outputMeta.IsTensor || outputMeta.ElementDataType != TensorElementType.Float || outputMeta.Dimensions.Length != 3)
        {
            throw new BriefBotException(Problem($"declares output '{output}' as {DescribeType(outputMeta)}, not float [batch, sequence, hidden]"));
        }

        var hidden = outputMeta.Dimensions[2];
        return new OnnxModelSignature([.. inputs.Keys], output, hidden > 0 ? hidden : null);
    }

    private static string Describe(IEnumerable<string> names) =>
        names.Any() ? string.Join(", ", names) : "none";

    private static string DescribeType(NodeMetadata meta) =>
        meta.IsTensor
            ? $"{meta.ElementDataType} [{string.Join(", ", meta.Dimensions.Select(d => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?"))}]"
            : meta.OnnxValueType.ToString();
}
