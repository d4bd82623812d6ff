using System.Text.Json;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Cli;

/// <summary>An index file the CLI itself filled with the seeds, shared by the read-only CLI tests.</summary>
public sealed class CliIndex : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string DatabasePath => _folder.Combine("cli.db");

    public ProcessResult Ingest { get; private set; } = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync() => Ingest = await BotProcess.RunAsync(["ingest", "--db", DatabasePath]);

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class CliProcessTests(CliIndex index) : IClassFixture<CliIndex>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Ingest_Seeds_ExitZeroWithSummary()
    {
        Assert.True(index.Ingest.ExitCode == 0, index.Ingest.StdErr);
        Assert.Contains("5 added, 0 updated, 0 unchanged, 0 removed, 0 failed", index.Ingest.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Explain_ShowsTheModelsCandidatesAndTheGateDecision()
    {
        var result = await BotProcess.RunAsync(["ask", "--explain", "--db", index.DatabasePath, "What did Italy pledge?"]);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("answer model, best candidates:", result.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"answer gate \d\.\d{3} \(threshold \d\.\d{3}\) -> (answer|abstain)", result.StdOut);
        // What the gate read, by name, for the developer asking why it answered or abstained.
        Assert.Matches(@"gate inputs: best_score=-?\d[^\n]* names_in_briefing=\d[^\n]* in_conversation=0", result.StdOut);
        Assert.Contains("SAMP/T", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ExplainMessageOfSeveralParts_ShowsSmallTalkByPart()
    {
        var result = await BotProcess.RunAsync(["ask", "--explain", "--db", index.DatabasePath, "good morning! who made you, and which languages can I write to you in?"]);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Matches(@"nearest small talk \d\.\d{3} \(\w+: ", result.StdOut);
        Assert.Matches(@"small talk by part: \d\.\d{3} Greeting; \d\.\d{3} \w+; \d\.\d{3} \w+", result.StdOut);
    }

    [Fact]
    public async Task Ingest_FolderWithBadFile_ExitOneNamingIt()
    {
        _folder.Write("in/good.txt", "Maritime centre\n\nMinisters agreed to set up a maritime centre within MARCOM.\n");
        _folder.Write("in/empty.txt", string.Empty);

        var result = await BotProcess.RunAsync(["ingest", _folder.Combine("in"), "--db", _folder.Combine("bad.db")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 added", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("1 failed", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("failed: empty.txt:", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_UnknownOption_ExitTwo()
    {
        var result = await BotProcess.RunAsync(["ingest", "--no-such-option", "--db", _folder.Combine("x.db")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("added", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_PruneAfterDelete_RemovesBriefing()
    {
        var db = _folder.Combine("prune.db");
        _folder.Write("in/a.txt", "Maritime centre\n\nMinisters agreed to set up a maritime centre within MARCOM.\n");
        _folder.Write("in/b.txt", "Industry plan\n\nMinisters reviewed the defence production action plan.\n");
        Assert.Equal(0, (await BotProcess.RunAsync(["ingest", _folder.Combine("in"), "--db", db])).ExitCode);
        File.Delete(_folder.Combine("in/b.txt"));

        var result = await BotProcess.RunAsync(["ingest", _folder.Combine("in"), "--db", db, "--prune"]);
        var sources = await BotProcess.RunAsync(["sources", "--db", db, "--json"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 added, 0 updated, 1 unchanged, 1 removed", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(["a.txt"], JsonDocument.Parse(sources.StdOut).RootElement.EnumerateArray().Select(b => b.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task Ask_NoQuestionWithoutJson_ExitTwoWithUsage()
    {
        var result = await BotProcess.RunAsync(["ask", "--db", index.DatabasePath]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ask \"", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_Json_DocumentedKeysForEachSeed()
    {
        var result = await BotProcess.RunAsync(["sources", "--db", index.DatabasePath, "--json"]);

        Assert.Equal(0, result.ExitCode);
        var list = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.Equal(5, list.GetArrayLength());
        foreach (var b in list.EnumerateArray())
        {
            Assert.Equal(["id", "file", "title", "published", "publisher", "url", "passages"], b.EnumerateObject().Select(p => p.Name));
            Assert.True(b.GetProperty("passages").GetInt32() > 0);
            Api.AskApiTests.AssertDateOrNull(b.GetProperty("published"));
            Assert.False(string.IsNullOrWhiteSpace(b.GetProperty("title").GetString()));
            Assert.True(File.Exists(Path.Combine(TestEngine.SeedsFolder, b.GetProperty("file").GetString()!)));
        }
    }

    [Fact]
    public async Task Show_FileJson_TextAndPassagesWithOffsets()
    {
        var result = await BotProcess.RunAsync(["show", "003_b6de07f0fdc6e58b.txt", "--db", index.DatabasePath, "--json"]);

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.Equal("003_b6de07f0fdc6e58b.txt", root.GetProperty("briefing").GetProperty("file").GetString());
        var text = root.GetProperty("text").GetString()!;
        Assert.Contains("Wiesbaden", text, StringComparison.Ordinal);
        var passages = root.GetProperty("passages").EnumerateArray().ToList();
        Assert.NotEmpty(passages);
        foreach (var p in passages)
        {
            var start = p.GetProperty("start").GetInt32();
            var end = p.GetProperty("end").GetInt32();
            Assert.Equal(text[start..end], p.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Show_UnknownBriefing_ExitOneWithHint()
    {
        var result = await BotProcess.RunAsync(["show", "nope.txt", "--db", index.DatabasePath]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sources", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_JsonLinesOnStdin_AnswersTurnsAndReportsBadLine()
    {
        const string input = """
            {"id":"t1","question":"What did Sweden, Spain and Belgium pledge?","conversation":"cli-1"}
            this is not json
            {"id":"t2","question":"What about Italy?","conversation":"cli-1"}
            """;

        var result = await BotProcess.RunAsync(["ask", "--json", "--db", index.DatabasePath], input + "\n");

        Assert.Equal(1, result.ExitCode);
        var lines = result.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("t1", lines[0].GetProperty("id").GetString());
        Assert.Equal("answered", lines[0].GetProperty("outcome").GetString());
        Assert.Contains("line 2", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("t2", lines[2].GetProperty("id").GetString());
        Assert.Contains("SAMP/T", lines[2].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, lines[2].GetProperty("citations")[0].GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Ask_OneQuestion_PlainTextWithSources()
    {
        var result = await BotProcess.RunAsync(["ask", "What did Italy pledge?", "--db", index.DatabasePath]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SAMP/T", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("[1] ", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Sources:", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("002_bea1dc2b0db3c042.txt", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_CorruptDatabase_OneLineErrorNoStackTrace()
    {
        var db = _folder.Write("corrupt.db", string.Concat(Enumerable.Repeat("garbage that is not sqlite ", 100)));

        var result = await BotProcess.RunAsync(["ask", "What did Italy pledge?", "--db", db]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Error: ", line, StringComparison.Ordinal);
        Assert.Contains(db, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(result.StdOut.Trim());
        Assert.StartsWith("garbage", File.ReadAllText(db), StringComparison.Ordinal);
    }
}
