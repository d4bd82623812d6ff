using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Embeddings;

namespace NatoBriefBot.Tests.Embeddings;

public class HashingEmbedderTests
{
    private readonly HashingEmbedder _embedder = new(1024);

    private float Similarity(string a, string b) => TensorPrimitives.Dot(_embedder.Embed(a), _embedder.Embed(b));

    [Theory]
    [InlineData("NATO defence ministers met in Brussels.")]
    [InlineData("x")]
    [InlineData("500,000 troops on high readiness")]
    public void Embed_AnyText_UnitLength(string text)
    {
        var vector = _embedder.Embed(text);

        Assert.Equal(1024, vector.Length);
        Assert.Equal(1.0f, TensorPrimitives.Norm(vector), 4);
    }

    [Fact]
    public void Embed_OnlyStopWords_ZeroVectorNotNaN()
    {
        var vector = _embedder.Embed("the and of");

        Assert.All(vector, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Embed_SameTextTwoInstances_Identical()
    {
        const string text = "Ministers agreed to establish a NATO Maritime Centre within MARCOM.";

        Assert.Equal(new HashingEmbedder(1024).Embed(text), new HashingEmbedder(1024).Embed(text));
    }

    [Fact]
    public void Embed_SpellingVariants_CloserThanUnrelatedText()
    {
        var variants = Similarity("NATO defence spending and the centre of gravity", "NATO defense spending and the center of gravity");
        var unrelated = Similarity("NATO defence spending and the centre of gravity", "Italy pledged another SAMP/T air defence system");

        Assert.True(variants > 0.99f, $"variants {variants}");
        Assert.True(variants > unrelated + 0.3f, $"variants {variants}, unrelated {unrelated}");
    }

    [Fact]
    public void Embed_SharedWordStem_MorePositiveThanNoSharedWords()
    {
        var related = Similarity("Norway", "Norwegian");
        var unrelated = Similarity("Norway", "ammunition");

        Assert.True(related > unrelated, $"related {related}, unrelated {unrelated}");
    }

    [Fact]
    public async Task GenerateAsync_Batch_OneNormalizedVectorPerInputInOrder()
    {
        var result = await _embedder.GenerateAsync(["first text about Ukraine", "second text about MARCOM"]);

        Assert.Equal(2, result.Count);
        Assert.Equal(_embedder.Embed("second text about MARCOM"), result[1].Vector.ToArray());
        Assert.Equal(HashingEmbedder.ProfileName, result[0].ModelId);
    }

    [Theory]
    [InlineData(63)]
    [InlineData(0)]
    public void Constructor_TooFewDimensions_ThrowsNamingConfigKey(int dimensions)
    {
        var ex = Assert.Throws<BriefBotException>(() => new HashingEmbedder(dimensions));

        Assert.Contains("Embedding:HashingDimensions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetService_Profile_DescribesDimensions()
    {
        var embedder = new HashingEmbedder(256);

        var profile = EmbedderFactory.ProfileOf(embedder);

        Assert.Equal(new EmbedderProfile(HashingEmbedder.ProfileName, 256, 8192), profile);
        Assert.Equal(256, Assert.IsType<EmbeddingGeneratorMetadata>(embedder.GetService(typeof(EmbeddingGeneratorMetadata))).DefaultModelDimensions);
        Assert.Equal(256, embedder.Embed("allies").Length);
    }
}
