using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Hosting;

/// <summary>The bot started as a user starts it: what it prints, and where it listens.</summary>
public sealed partial class StartupTests
{
    private const string AppId = "0b5b7bb1-7a55-4c4e-9c1e-1c0a2d0d6a11";

    [Fact]
    public async Task Run_FirstStart_PrintsIndexProgressThenOneBlockWithTheUrlsAuthEmbedderAndLlm()
    {
        var port = BotServerProcess.FreePort();

        await using var bot = await BotServerProcess.StartAsync([$"--Bot:Port={port}"]);

        var lines = bot.Lines.ToList();
        var progress = lines.Select(l => Progress().Match(l)).Where(m => m.Success).ToList();
        Assert.NotEmpty(progress);
        var last = progress[^1];
        Assert.Equal(last.Groups["total"].Value, last.Groups["done"].Value);
        Assert.True(lines.IndexOf(last.Value) < lines.IndexOf("NatoBriefBot is ready."), "the progress comes before the ready block");
        Assert.Equal($"http://localhost:{port}/", bot.Row("Web Chat page"));
        Assert.Equal($"http://localhost:{port}/api/messages (leave App ID and password empty)", bot.Row("Emulator endpoint"));
        Assert.StartsWith("off", bot.Row("Authentication"), StringComparison.Ordinal);
        Assert.StartsWith("Hashing", bot.Row("Embedder"), StringComparison.Ordinal);
        Assert.EndsWith("; minilm for answer selection", bot.Row("Embedder"), StringComparison.Ordinal);
        Assert.StartsWith("none", bot.Row("LLM"), StringComparison.Ordinal);
        Assert.Single(lines, l => l == "NatoBriefBot is ready.");

        using var client = new HttpClient();
        var page = await client.GetAsync(bot.Row("Web Chat page"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var starters = await WaitForLineAsync(bot, StartersLine());
        Assert.InRange(int.Parse(starters.Groups["questions"].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 4);
        var smallTalk = await WaitForLineAsync(bot, SmallTalkLine());
        Assert.Equal(ChatIntents.Examples.Count, int.Parse(smallTalk.Groups["examples"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var spelling = await WaitForLineAsync(bot, SpellingLine());
        Assert.True(int.Parse(spelling.Groups["words"].Value, System.Globalization.CultureInfo.InvariantCulture) > 10_000, "the spelling lookup holds WordNet's words");
        var warmed = await WaitForLineAsync(bot, WarmedLine());
        var after = bot.Lines.ToList();
        Assert.True(after.FindIndex(l => l.Contains(starters.Value, StringComparison.Ordinal)) < after.FindIndex(l => l.Contains(warmed.Value, StringComparison.Ordinal)),
            "the starter questions are checked before the remaining sentences are encoded");
    }

    /// <summary>The first line matching <paramref name="pattern"/>, waiting up to a minute for it.</summary>
    private static async Task<Match> WaitForLineAsync(BotServerProcess bot, Regex pattern)
    {
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromMinutes(1); await Task.Delay(100))
        {
            if (bot.Lines.Select(l => pattern.Match(l)).FirstOrDefault(m => m.Success) is { } found)
            {
                return found;
            }
        }

        throw new Xunit.Sdk.XunitException($"No line matched {pattern} in:\n{bot.StdOut}");
    }

    [Fact]
    public async Task Run_SecretsConfigured_NeverPrintedWhileAuthAndLlmAreShown()
    {
        const string appSecret = "app-secret-d41d8cd98f00b204";
        const string llmKey = "llm-key-e9800998ecf8427e";

        await using var bot = await BotServerProcess.StartAsync([$"--Bot:Port={BotServerProcess.FreePort()}"], new Dictionary<string, string>
        {
            ["CLIENT_ID"] = AppId,
            ["CLIENT_SECRET"] = appSecret,
            ["Llm__Provider"] = "OpenAICompatible",
            ["Llm__Model"] = "test-model",
            ["Llm__Endpoint"] = "http://127.0.0.1:9/v1",
            ["Llm__ApiKey"] = llmKey,
        });

        Assert.Equal($"on: MultiTenant, app id {AppId}", bot.Row("Authentication"));
        Assert.Equal("OpenAICompatible, test-model at 127.0.0.1:9", bot.Row("LLM"));
        foreach (var secret in new[] { appSecret, llmKey })
        {
            Assert.DoesNotContain(secret, bot.StdOut, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, bot.StdErr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_HttpPortsVariable_ListensOnAllInterfacesAtThatPort()
    {
        var port = BotServerProcess.FreePort();

        await using var bot = await BotServerProcess.StartAsync([], new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Matches($@"^http://(\[::\]|0\.0\.0\.0):{port}$", bot.Row("Listening on"));
        Assert.Equal($"http://localhost:{port}/", bot.Row("Web Chat page"));
        await AssertAnswersAsync($"http://127.0.0.1:{port}");
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS")]
    [InlineData("--urls")]
    public async Task Run_AddressGiven_ListensThereOnly(string how)
    {
        var address = $"http://127.0.0.1:{BotServerProcess.FreePort()}";
        string[] args = how == "--urls" ? ["--urls", address] : [];
        var environment = how == "--urls" ? null : new Dictionary<string, string> { [how] = address };

        await using var bot = await BotServerProcess.StartAsync(args, environment);

        Assert.Equal(address, bot.Row("Listening on"));
        await AssertAnswersAsync(address);
    }

    [Fact]
    public async Task Run_NoAddressGiven_ListensOnLoopbackAtBotPort()
    {
        var port = BotServerProcess.FreePort();

        await using var bot = await BotServerProcess.StartAsync([$"--Bot:Port={port}"]);

        Assert.Equal($"http://localhost:{port}", bot.Row("Listening on"));
        Assert.DoesNotContain("SECURITY WARNING", bot.StdOut, StringComparison.Ordinal);
    }

    private static async Task AssertAnswersAsync(string baseAddress)
    {
        using var client = new HttpClient();
        var health = await client.GetAsync(baseAddress + "/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [GeneratedRegex(@"^Building the index: (?<done>\d+) of (?<total>\d+) briefings$")]
    private static partial Regex Progress();

    [GeneratedRegex(@"Starter questions checked: (?<questions>\d+) ready")]
    private static partial Regex StartersLine();

    [GeneratedRegex(@"Small-talk examples ready: (?<examples>\d+) encoded")]
    private static partial Regex SmallTalkLine();

    [GeneratedRegex(@"Spelling lookup ready: (?<words>\d+) words sorted")]
    private static partial Regex SpellingLine();

    [GeneratedRegex(@"Word-by-word match ready: (?<sentences>\d+) sentences encoded")]
    private static partial Regex WarmedLine();
}
