namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// The two files of a BERT-family sentence model, read into memory: the ONNX graph and the word-piece vocabulary.
/// </summary>
/// <param name="Name">Short name for profiles and messages, e.g. <c>all-MiniLM-L6-v2</c>.</param>
/// <param name="Location">Where the files came from (a folder or an assembly), for messages.</param>
/// <param name="Model">The bytes of <c>model.onnx</c>.</param>
/// <param name="Vocabulary">The bytes of <c>vocab.txt</c>, one token per line.</param>
/// <param name="LowerCase">Whether the tokenizer lower-cases (and strips accents) first; null: decide from the vocabulary.</param>
internal sealed record OnnxModelFiles(string Name, string Location, byte[] Model, byte[] Vocabulary, bool? LowerCase);
