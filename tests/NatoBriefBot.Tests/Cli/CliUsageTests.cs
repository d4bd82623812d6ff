using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Cli;

/// <summary>Usage errors and careless invocations of the real process: each ends with one clear line and the right exit code.</summary>
public sealed class CliUsageTests : IDisposable
{
    private const string AppId = "0b5b7bb1-7a55-4c4e-9c1e-1c0a2d0d6a11";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Run_MistypedVerb_ExitTwoWithUsageInsteadOfStartingTheBot()
    {
        var result = await BotProcess.RunAsync(["asks", "What did Italy pledge?", "--urls", "http://127.0.0.1:0", "--Storage:DatabasePath=" + _folder.Combine("x.db")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'asks'", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("ask", result.StdErr.Replace("'asks'", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.Combine("x.db")));
    }

    [Fact]
    public async Task Run_UnknownOptionWithoutVerb_ExitTwoInsteadOfStartingTheBot()
    {
        var result = await BotProcess.RunAsync(["--dbb", _folder.Combine("x.db"), "--urls", "http://127.0.0.1:0", "--Storage:DatabasePath=" + _folder.Combine("y.db")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'--dbb'", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.Combine("y.db")));
    }

    [Fact]
    public async Task BenchQuery_UnknownOption_HintNamesTheWholeCommand()
    {
        var result = await BotProcess.RunAsync(["bench", "query", "--bogus"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("-- bench query --help", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sources")]
    [InlineData("show")]
    [InlineData("ask")]
    [InlineData("eval")]
    public async Task ReadVerb_UnknownOption_ExitTwo(string verb)
    {
        var result = await BotProcess.RunAsync([verb, "--no-such-option", "--db", _folder.Combine("x.db")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.StdErr, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("sources")]
    [InlineData("show", "a.txt")]
    [InlineData("ask", "What did Italy pledge?")]
    [InlineData("eval")]
    public async Task ReadVerb_DbThatDoesNotExist_ExitTwoAndNoFileCreated(params string[] args)
    {
        var db = _folder.Combine("typo.db");

        var result = await BotProcess.RunAsync([.. args, "--db", db]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(db, result.StdErr, StringComparison.Ordinal);
        Assert.Contains("ingest", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task BenchIngest_UnknownEmbedder_ExitTwoNamingTheChoices()
    {
        var result = await BotProcess.RunAsync(["bench", "ingest", "--embedder", "Foo", "--briefings", "1"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Foo", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("TinyOnnx", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("bench ingest:", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query", "--rounds", "0")]
    [InlineData("ingest", "--briefings", "-3")]
    [InlineData("live", "--clients", "0")]
    [InlineData("hostile", "--body-mb", "0")]
    public async Task Bench_CountBelowOne_ExitTwoNamingTheOption(string bench, string option, string value)
    {
        var result = await BotProcess.RunAsync(["bench", bench, option, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("bench ", result.StdOut, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task TeamsPackage_OntoExistingFile_OverwritesCleanly()
    {
        var zip = _folder.Write("app.zip", "an older file that is not a zip");

        var result = await BotProcess.RunAsync(["teams-package", "--app-id", AppId, "--out", zip]);

        Assert.Equal(0, result.ExitCode);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Contains(archive.Entries, e => e.FullName == "manifest.json");
        Assert.Equal([zip], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task TeamsPackage_OutIsAFolder_OneLineAndExitTwo()
    {
        Directory.CreateDirectory(_folder.Combine("out.zip"));

        var result = await BotProcess.RunAsync(["teams-package", "--app-id", AppId, "--out", _folder.Combine("out.zip")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("folder", Assert.Single(Lines(result.StdErr)), StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Run_PortInUse_OneClearLine()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var result = await BotProcess.RunAsync([
            "--urls", $"http://127.0.0.1:{port}", "--Storage:DatabasePath=" + _folder.Combine("x.db"), "--Logging:LogLevel:Default=Warning"]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.Contains("in use", line, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    internal static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static void AssertNoStackTrace(ProcessResult result)
    {
        Assert.DoesNotContain("   at ", result.StdErr + result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }
}
