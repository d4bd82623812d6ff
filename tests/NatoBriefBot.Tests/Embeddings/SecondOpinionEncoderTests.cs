using System.Numerics.Tensors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Text;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Embeddings;

public sealed class SecondOpinionEncoderTests
{
    [Fact]
    public async Task EmbedAsync_Default_MiniLmVectorsThatRankAParaphraseFirst()
    {
        using var encoder = new SecondOpinionEncoder(Options.Create(new EmbeddingOptions()));

        var v = await encoder.EmbedAsync(["Allies pledged more ammunition for Ukraine.", "The rail strike cost the economy millions."]);
        var q = await encoder.EmbedQuestionAsync("Did NATO countries promise Kyiv more shells?");

        Assert.True(encoder.Enabled);
        Assert.Equal("onnx:all-MiniLM-L6-v2-int8:mean", encoder.Name);
        Assert.Equal(384, v[0].Length);
        Assert.True(TensorPrimitives.CosineSimilarity(q!, v[0]) > TensorPrimitives.CosineSimilarity(q!, v[1]));
    }

    [Fact]
    public void Align_Default_ParaphraseCoversTheQuestionBetterThanAnotherTopic()
    {
        using var encoder = new SecondOpinionEncoder(Options.Create(new EmbeddingOptions()));

        var alignment = encoder.Align("Did NATO countries promise Kyiv more shells?")!;
        var paraphrase = alignment.Recall("Allies pledged more ammunition for Ukraine.");
        var other = alignment.Recall("The rail strike cost the economy millions.");

        Assert.True(paraphrase.Mean > other.Mean, $"{paraphrase.Mean} <= {other.Mean}");
        Assert.True(paraphrase.Min <= paraphrase.Mean);
    }

    [Fact]
    public void Align_SentenceSaysNothingOfOneWord_ItsMinimumIsLowerThanOneThatSaysAll()
    {
        using var encoder = new SecondOpinionEncoder(Options.Create(new EmbeddingOptions()));

        var alignment = encoder.Align("How much did the new headquarters cost?")!;
        var lacking = alignment.Recall("The new headquarters opened in Wiesbaden in March.");
        var stating = alignment.Recall("The new headquarters cost 300 million euros to build.");

        Assert.True(stating.Min > lacking.Min, $"{stating.Min} <= {lacking.Min}");
        Assert.Equal(stating, alignment.Recall("The new headquarters cost 300 million euros to build."));
    }

    [Fact]
    public void Cover_TwoSentencesSayingDifferentParts_CoverTheQuestionBetterThanEitherAlone()
    {
        using var encoder = new SecondOpinionEncoder(Options.Create(new EmbeddingOptions()));
        const string opened = "The new headquarters opened in Wiesbaden in March.";
        const string cost = "Building it cost 300 million euros.";

        var alignment = encoder.Align("Where did the new headquarters open and how much did it cost?")!;
        var both = alignment.Cover([opened, cost]);

        Assert.Equal(alignment.Recall(opened), alignment.Cover([opened]));
        Assert.True(both.Min >= Math.Max(alignment.Recall(opened).Min, alignment.Recall(cost).Min));
        Assert.True(both.Mean > Math.Max(alignment.Recall(opened).Mean, alignment.Recall(cost).Mean));
        Assert.Equal((0.0, 0.0), alignment.Cover([]));
    }

    [Fact]
    public async Task EmbedAsync_SettingEmpty_OffAndNoVectors()
    {
        using var encoder = new SecondOpinionEncoder(Options.Create(new EmbeddingOptions { SecondOpinion = "" }));

        Assert.False(encoder.Enabled);
        Assert.Null(encoder.Name);
        Assert.Empty(await encoder.EmbedAsync(["Allies pledged more ammunition."]));
        Assert.Null(await encoder.EmbedQuestionAsync("What did allies pledge?"));
        Assert.Null(encoder.Align("What did allies pledge?"));
    }

    [Fact]
    public async Task Ingest_Default_EverySentenceHasASecondVectorAndRetrievalTheQuestionsOne()
    {
        using var engine = await SeededEngine.CreateAsync();

        var result = await engine.Retriever.RetrieveAsync("Who chaired the October 2024 ministerial?");

        Assert.Equal(384, result.SecondQueryVector.Length);
        Assert.NotNull(result.Alignment);
        Assert.All(result.Evidence, e =>
            Assert.Equal(SentenceSplitter.Split(e.Passage.Text).Count * 384, e.Passage.SecondVectors.Length));
    }

    [Fact]
    public async Task Ingest_SecondOpinionOff_NoSecondVectors()
    {
        using var engine = await SeededEngine.CreateAsync(new Dictionary<string, string?> { ["Embedding:SecondOpinion"] = "" });

        var result = await engine.Retriever.RetrieveAsync("Who chaired the October 2024 ministerial?");

        Assert.Equal(0, result.SecondQueryVector.Length);
        Assert.Null(result.Alignment);
        Assert.All(result.Evidence, e => Assert.Equal(0, e.Passage.SecondVectors.Length));
        Assert.False(engine.Services.GetRequiredService<SecondOpinionEncoder>().Enabled);
    }
    [Fact]
    public async Task Warm_Seeds_EncodesEverySentenceOnce()
    {
        using var engine = await SeededEngine.CreateAsync();
        var sentences = IndexedSentences.NewestFirst(engine.Store).ToList();

        var encoded = engine.SecondOpinion.Warm(sentences);

        Assert.Equal(sentences.Distinct(StringComparer.Ordinal).Count(), encoded);
        Assert.Equal(0, engine.SecondOpinion.Warm(sentences));
    }

    [Fact]
    public async Task Warm_CacheSmallerThanTheIndex_StopsAtThreeQuartersOfIt()
    {
        using var engine = await SeededEngine.CreateAsync(new Dictionary<string, string?> { ["Embedding:TokenCacheMegabytes"] = "1" });
        var sentences = IndexedSentences.NewestFirst(engine.Store).Distinct(StringComparer.Ordinal).ToList();

        var encoded = engine.SecondOpinion.Warm(sentences);

        Assert.InRange(encoded, 1, sentences.Count - 1);
        Assert.Equal(0, engine.SecondOpinion.Warm(sentences.Skip(encoded)));
    }

    [Fact]
    public void Warm_SecondOpinionOff_EncodesNothing()
    {
        using var encoder = new SecondOpinionEncoder(Options.Create(new EmbeddingOptions { SecondOpinion = "" }));

        Assert.Equal(0, encoder.Warm(["Allies pledged more ammunition for Ukraine."]));
    }
}
