using Microsoft.Extensions.AI;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Embeddings.Onnx;

namespace NatoBriefBot.Tests.Embeddings.Onnx;

public class OnnxBertEmbedderErrorTests(TinyBertFixture fixture) : IClassFixture<TinyBertFixture>
{
    [Fact]
    public void Create_NoModelNameAndNoPath_TellsWhatToSet()
    {
        var options = new EmbeddingOptions { Provider = "Onnx", OnnxModel = "", OnnxModelPath = "" };

        var error = Assert.Throws<BriefBotException>(() => OnnxBertEmbedder.Create(options, fixture.Root));

        Assert.Contains("Embedding:OnnxModel and Embedding:OnnxModelPath are both empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("arctic-xs", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embedding:Provider to Hashing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownBuiltInModel_ListsTheBuiltInOnes()
    {
        var options = new EmbeddingOptions { Provider = "Onnx", OnnxModel = "gte-huge" };

        var error = Assert.Throws<BriefBotException>(() => OnnxBertEmbedder.Create(options, fixture.Root));

        Assert.Contains("Embedding:OnnxModel 'gte-huge' is not a built-in model. Use one of: arctic-xs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingFolder_NamesFolderAndRemedy()
    {
        var missing = Path.Combine(fixture.Root, "no-such-model");

        var error = Assert.Throws<BriefBotException>(() => new OnnxBertEmbedder(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("all-MiniLM-L6-v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FolderWithoutModel_SaysModelIsMissing()
    {
        var folder = fixture.NewFolder("no-model");
        File.Copy(Path.Combine(fixture.Model.Folder, "vocab.txt"), Path.Combine(folder, "vocab.txt"));

        var error = Assert.Throws<BriefBotException>(() => new OnnxBertEmbedder(folder));

        Assert.Contains("has no model.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embedding:Provider to Hashing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FolderWithoutVocab_SaysVocabIsMissing()
    {
        var folder = fixture.NewFolder("no-vocab");
        File.Copy(Path.Combine(fixture.Model.Folder, "model.onnx"), Path.Combine(folder, "model.onnx"));

        var error = Assert.Throws<BriefBotException>(() => new OnnxBertEmbedder(folder));

        Assert.Contains("has no vocab.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_ModelInOnnxSubfolder_IsFound()
    {
        var folder = fixture.NewFolder("hub-layout");
        Directory.CreateDirectory(Path.Combine(folder, "onnx"));
        File.Copy(Path.Combine(fixture.Model.Folder, "model.onnx"), Path.Combine(folder, "onnx", "model.onnx"));
        File.Copy(Path.Combine(fixture.Model.Folder, "vocab.txt"), Path.Combine(folder, "vocab.txt"));
        using var embedder = new OnnxBertEmbedder(folder);

        var vector = await embedder.GenerateVectorAsync("NATO");

        Assert.Equal(fixture.Model.HiddenSize, vector.Length);
    }

    [Fact]
    public void Constructor_CorruptModelFile_SaysItCouldNotBeLoaded()
    {
        var folder = fixture.NewFolder("corrupt");
        File.WriteAllText(Path.Combine(folder, "model.onnx"), "<html>404 Not Found</html>");
        File.Copy(Path.Combine(fixture.Model.Folder, "vocab.txt"), Path.Combine(folder, "vocab.txt"));

        var error = Assert.Throws<BriefBotException>(() => new OnnxBertEmbedder(folder));

        Assert.Contains("could not be loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ImageModel_SaysInputsDoNotFit()
    {
        var folder = fixture.NewFolder("image-model");
        File.Copy(Path.Combine(fixture.Model.Folder, "vocab.txt"), Path.Combine(folder, "vocab.txt"));
        WriteIdentityModel(Path.Combine(folder, "model.onnx"), "pixel_values", OnnxProtoWriter.FloatType, ["batch", 3, 224, 224]);

        var error = Assert.Throws<BriefBotException>(() => new OnnxBertEmbedder(folder));

        Assert.Contains("has no input_ids input (it has pixel_values)", error.Message, StringComparison.Ordinal);
        Assert.Contains("last_hidden_state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PooledOutputOnly_SaysOutputDoesNotFit()
    {
        var folder = fixture.NewFolder("pooled-model");
        File.Copy(Path.Combine(fixture.Model.Folder, "vocab.txt"), Path.Combine(folder, "vocab.txt"));
        WriteIdentityModel(Path.Combine(folder, "model.onnx"), "input_ids", OnnxProtoWriter.Int64Type, ["batch", "sequence"]);

        var error = Assert.Throws<BriefBotException>(() => new OnnxBertEmbedder(folder));

        Assert.Contains("declares output 'out' as Int64 [?, ?], not float [batch, sequence, hidden]", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A one-node model (Identity) with a single input and an output of the same type and shape.</summary>
    private static void WriteIdentityModel(string path, string input, int elementType, object[] dims)
    {
        var graph = OnnxProtoWriter.Graph(
            "identity",
            [OnnxProtoWriter.Node("Identity", [input], ["out"])],
            [],
            [OnnxProtoWriter.ValueInfo(input, elementType, dims)],
            [OnnxProtoWriter.ValueInfo("out", elementType, dims)]);
        File.WriteAllBytes(path, OnnxProtoWriter.Model(graph, 13, "test"));
    }
}
