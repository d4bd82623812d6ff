using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Embeddings.Onnx;

namespace NatoBriefBot.Tests.Embeddings.Onnx;

public class OnnxBertEmbedderTests(TinyBertFixture fixture) : IClassFixture<TinyBertFixture>
{
    /// <summary>A token budget no test text reaches, so batches are as large as the batch size.</summary>
    private const int Unlimited = 100_000;

    private const string Briefing = "NATO defence ministers agreed new regional plans to strengthen deterrence on the eastern flank.";

    private static readonly string[] MixedLengths =
    [
        "Ukraine",
        Briefing,
        "Allies pledged more ammunition production and air defence for Kyiv during the Brussels meeting in June.",
        "",
        "Secretary General Stoltenberg said spending of two percent of GDP is a floor, not a ceiling.",
    ];

    [Fact]
    public async Task GenerateAsync_TinyModel_VectorLengthIsHiddenSize()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder);

        var vector = await embedder.GenerateVectorAsync(Briefing);

        Assert.Equal(fixture.Model.HiddenSize, vector.Length);
        Assert.Equal(fixture.Model.HiddenSize, embedder.Profile.Dimensions);
    }

    [Fact]
    public async Task GenerateAsync_AnyText_VectorsHaveUnitLength()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder);

        var embeddings = await embedder.GenerateAsync(MixedLengths);

        Assert.Equal(MixedLengths.Length, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(1f, TensorPrimitives.Norm(e.Vector.Span), 4));
    }

    [Fact]
    public async Task GenerateAsync_BatchWithPadding_EqualsOneAtATime()
    {
        using var batched = new OnnxBertEmbedder(fixture.Model.Folder, batchSize: 4, batchTokens: Unlimited);
        using var single = new OnnxBertEmbedder(fixture.Model.Folder, batchSize: 1);

        var together = await batched.GenerateAsync(MixedLengths);
        var alone = await single.GenerateAsync(MixedLengths);

        for (var i = 0; i < MixedLengths.Length; i++)
        {
            AssertClose(alone[i].Vector.Span, together[i].Vector.Span);
        }
    }

    [Fact]
    public async Task GenerateAsync_MoreTextsThanBatchSizeInMixedLengthOrder_ReturnsVectorsInInputOrder()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder, batchSize: 3, batchTokens: Unlimited);
        string[] texts = [.. MixedLengths, .. MixedLengths.Select(t => t + " Finland and Sweden joined the alliance.").Reverse(), "Kyiv"];

        var embeddings = await embedder.GenerateAsync(texts);

        Assert.Equal(texts.Length, embeddings.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            AssertClose(TinyBertReference.Embed(fixture.Model, texts[i], 256), embeddings[i].Vector.Span);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(100_000)]
    public async Task GenerateAsync_AnyTokenBudget_MatchesReferenceInInputOrder(int batchTokens)
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder, batchSize: 32, batchTokens: batchTokens);
        string[] texts = [.. MixedLengths, .. MixedLengths.Select(t => t + " Finland and Sweden joined the alliance.").Reverse(), "Kyiv"];

        var embeddings = await embedder.GenerateAsync(texts);

        Assert.Equal(texts.Length, embeddings.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            AssertClose(TinyBertReference.Embed(fixture.Model, texts[i], 256), embeddings[i].Vector.Span);
        }
    }

    [Fact]
    public async Task GenerateAsync_RepeatedTexts_EachPositionGetsItsTextsVectorInItsOwnArray()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder, batchSize: 2, batchTokens: Unlimited);
        string[] texts = [Briefing, "Kyiv", Briefing, "", "Kyiv", Briefing];

        var embeddings = await embedder.GenerateAsync(texts);

        Assert.Equal(texts.Length, embeddings.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            AssertClose(TinyBertReference.Embed(fixture.Model, texts[i], 256), embeddings[i].Vector.Span);
        }

        Assert.Equal(embeddings[0].Vector.ToArray(), embeddings[2].Vector.ToArray());
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(embeddings[0].Vector, out var first));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(embeddings[2].Vector, out var again));
        Assert.NotSame(first.Array, again.Array);
    }

    [Fact]
    public void Constructor_TokenBudgetBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxBertEmbedder(fixture.Model.Folder, batchTokens: 0));
    }

    [Fact]
    public void Create_TokenBudgetSetting_ReachesTheEmbedder()
    {
        var options = new EmbeddingOptions { Provider = "Onnx", OnnxModelPath = "tiny-bert", OnnxBatchTokens = 0 };

        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxBertEmbedder.Create(options, fixture.Root));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(256, true)]
    public void EmbeddingOptions_TokenBudget_ValidatedAtLeastOne(int batchTokens, bool valid)
    {
        var options = new EmbeddingOptions { OnnxBatchTokens = batchTokens };

        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.Equal(valid, System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
    }

    [Fact]
    public async Task GenerateAsync_TinyModel_MatchesReferenceMeanPooling()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder, batchSize: 8, batchTokens: Unlimited);

        var embeddings = await embedder.GenerateAsync(MixedLengths);

        for (var i = 0; i < MixedLengths.Length; i++)
        {
            AssertClose(TinyBertReference.Embed(fixture.Model, MixedLengths[i], 256), embeddings[i].Vector.Span);
        }
    }

    [Fact]
    public async Task GenerateAsync_InputLongerThanMaxTokens_IsTruncated()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder, maxTokens: 16);
        var longText = string.Join(' ', Enumerable.Repeat(Briefing, 40));

        var vectors = await embedder.GenerateAsync([longText, longText + " Finland and Sweden joined the alliance."]);

        AssertClose(vectors[0].Vector.Span, vectors[1].Vector.Span);
        AssertClose(TinyBertReference.Embed(fixture.Model, longText, 16), vectors[0].Vector.Span);
        Assert.Equal(14, embedder.Profile.MaxInputTokens);
    }

    [Fact]
    public async Task GenerateAsync_SameAndDifferentTexts_SameTextSameVector()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder);

        var vectors = await embedder.GenerateAsync([Briefing, "Russia launched drone attacks on Ukraine.", Briefing]);

        Assert.Equal(vectors[0].Vector.ToArray(), vectors[2].Vector.ToArray());
        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0].Vector.Span, vectors[1].Vector.Span) < 0.999f);
    }

    [Fact]
    public async Task GenerateAsync_DefaultLowerCasing_IgnoresCase()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder);

        var vectors = await embedder.GenerateAsync(["NATO DEFENCE MINISTERS", "nato defence ministers"]);

        AssertClose(vectors[0].Vector.Span, vectors[1].Vector.Span);
    }

    [Fact]
    public async Task GenerateAsync_TokenizerConfigWithoutLowerCase_KeepsCase()
    {
        var model = TinyBertModel.Write(fixture.NewFolder("cased"));
        await File.WriteAllTextAsync(Path.Combine(model.Folder, "tokenizer_config.json"), """{ "do_lower_case": false }""");
        using var embedder = new OnnxBertEmbedder(model.Folder);

        var vectors = await embedder.GenerateAsync(["NATO DEFENCE MINISTERS", "nato defence ministers"]);

        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0].Vector.Span, vectors[1].Vector.Span) < 0.999f);
    }

    [Theory]
    [InlineData("[PAD]\n[CLS]\nthe\nnato\n##s\nℝ", true)]
    [InlineData("[PAD]\n[CLS]\nthe\nThe\nNATO\n##s", false)]
    public void IsUncased_VocabularyWithOrWithoutCapitalisedWords(string vocabulary, bool uncased)
    {
        Assert.Equal(uncased, OnnxSentenceModel.IsUncased(System.Text.Encoding.UTF8.GetBytes(vocabulary)));
    }

    [Fact]
    public async Task GenerateAsync_ConcurrentCallers_GetSameVectors()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder, batchSize: 2, batchTokens: Unlimited);
        var expected = await embedder.GenerateAsync(MixedLengths);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => embedder.GenerateAsync(MixedLengths))));

        Assert.All(results, r => Assert.Equal(expected.Select(e => e.Vector.ToArray()), r.Select(e => e.Vector.ToArray())));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task GenerateAsync_ModelDeclaringFewerInputs_FeedsOnlyDeclaredInputs(bool tokenTypeIds, bool attentionMask)
    {
        var options = new TinyBertModelOptions { TokenTypeIds = tokenTypeIds, AttentionMask = attentionMask };
        var model = TinyBertModel.Write(fixture.NewFolder("inputs"), options);
        using var embedder = new OnnxBertEmbedder(model.Folder);

        var vector = await embedder.GenerateVectorAsync(Briefing);

        AssertClose(TinyBertReference.Embed(model, Briefing, 256), vector.Span);
    }

    [Fact]
    public async Task Constructor_SymbolicHiddenSize_ReadsDimensionFromAProbeRun()
    {
        var model = TinyBertModel.Write(fixture.NewFolder("symbolic"), new TinyBertModelOptions { HiddenSize = 24, DeclareHiddenSize = false });
        using var embedder = new OnnxBertEmbedder(model.Folder);

        var vector = await embedder.GenerateVectorAsync(Briefing);

        Assert.Equal(24, embedder.Profile.Dimensions);
        Assert.Equal(24, vector.Length);
    }

    [Fact]
    public void Create_RelativeModelPath_ResolvesAgainstProjectRootAndNamesProfile()
    {
        var options = new EmbeddingOptions { Provider = "Onnx", OnnxModelPath = "tiny-bert", OnnxMaxTokens = 64, OnnxBatchSize = 3 };

        using var embedder = OnnxBertEmbedder.Create(options, fixture.Root);

        Assert.Equal(new EmbedderProfile("onnx:tiny-bert:mean", fixture.Model.HiddenSize, 62), embedder.Profile);
        Assert.Same(embedder.Profile, embedder.GetService<EmbedderProfile>());
        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal("onnx", metadata?.ProviderName);
        Assert.Equal(fixture.Model.HiddenSize, metadata?.DefaultModelDimensions);
    }

    [Fact]
    public async Task GenerateAsync_ClsPooling_IsTheFirstTokensVectorNotTheMean()
    {
        using var cls = new OnnxBertEmbedder(fixture.Model.Folder, batchSize: 2, pooling: OnnxPooling.Cls, batchTokens: Unlimited);
        using var mean = new OnnxBertEmbedder(fixture.Model.Folder, batchSize: 2, batchTokens: Unlimited);

        var first = await cls.GenerateAsync(MixedLengths);
        var averaged = await mean.GenerateAsync(MixedLengths);

        for (var i = 0; i < MixedLengths.Length; i++)
        {
            AssertClose(TinyBertReference.Embed(fixture.Model, MixedLengths[i], 256, OnnxPooling.Cls), first[i].Vector.Span);
            Assert.True(TensorPrimitives.CosineSimilarity(first[i].Vector.Span, averaged[i].Vector.Span) < 0.999f);
        }
    }

    [Fact]
    public void ProfileName_DiffersByPooling()
    {
        using var cls = new OnnxBertEmbedder(fixture.Model.Folder, pooling: OnnxPooling.Cls);
        using var mean = new OnnxBertEmbedder(fixture.Model.Folder);

        Assert.Equal("onnx:tiny-bert:cls", cls.Profile.Name);
        Assert.Equal("onnx:tiny-bert:mean", mean.Profile.Name);
    }

    [Fact]
    public async Task GenerateAsync_QueryPurpose_PrefixGoesBeforeQueriesOnly()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder, queryPrefix: "search for the alliance: ");

        var query = await embedder.GenerateQueryVectorAsync(Briefing);
        var passage = await embedder.GenerateVectorAsync(Briefing);

        AssertClose(TinyBertReference.Embed(fixture.Model, "search for the alliance: " + Briefing, 256), query.Span);
        AssertClose(TinyBertReference.Embed(fixture.Model, Briefing, 256), passage.Span);
    }

    [Fact]
    public async Task GenerateAsync_QueryPurposeWithoutPrefix_SameAsPassage()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder);

        var query = await embedder.GenerateQueryVectorAsync(Briefing);
        var passage = await embedder.GenerateVectorAsync(Briefing);

        Assert.Equal(passage.ToArray(), query.ToArray());
    }

    [Fact]
    public void Create_FolderWithPoolingAndPrefix_UsesThemInsteadOfBuiltIn()
    {
        var options = new EmbeddingOptions { Provider = "Onnx", OnnxModelPath = "tiny-bert", OnnxPooling = "cls", OnnxQueryPrefix = "query: " };

        using var embedder = OnnxBertEmbedder.Create(options, fixture.Root);

        Assert.Equal("onnx:tiny-bert:cls", embedder.Profile.Name);
        Assert.Equal(OnnxPooling.Cls, embedder.Pooling);
        Assert.Equal("query: ", embedder.QueryPrefix);
    }

    [Fact]
    public void Create_UnknownPooling_NamesTheSetting()
    {
        var options = new EmbeddingOptions { Provider = "Onnx", OnnxModelPath = "tiny-bert", OnnxPooling = "max" };

        var error = Assert.Throws<BriefBotException>(() => OnnxBertEmbedder.Create(options, fixture.Root));

        Assert.Contains("Embedding:OnnxPooling 'max'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_AfterDispose_Throws()
    {
        var embedder = new OnnxBertEmbedder(fixture.Model.Folder);
        embedder.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => embedder.GenerateAsync([Briefing]));
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5);
        }
    }
}
