using NatoBriefBot.Core;
using NatoBriefBot.Core.Evaluation;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Evaluation;

public sealed class EvalSetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Italy has pledged another SAMP/T.", true)]
    [InlineData("italy has pledged another samp/t and a patriot.", true)]
    [InlineData("Italy has pledged another Patriot.", false)]
    [InlineData("A SAMP/T was pledged.", false)]
    public void Accepts_EveryGroupNeedsOneAlternative(string text, bool expected)
    {
        IReadOnlyList<IReadOnlyList<string>> accept = [["Italy", "Italian"], ["SAMP/T", "SAMP-T"]];

        Assert.Equal(expected, EvalSet.Accepts(text, accept));
    }

    [Fact]
    public void Accepts_NoGroups_AcceptsAnything()
    {
        Assert.True(EvalSet.Accepts("anything", []));
    }

    [Theory]
    [InlineData("002_bea1dc2b0db3c042.txt", "002", true)]
    [InlineData("sub/002_bea1dc2b0db3c042.txt", "002", true)]
    [InlineData("002_bea1dc2b0db3c042.txt", "002_bea1dc2b0db3c042.txt", true)]
    [InlineData("002_bea1dc2b0db3c042.txt", "003", false)]
    [InlineData("0021_x.txt", "002", false)]
    [InlineData("notes.md", "notes", true)]
    [InlineData("d28_norwegian_bank_ceo.txt", "d28_norwegian_bank_ceo", true)]
    [InlineData("d28_norwegian_bank_ceo.txt", "d28_norwegian_bank", false)]
    public void IsSource_FilePrefixOrName_Matches(string file, string source, bool expected)
    {
        Assert.Equal(expected, EvalSet.IsSource(file, [source]));
    }

    [Fact]
    public void Read_ValidLinesWithBlanks_AllItems()
    {
        var path = _folder.Write("qa.jsonl", """
            {"id":"q1","type":"factoid","question":"What did Italy pledge?","sources":["002"],"accept":[["SAMP/T"]]}

            {"id":"q2","type":"negative","question":"What about Antarctica?","sources":[],"accept":[]}
            """);

        var items = EvalSet.Read<EvalQuestion>(path);

        Assert.Equal(["q1", "q2"], items.Select(i => i.Id));
        Assert.Equal("SAMP/T", items[0].Accept[0][0]);
    }

    [Fact]
    public void Read_DialogueLine_TurnsParsed()
    {
        var path = _folder.Write("f.jsonl", """{"id":"d1","turns":[{"q":"First?","accept":[["a"]],"sources":["001"]},{"q":"Second?","accept":[],"sources":[]}]}""");

        var dialogue = Assert.Single(EvalSet.Read<EvalDialogue>(path));

        Assert.Equal(["First?", "Second?"], dialogue.Turns.Select(t => t.Question));
    }

    [Fact]
    public void Read_MalformedLine_ThrowsNamingLineNumber()
    {
        var path = _folder.Write("qa.jsonl", """
            {"id":"q1","type":"factoid","question":"What did Italy pledge?","sources":["002"],"accept":[["SAMP/T"]]}
            {"id":"q2", "question": oops}
            """);

        var ex = Assert.Throws<BriefBotException>(() => EvalSet.Read<EvalQuestion>(path));

        Assert.Contains("Line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ThrowsWithHint()
    {
        var ex = Assert.Throws<BriefBotException>(() => EvalSet.Read<EvalQuestion>(_folder.Combine("none.jsonl")));

        Assert.Contains("--questions", ex.Message, StringComparison.Ordinal);
    }
}
