using System.Numerics.Tensors;
using System.Text;
using Microsoft.Extensions.AI;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Embeddings.Onnx;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Embeddings.Onnx;

/// <summary>The shipped snowflake-arctic-embed-xs model: read out of its NuGet assembly and run for real.</summary>
public class BuiltInOnnxModelTests
{
    private static readonly BuiltInOnnxModel Arctic = BuiltInOnnxModel.ArcticXs;

    [Fact]
    public void Read_ShippedAssembly_YieldsOnnxGraphAndUncasedVocabulary()
    {
        var files = Arctic.Read();

        Assert.True(files.Model.Length > 80_000_000, $"model.onnx has {files.Model.Length} bytes");
        var vocabulary = Encoding.UTF8.GetString(files.Vocabulary).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(30522, vocabulary.Length);
        Assert.Contains("[CLS]", vocabulary);
        Assert.True(OnnxSentenceModel.IsUncased(files.Vocabulary));
    }

    [Fact]
    public void Shared_ShippedModel_LoadsAsBertEncoderWith384Dimensions()
    {
        var model = Arctic.Shared(int8: false);

        Assert.Equal(384, model.Dimensions);
        Assert.True(model.Signature.TakesAttentionMask);
        Assert.True(model.Signature.TakesTokenTypeIds);
        Assert.Equal("last_hidden_state", model.Signature.OutputName);
    }

    [Fact]
    public void Create_DefaultOptions_IsArcticWithClsPoolingAndQueryPrefix()
    {
        using var embedder = OnnxBertEmbedder.Create(new EmbeddingOptions(), TestEngine.Root);

        Assert.Equal(new EmbedderProfile("onnx:snowflake-arctic-embed-xs-int8:cls", 384, 254), embedder.Profile);
        Assert.Equal(OnnxPooling.Cls, embedder.Pooling);
        Assert.Equal("Represent this sentence for searching relevant passages: ", embedder.QueryPrefix);
    }

    [Fact]
    public async Task GenerateAsync_QuestionAndItsAnswer_CloserThanUnrelatedText()
    {
        using var embedder = OnnxBertEmbedder.BuiltIn(Arctic);

        var question = await embedder.GenerateQueryVectorAsync("Who leads the alliance?");
        var passages = await embedder.GenerateAsync(["Mark Rutte became NATO Secretary General in October 2024.", "The football transfer deadline passed on Friday."]);

        var answer = TensorPrimitives.CosineSimilarity(question.Span, passages[0].Vector.Span);
        var unrelated = TensorPrimitives.CosineSimilarity(question.Span, passages[1].Vector.Span);
        Assert.True(answer > unrelated + 0.05f, $"answer {answer:0.000}, unrelated {unrelated:0.000}");
    }

    [Fact]
    public async Task GenerateAsync_Paraphrases_CloserThanUnrelatedPair()
    {
        using var embedder = OnnxBertEmbedder.BuiltIn(Arctic);

        var vectors = await embedder.GenerateAsync([
            "Allies agreed to spend more on defence.", "NATO members decided to raise their military budgets.", "The football transfer deadline passed on Friday."]);

        var paraphrase = TensorPrimitives.CosineSimilarity(vectors[0].Vector.Span, vectors[1].Vector.Span);
        var unrelated = TensorPrimitives.CosineSimilarity(vectors[0].Vector.Span, vectors[2].Vector.Span);
        Assert.True(paraphrase > unrelated + 0.05f, $"paraphrase {paraphrase:0.000}, unrelated {unrelated:0.000}");
    }

    [Fact]
    public async Task GenerateAsync_Query_DiffersFromSameTextAsPassage()
    {
        using var embedder = OnnxBertEmbedder.BuiltIn(Arctic);

        var query = await embedder.GenerateQueryVectorAsync("NATO defence ministers");
        var passage = await embedder.GenerateVectorAsync("NATO defence ministers");
        var alsoPassage = await embedder.GenerateVectorAsync("nato DEFENCE ministers");

        Assert.True(TensorPrimitives.CosineSimilarity(query.Span, passage.Span) < 0.99f);
        Assert.Equal(passage.ToArray(), alsoPassage.ToArray());
    }

    [Fact]
    public async Task Int8_DefaultTokenBudget_EachVectorSameAsItsTextEmbeddedAlone()
    {
        using var embedder = OnnxBertEmbedder.BuiltIn(Arctic, int8: true);
        string[] texts =
        [
            "Allies pledged more ammunition.",
            "NATO defence ministers agreed new regional plans to strengthen deterrence on the eastern flank, and allies pledged more ammunition production and air defence for Kyiv during the Brussels meeting in June.",
            "Finland joined the alliance in April 2023.",
        ];

        var together = await embedder.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = await embedder.GenerateVectorAsync(texts[i]);
            Assert.Equal(alone.ToArray(), together[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task Int8_SeedPassagesAndQuestions_CosineToFloatModelAbove0995()
    {
        using var int8 = OnnxBertEmbedder.BuiltIn(Arctic, int8: true);
        using var float32 = OnnxBertEmbedder.BuiltIn(Arctic, int8: false);
        var passages = Directory.GetFiles(TestEngine.SeedsFolder).SelectMany(f => File.ReadAllText(f).Split("\n\n")).Where(p => p.Length > 40).Take(40).ToList();
        var questions = Benchmarks.BenchCommand.Questions;

        var cosines = new List<float>();
        foreach (var (a, b) in (await int8.GenerateAsync(passages)).Zip(await float32.GenerateAsync(passages)))
        {
            cosines.Add(TensorPrimitives.CosineSimilarity(a.Vector.Span, b.Vector.Span));
        }

        foreach (var q in questions)
        {
            var quantized = await int8.GenerateQueryVectorAsync(q);
            var exact = await float32.GenerateQueryVectorAsync(q);
            cosines.Add(TensorPrimitives.CosineSimilarity(quantized.Span, exact.Span));
        }

        Assert.True(cosines.Min() > 0.995f, $"min {cosines.Min():0.0000} mean {cosines.Average():0.0000}");
        Assert.NotEqual(int8.Profile.Name, float32.Profile.Name);
    }

    [Fact]
    public async Task BuiltIn_TwoEmbedders_ShareOneModelAndOutliveEachOther()
    {
        var first = OnnxBertEmbedder.BuiltIn(Arctic);
        using var second = OnnxBertEmbedder.BuiltIn(Arctic);
        var before = await second.GenerateVectorAsync("Brussels");

        first.Dispose();

        Assert.Equal(before.ToArray(), (await second.GenerateVectorAsync("Brussels")).ToArray());
        Assert.Same(Arctic.Shared(int8: true), Arctic.Shared(int8: true));
    }

    [Fact]
    public void Read_AssemblyWithoutTheResource_SaysWhichIsMissing()
    {
        var core = typeof(BriefBotException).Assembly.Location;

        var error = Assert.Throws<BriefBotException>(() => EmbeddedModelResources.Read(core, "model.onnx"));

        Assert.Contains("has no embedded resource 'model.onnx'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAnAssembly_SaysItCannotBeRead()
    {
        using var folder = new TempFolder();
        var path = folder.Write("fake.dll", "<html>404 Not Found</html>");

        var error = Assert.Throws<BriefBotException>(() => EmbeddedModelResources.Read(path, "model.onnx"));

        Assert.Contains("could not be read as a .NET assembly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_SaysToBuildAgain()
    {
        var error = Assert.Throws<BriefBotException>(() => EmbeddedModelResources.Read("/no/such/Model.dll", "model.onnx"));

        Assert.Contains("is missing. Build the project again", error.Message, StringComparison.Ordinal);
    }
}
