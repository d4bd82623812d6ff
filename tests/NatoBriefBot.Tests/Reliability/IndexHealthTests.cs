using System.Net;
using System.Net.Sockets;
using NatoBriefBot.Tests.Cli;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>Damaged, unreadable and locked index files: the command line says so in one line, the server fails its health check.</summary>
public sealed class IndexHealthTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string DamagedIndex()
    {
        var store = Records.Store(_folder);
        foreach (var i in Enumerable.Range(0, 40))
        {
            store.Upsert(Records.Briefing($"b{i:00}.txt", string.Join(' ', Enumerable.Repeat($"Ministers discussed topic{i} and air defence for Ukraine at length.", 30))));
        }

        IndexFiles.CorruptPages(store.Path);
        return store.Path;
    }

    [Theory]
    [InlineData("sources")]
    [InlineData("ask", "What did Italy pledge?")]
    [InlineData("ingest", "seeds")]
    public async Task Verb_IndexWithBadPages_OneLineErrorNamingTheFile(params string[] args)
    {
        var db = DamagedIndex();

        var result = await BotProcess.RunAsync([.. args, "--db", db]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(CliUsageTests.Lines(result.StdErr));
        Assert.StartsWith("Error: ", line, StringComparison.Ordinal);
        Assert.Contains(db, line, StringComparison.Ordinal);
        Assert.Contains("damaged", line, StringComparison.Ordinal);
        CliUsageTests.AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("sources")]
    [InlineData("ingest", "seeds")]
    public async Task Verb_IndexLockedByAnotherProgram_OneLineError(params string[] args)
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", "Ministers agreed to set up a maritime centre within MARCOM."));
        IndexFiles.Checkpoint(store.Path);
        using var holder = IndexFiles.LockExclusively(store.Path);

        var result = await BotProcess.RunAsync([.. args, "--db", store.Path]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(CliUsageTests.Lines(result.StdErr));
        Assert.Contains(store.Path, line, StringComparison.Ordinal);
        Assert.Contains("locked by another program", line, StringComparison.Ordinal);
        CliUsageTests.AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Server_IndexWithBadPages_HealthzAndQuestionsAnswer503NamingTheProblem()
    {
        var db = DamagedIndex();
        var port = FreePort();
        using var bot = BotProcess.Start(["--urls", $"http://127.0.0.1:{port}", "--Storage:DatabasePath=" + db, "--Ingestion:SeedsPath=" + _folder.Combine("no-seeds")]);
        var stdout = bot.StandardOutput.ReadToEndAsync();
        var stderr = bot.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var response = await GetWhenListeningAsync(client, "/healthz", bot);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("damaged", body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz/live", UriKind.Relative))).StatusCode);
            using var ask = await client.PostAsync(
                new Uri("/api/ask", UriKind.Relative), new StringContent("{\"question\":\"What did Italy pledge?\"}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ask.StatusCode);
            Assert.Contains("damaged", System.Text.Json.JsonDocument.Parse(await ask.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }

        Assert.DoesNotContain("   at ", await stdout + await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_HealthyIndex_HealthzOk()
    {
        var server = new BotServer();
        await server.InitializeAsync();
        try
        {
            var response = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"status\":\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>GETs <paramref name="path"/> once the started bot accepts connections (it may still be starting).</summary>
    internal static async Task<HttpResponseMessage> GetWhenListeningAsync(HttpClient client, string path, System.Diagnostics.Process bot)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await client.GetAsync(new Uri(path, UriKind.Relative));
            }
            catch (HttpRequestException) when (attempt < 600 && !bot.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }
}
