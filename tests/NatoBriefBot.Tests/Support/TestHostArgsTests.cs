namespace NatoBriefBot.Tests.Support;

/// <summary>The test hosts' arguments keep provoked errors off the console, so a test run prints failures, not stack traces.</summary>
public sealed class TestHostArgsTests
{
    [Fact]
    public async Task HostArgs_HostFailsToStartOnPurpose_NoStackTraceOnTheConsole()
    {
        using var folder = new TempFolder();

        var result = await BotProcess.RunAsync([
            .. BotServer.HostArgs, $"--Storage:DatabasePath={folder.Combine("bot.db")}", "--Embedding:Provider=Hashing",
            "--MicrosoftAppType=SingleTenant", "--MicrosoftAppId=0b5b7bb1-7a55-4c4e-9c1e-1c0a2d0d6a11", "--MicrosoftAppPassword=x"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("MicrosoftAppTenantId", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", result.StdOut, StringComparison.Ordinal);
    }
}
