using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// The int64 [batch, sequence] tensors of one inference call, allocated natively by ONNX Runtime and filled in place:
/// token ids padded with [PAD], the attention mask (1 for real tokens) and all-zero token types, each only when the
/// model declares it.
/// </summary>
internal sealed class OnnxBatchInputs : IDisposable
{
    private readonly List<OrtValue> _values = [];
    private readonly List<string> _names = [];

    public OnnxBatchInputs(OnnxModelSignature signature, int[][] tokens, int sequence, int paddingId)
    {
        long[] shape = [tokens.Length, sequence];
        try
        {
            Fill(Add(OnnxModelSignature.InputIds, shape), tokens, sequence, (ids, column) => ids[column], paddingId);
            if (signature.TakesAttentionMask)
            {
                Fill(Add(OnnxModelSignature.AttentionMask, shape), tokens, sequence, (_, _) => 1, 0);
            }

            if (signature.TakesTokenTypeIds)
            {
                Add(OnnxModelSignature.TokenTypeIds, shape).GetTensorMutableDataAsSpan<long>().Clear();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IReadOnlyCollection<string> Names => _names;

    public IReadOnlyCollection<OrtValue> Values => _values;

    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }

        _values.Clear();
    }

    private OrtValue Add(string name, long[] shape)
    {
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Int64, shape);
        _values.Add(value);
        _names.Add(name);
        return value;
    }

    private static void Fill(OrtValue tensor, int[][] tokens, int sequence, Func<int[], int, long> valueAt, long padding)
    {
        var data = tensor.GetTensorMutableDataAsSpan<long>();
        for (var row = 0; row < tokens.Length; row++)
        {
            var line = data.Slice(row * sequence, sequence);
            var ids = tokens[row];
            for (var column = 0; column < ids.Length; column++)
            {
                line[column] = valueAt(ids, column);
            }

            line[ids.Length..].Fill(padding);
        }
    }
}
