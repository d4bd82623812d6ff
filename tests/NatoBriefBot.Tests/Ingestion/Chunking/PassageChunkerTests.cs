using NatoBriefBot.Core;
using NatoBriefBot.Core.Ingestion.Chunking;
using NatoBriefBot.Core.Text;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Ingestion.Chunking;

public class PassageChunkerTests
{
    private static readonly string[] SeedTexts = Directory.GetFiles(TestEngine.SeedsFolder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    public static TheoryData<int, int> Budgets => new() { { 180, 40 }, { 64, 20 }, { 16, 0 }, { 40, 39 } };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Chunk_Seeds_EveryChunkWithinBudgetAndExactSlice(int budget, int overlap)
    {
        var chunker = new PassageChunker(budget, overlap);
        foreach (var text in SeedTexts)
        {
            var chunks = chunker.Chunk(text);

            Assert.NotEmpty(chunks);
            for (var i = 0; i < chunks.Count; i++)
            {
                var c = chunks[i];
                Assert.Equal(i, c.Position);
                Assert.Equal(text[c.Start..c.End], c.Text);
                var exact = PassageChunker.CountTokens(c.Text);
                Assert.True(exact <= c.Tokens, $"chunk {i} reports {c.Tokens} tokens but has {exact}");
                Assert.True(c.Tokens <= budget, $"chunk {i} has {c.Tokens} tokens, budget {budget}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Chunk_Seeds_EveryCharacterCoveredByAChunk(int budget, int overlap)
    {
        var chunker = new PassageChunker(budget, overlap);
        foreach (var text in SeedTexts)
        {
            var covered = new bool[text.Length];
            foreach (var c in chunker.Chunk(text))
            {
                Array.Fill(covered, true, c.Start, c.End - c.Start);
            }

            var lost = Enumerable.Range(0, text.Length).Where(i => !covered[i] && !char.IsWhiteSpace(text[i])).ToList();
            Assert.True(lost.Count == 0, lost.Count == 0 ? null : $"text at {lost[0]} not in any chunk: '{text.Substring(lost[0], Math.Min(40, text.Length - lost[0]))}'");
        }
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Chunk_Overlap_AtMostOverlapTokensOfWholeSentences(int budget, int overlap)
    {
        var chunker = new PassageChunker(budget, overlap);
        foreach (var text in SeedTexts)
        {
            var sentenceStarts = SentenceSplitter.Split(text).Select(s => s.Start).ToHashSet();
            var chunks = chunker.Chunk(text);
            for (var i = 1; i < chunks.Count; i++)
            {
                var previous = chunks[i - 1];
                var current = chunks[i];
                Assert.True(current.Start > previous.Start, "chunks must move forward");
                Assert.True(current.End > previous.End, "chunks must move forward");
                if (current.Start < previous.End)
                {
                    var repeated = text[current.Start..previous.End];
                    Assert.True(PassageChunker.CountTokens(repeated) <= overlap, $"overlap of {PassageChunker.CountTokens(repeated)} tokens exceeds {overlap}");
                    Assert.Contains(current.Start, sentenceStarts);
                }
            }
        }
    }

    [Fact]
    public void Chunk_ZeroOverlap_NoTextRepeated()
    {
        var chunks = new PassageChunker(64, 0).Chunk(SeedTexts[2]);

        Assert.True(chunks.Count > 2);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.True(chunks[i].Start >= chunks[i - 1].End);
        }
    }

    [Fact]
    public void Chunk_OverlongSentence_CutAtWordBoundaries()
    {
        var words = Enumerable.Range(0, 400).Select(i => i % 7 == 0 ? "interoperability" : "allies").ToList();
        var text = string.Join(' ', words) + ".";

        var chunks = new PassageChunker(32, 8).Chunk(text);

        Assert.True(chunks.Count > 5);
        foreach (var c in chunks)
        {
            Assert.True(PassageChunker.CountTokens(c.Text) <= 32);
            Assert.True(c.Start == 0 || text[c.Start - 1] == ' ', $"chunk starts inside a word at {c.Start}");
            Assert.True(c.End == text.Length || text[c.End] == ' ', $"chunk ends inside a word at {c.End}");
        }

        Assert.Equal(text.Length, chunks[^1].End);
    }

    [Theory]
    [InlineData("\u2603")]
    [InlineData("\u0416\u044B")]
    [InlineData("\U0001F680")]
    [InlineData("https://www.nato.int/cps/en/natohq/news_226475.htm?selectedLocale=en&")]
    public void Chunk_LongRunWithoutSpaces_StillWithinBudgetAndComplete(string unit)
    {
        var text = "Intro sentence. " + string.Concat(Enumerable.Repeat(unit, 2000 / unit.Length)) + " Outro sentence.";

        var chunks = new PassageChunker(32, 8).Chunk(text);

        Assert.All(chunks, c => Assert.True(PassageChunker.CountTokens(c.Text) <= 32 && c.Tokens <= 32, $"chunk of {PassageChunker.CountTokens(c.Text)} tokens"));
        Assert.All(chunks, c => Assert.Equal(text[c.Start..c.End], c.Text));
        Assert.All(chunks, c => Assert.False(char.IsLowSurrogate(text[c.Start]), "chunk starts inside a surrogate pair"));
        Assert.Equal(0, chunks[0].Start);
        Assert.Equal(text.Length, chunks[^1].End);
        for (var i = 1; i < chunks.Count; i++)
        {
            var between = text[chunks[i - 1].End..Math.Max(chunks[i - 1].End, chunks[i].Start)];
            Assert.True(string.IsNullOrWhiteSpace(between), $"text lost between chunk {i - 1} and {i}: '{between}'");
        }
    }

    [Fact]
    public void Chunk_ShortText_OneChunkWithWholeText()
    {
        const string text = "NATO defence ministers met in Brussels. They agreed a plan.";

        var chunks = new PassageChunker(180, 40).Chunk(text);

        var only = Assert.Single(chunks);
        Assert.Equal(text, only.Text);
        Assert.Equal(0, only.Start);
        Assert.Equal(text.Length, only.End);
    }

    [Fact]
    public void Chunk_EmptyText_NoChunks()
    {
        Assert.Empty(new PassageChunker(180, 40).Chunk("   \n  "));
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(100, 150)]
    [InlineData(100, -1)]
    public void Constructor_OverlapNotBelowBudget_ThrowsNamingConfigKey(int budget, int overlap)
    {
        var ex = Assert.Throws<BriefBotException>(() => new PassageChunker(budget, overlap));

        Assert.Contains("Ingestion:OverlapTokens", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Ingestion:PassageTokens", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TinyBudget_ThrowsNamingConfigKey()
    {
        var ex = Assert.Throws<BriefBotException>(() => new PassageChunker(8, 0));

        Assert.Contains("Ingestion:PassageTokens", ex.Message, StringComparison.Ordinal);
    }
}
