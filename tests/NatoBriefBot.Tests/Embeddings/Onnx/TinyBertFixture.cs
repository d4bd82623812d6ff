using NatoBriefBot.Core.Embeddings.Onnx;

namespace NatoBriefBot.Tests.Embeddings.Onnx;

/// <summary>Writes the tiny BERT model into a fresh temp folder once per test class and removes it afterwards.</summary>
public sealed class TinyBertFixture : IDisposable
{
    public TinyBertFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "natobriefbot-onnx-" + Guid.NewGuid().ToString("N"));
        Model = TinyBertModel.Write(Path.Combine(Root, "tiny-bert"));
    }

    public string Root { get; }

    public TinyBertModel Model { get; }

    /// <summary>A new folder under this fixture's temp root, for variants of the model.</summary>
    public string NewFolder(string name)
    {
        var folder = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
