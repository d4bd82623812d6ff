using System.Text.Json;

namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// A sentence-embedding model folder in the all-MiniLM-L6-v2 layout: <c>model.onnx</c> (or <c>onnx/model.onnx</c>,
/// as on the model's hub page) and <c>vocab.txt</c>, optionally <c>tokenizer_config.json</c> for <c>do_lower_case</c>
/// (without it, the vocabulary decides).
/// </summary>
internal sealed record OnnxModelFolder(string Folder, string ModelPath, string VocabPath, bool? LowerCase)
{
    private const string Setting = "Embedding:OnnxModelPath";
    private const string Remedy = "download all-MiniLM-L6-v2 (model.onnx and vocab.txt) into it, or set Embedding:Provider to Hashing";

    /// <summary>The folder's name, e.g. <c>all-MiniLM-L6-v2</c>.</summary>
    public string Name => new DirectoryInfo(Folder).Name;

    public static OnnxModelFolder Open(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new BriefBotException($"{Setting} is empty. Set it to a folder with model.onnx and vocab.txt ({Remedy}).");
        }

        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(folder))
        {
            throw new BriefBotException($"{Setting} '{folder}' does not exist. Create it and {Remedy}.");
        }

        var model = new[] { Path.Combine(folder, "model.onnx"), Path.Combine(folder, "onnx", "model.onnx") }.FirstOrDefault(File.Exists)
            ?? throw new BriefBotException($"{Setting} '{folder}' has no model.onnx; {Remedy}.");
        var vocab = Path.Combine(folder, "vocab.txt");
        if (!File.Exists(vocab))
        {
            throw new BriefBotException($"{Setting} '{folder}' has no vocab.txt next to model.onnx; {Remedy}.");
        }

        return new OnnxModelFolder(folder, model, vocab, ReadLowerCase(folder));
    }

    /// <summary>Reads both files into memory.</summary>
    public OnnxModelFiles Read()
    {
        try
        {
            return new OnnxModelFiles(Name, Folder, File.ReadAllBytes(ModelPath), File.ReadAllBytes(VocabPath), LowerCase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BriefBotException($"{Setting} '{Folder}': the model files could not be read ({e.Message}).", e);
        }
    }

    private static bool? ReadLowerCase(string folder)
    {
        var config = Path.Combine(folder, "tokenizer_config.json");
        if (!File.Exists(config))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(config));
            return document.RootElement.TryGetProperty("do_lower_case", out var lower) && lower.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? lower.ValueKind == JsonValueKind.True
                : null;
        }
        catch (JsonException e)
        {
            throw new BriefBotException($"{Setting} '{folder}': tokenizer_config.json is not valid JSON ({e.Message}). Fix or delete it.", e);
        }
    }
}
