using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Tests.Text;

public class SentenceSplitterTests
{
    private static List<string> Sentences(string text) => SentenceSplitter.Split(text).Select(s => s.Of(text)).ToList();

    [Fact]
    public void Split_Abbreviations_DoNotEndSentence()
    {
        var sentences = Sentences("Mr. Stoltenberg met U.S. officials on 14 Jun. 2023 in Brussels. Then he left.");

        Assert.Equal(["Mr. Stoltenberg met U.S. officials on 14 Jun. 2023 in Brussels.", "Then he left."], sentences);
    }

    [Fact]
    public void Split_SlashCodeBeforePeriod_EndsSentence()
    {
        var sentences = Sentences("Italy has pledged another SAMP/T. And I expect more.");

        Assert.Equal(["Italy has pledged another SAMP/T.", "And I expect more."], sentences);
    }

    [Fact]
    public void Split_Initial_DoesNotEndSentence()
    {
        var sentences = Sentences("Jens H. Stoltenberg spoke. Ministers listened.");

        Assert.Equal(["Jens H. Stoltenberg spoke.", "Ministers listened."], sentences);
    }

    [Fact]
    public void Split_NoAsWord_EndsSentenceButNoBeforeNumberDoesNot()
    {
        var sentences = Sentences("Asked about a third term, he said no. Ministers met at No. 10 Downing Street.");

        Assert.Equal(["Asked about a third term, he said no.", "Ministers met at No. 10 Downing Street."], sentences);
    }

    [Fact]
    public void Split_Decimal_DoesNotEndSentence()
    {
        var sentences = Sentences("Allies committed EUR 20.9 billion. It is a record.");

        Assert.Equal(["Allies committed EUR 20.9 billion.", "It is a record."], sentences);
    }

    [Fact]
    public void Split_ClosingQuote_StaysWithItsSentence()
    {
        var sentences = Sentences("He said: \u201CWe must act now.\u201D The ministers agreed. \"Good,\" she said.");

        Assert.Equal(["He said: \u201CWe must act now.\u201D", "The ministers agreed.", "\"Good,\" she said."], sentences);
    }

    [Fact]
    public void Split_QuestionAndExclamation_EndSentences()
    {
        var sentences = Sentences("Is it over? No! It goes on.");

        Assert.Equal(["Is it over?", "No!", "It goes on."], sentences);
    }

    [Fact]
    public void Split_LineBreak_EndsSentenceWithoutPunctuation()
    {
        var sentences = Sentences("NATO Summit's Top Priority\n- Support for Ukraine\r\nMinisters met on Thursday.");

        Assert.Equal(["NATO Summit's Top Priority", "- Support for Ukraine", "Ministers met on Thursday."], sentences);
    }

    [Fact]
    public void Split_LowercaseAfterPeriod_DoesNotEndSentence()
    {
        var sentences = Sentences("The plan was approved by approx. ten allies. Others abstained.");

        Assert.Equal(["The plan was approved by approx. ten allies.", "Others abstained."], sentences);
    }

    [Fact]
    public void Split_Spans_TrimmedNonOverlappingAndMapBackToText()
    {
        const string text = "  First sentence here.   Second one!\n\n  Third line without stop  \n";
        var spans = SentenceSplitter.Split(text);

        Assert.Equal(3, spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i].Of(text);
            Assert.Equal(s.Trim(), s);
            Assert.Equal(text.Substring(spans[i].Start, spans[i].Length), s);
            if (i > 0)
            {
                Assert.True(spans[i].Start >= spans[i - 1].End);
            }
        }

        Assert.Equal("Third line without stop", spans[2].Of(text));
    }

    [Fact]
    public void Split_NoSentenceLost_AllNonWhitespaceCovered()
    {
        var text = File.ReadAllText(Path.Combine(Support.TestEngine.SeedsFolder, "002_bea1dc2b0db3c042.txt"));
        var spans = SentenceSplitter.Split(text);

        var covered = new bool[text.Length];
        foreach (var span in spans)
        {
            for (var i = span.Start; i < span.End; i++)
            {
                covered[i] = true;
            }
        }

        Assert.All(Enumerable.Range(0, text.Length).Where(i => !char.IsWhiteSpace(text[i])), i => Assert.True(covered[i], $"char {i} '{text[i]}' not in any sentence"));
    }

    [Fact]
    public void Split_Range_OnlySplitsInsideRange()
    {
        const string text = "Ignore this. Take this one. And this. Not this.";
        var from = text.IndexOf("Take", StringComparison.Ordinal);
        var to = text.IndexOf("Not", StringComparison.Ordinal);

        var sentences = SentenceSplitter.Split(text, from, to).Select(s => s.Of(text)).ToList();

        Assert.Equal(["Take this one.", "And this."], sentences);
    }

    [Fact]
    public void Split_EmptyOrWhitespace_NoSpans()
    {
        Assert.Empty(SentenceSplitter.Split(string.Empty));
        Assert.Empty(SentenceSplitter.Split(" \n\t "));
    }
}
