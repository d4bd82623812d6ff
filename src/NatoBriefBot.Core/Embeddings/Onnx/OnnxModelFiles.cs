namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// The two files of a BERT-family sentence model, read into memory: the ONNX graph and the word-piece vocabulary.
/// </summary>
/// <param name="Name">Short name for profiles and messages, e.g. <c>all-MiniLM-L6-v2</c>.</param>
/// <param name="Location">Where the files came from (a folder or an assembly), for messages.</param>
/// <param name="Model">The bytes of <c>model.onnx</c>.</param>
/// <param name="Vocabulary">The bytes of <c>vocab.txt</c>, one token per line.</param>
/// <param name="LowerCase">Whether the tokenizer lower-cases (and strips accents) first; null: decide from the vocabulary.</param>
internal sealed record OnnxModelFiles(string Name, string Location, byte[] Model, byte[] Vocabulary, bool? LowerCase)
{
    /// <summary>The same model with its weight matrices quantized to int8 (<see cref="OnnxInt8Quantizer"/>); its name gets
    /// <c>-int8</c>, since its vectors differ slightly from the float model's.</summary>
    public OnnxModelFiles Int8()
    {
        var (model, quantized) = OnnxInt8Quantizer.Quantize(Model);
        return quantized == 0 ? this : this with { Name = Name + "-int8", Model = model };
    }
}
