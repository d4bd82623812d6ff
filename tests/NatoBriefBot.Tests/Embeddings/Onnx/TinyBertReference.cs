using Microsoft.ML.Tokenizers;
using NatoBriefBot.Core.Embeddings.Onnx;

namespace NatoBriefBot.Tests.Embeddings.Onnx;

/// <summary>
/// The tiny model's sentence vector computed by hand from its weights, independently of ONNX Runtime:
/// h[t] = tanh(word[id_t] + mean(word[ids]) + type[0]), then the mean of h over the tokens (or h of [CLS], the first),
/// scaled to unit length.
/// </summary>
internal static class TinyBertReference
{
    public static float[] Embed(TinyBertModel model, string text, int maxTokens, OnnxPooling pooling = OnnxPooling.Mean)
    {
        var tokenizer = BertTokenizer.Create(Path.Combine(model.Folder, TinyBertModel.VocabFileName));
        var ids = new List<int> { tokenizer.ClassificationTokenId };
        ids.AddRange(tokenizer.EncodeToIds(text, maxTokens - 2, addSpecialTokens: false, out _, out _));
        ids.Add(tokenizer.SeparatorTokenId);

        var h = model.HiddenSize;
        var words = model.WordEmbeddings.Span;
        var types = model.TypeEmbeddings.Span;
        var context = new double[h];
        foreach (var id in ids)
        {
            for (var j = 0; j < h; j++)
            {
                context[j] += words[id * h + j] / (double)ids.Count;
            }
        }

        var pooled = new double[h];
        foreach (var id in pooling == OnnxPooling.Cls ? ids.Take(1) : ids)
        {
            for (var j = 0; j < h; j++)
            {
                var typeTerm = model.Options.TokenTypeIds ? types[j] : 0;
                pooled[j] += Math.Tanh(words[id * h + j] + context[j] + typeTerm);
            }
        }

        var norm = Math.Sqrt(pooled.Sum(x => x * x));
        return [.. pooled.Select(x => (float)(x / norm))];
    }
}
