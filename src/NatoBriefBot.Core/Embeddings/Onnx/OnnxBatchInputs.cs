using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>The ids the tokenizer puts around and after a text's word pieces.</summary>
internal readonly record struct OnnxSpecialIds(int Classification, int Separator, int Padding);

/// <summary>
/// The int64 [batch, sequence] tensors of one inference call, allocated natively by ONNX Runtime and filled in place:
/// <c>[CLS] pieces [SEP]</c> padded with [PAD], the attention mask (1 for real tokens) and all-zero token types, each only
/// when the model declares it.
/// </summary>
internal sealed class OnnxBatchInputs : IDisposable
{
    private readonly List<OrtValue> _values = new(3);
    private readonly List<string> _names = new(3);

    /// <param name="signature">Which inputs the model declares.</param>
    /// <param name="pieces">Word pieces of every text of the call.</param>
    /// <param name="rows">Which texts form this batch, in row order.</param>
    /// <param name="sequence">Row length: the longest text of the batch plus [CLS] and [SEP].</param>
    /// <param name="special">[CLS], [SEP] and [PAD] ids.</param>
    public OnnxBatchInputs(OnnxModelSignature signature, List<int>[] pieces, ReadOnlySpan<int> rows, int sequence, OnnxSpecialIds special)
    {
        long[] shape = [rows.Length, sequence];
        try
        {
            var ids = Add(OnnxModelSignature.InputIds, shape);
            for (var row = 0; row < rows.Length; row++)
            {
                var line = ids.Slice(row * sequence, sequence);
                var text = CollectionsMarshal.AsSpan(pieces[rows[row]]);
                line[0] = special.Classification;
                for (var column = 0; column < text.Length; column++)
                {
                    line[column + 1] = text[column];
                }

                line[text.Length + 1] = special.Separator;
                line[(text.Length + 2)..].Fill(special.Padding);
            }

            if (signature.TakesAttentionMask)
            {
                var mask = Add(OnnxModelSignature.AttentionMask, shape);
                for (var row = 0; row < rows.Length; row++)
                {
                    var line = mask.Slice(row * sequence, sequence);
                    var length = pieces[rows[row]].Count + 2;
                    line[..length].Fill(1);
                    line[length..].Clear();
                }
            }

            if (signature.TakesTokenTypeIds)
            {
                Add(OnnxModelSignature.TokenTypeIds, shape).Clear();
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

    private Span<long> Add(string name, long[] shape)
    {
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Int64, shape);
        _values.Add(value);
        _names.Add(name);
        return value.GetTensorMutableDataAsSpan<long>();
    }
}
