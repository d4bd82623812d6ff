using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.BotFramework.Auth;
using NatoBriefBot.Core;
using NatoBriefBot.Tests.Channels.BotFramework;

namespace NatoBriefBot.Tests.Hosting;

/// <summary>Settings as the official samples and the newer SDKs name them are understood: an empty
/// <c>MicrosoftAppType</c>, and the Teams SDK, M365 Agents SDK and Teams Toolkit names of the app id, secret and tenant.</summary>
public sealed class BotSettingsConventionsTests
{
    private const string AppId = "0b5b7bb1-7a55-4c4e-9c1e-1c0a2d0d6a11";

    [Fact]
    public async Task Start_EmptyAppTypeAsTheSamplesShipIt_RunsAsMultiTenant()
    {
        await using var bot = await RunningBot.StartAsync("--MicrosoftAppType=", $"--MicrosoftAppId={AppId}", "--MicrosoftAppPassword=x");

        var auth = Auth(bot);
        Assert.Equal(BotAuthOptions.MultiTenant, auth.MicrosoftAppType);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", auth.Authority);
    }

    public static TheoryData<string, string[]> SingleTenantUnderOtherNames => new()
    {
        { "Teams SDK", [$"--CLIENT_ID={AppId}", "--CLIENT_SECRET=their-secret", "--TENANT_ID=their-tenant"] },
        {
            "M365 Agents SDK",
            [
                "--Connections:ServiceConnection:Settings:AuthType=ClientSecret", $"--Connections:ServiceConnection:Settings:ClientId={AppId}",
                "--Connections:ServiceConnection:Settings:ClientSecret=their-secret", "--Connections:ServiceConnection:Settings:TenantId=their-tenant",
            ]
        },
        { "Teams Toolkit", [$"--BOT_ID={AppId}", "--BOT_PASSWORD=their-secret", "--BOT_TENANT_ID=their-tenant"] },
    };

    [Theory]
    [MemberData(nameof(SingleTenantUnderOtherNames))]
    public async Task Start_AnotherToolsNames_UsedAsAppIdSecretAndTenant(string tool, string[] args)
    {
        await using var bot = await RunningBot.StartAsync(args);

        var auth = Auth(bot);
        Assert.True((AppId, "their-secret", "their-tenant", BotAuthOptions.SingleTenant) ==
            (auth.MicrosoftAppId, auth.MicrosoftAppPassword, auth.MicrosoftAppTenantId, auth.MicrosoftAppType), $"{tool} names were not used");
    }

    [Fact]
    public async Task Start_AgentsSdkManagedIdentity_IsUserAssignedMsi()
    {
        await using var bot = await RunningBot.StartAsync(
            "--Connections:ServiceConnection:Settings:AuthType=UserManagedIdentity",
            $"--Connections:ServiceConnection:Settings:ClientId={AppId}",
            "--Connections:ServiceConnection:Settings:TenantId=tenant-c");

        var auth = Auth(bot);
        Assert.Equal((AppId, BotAuthOptions.UserAssignedMsi), (auth.MicrosoftAppId, auth.MicrosoftAppType));
    }

    [Fact]
    public async Task Start_AgentsSdkAuthTypeWeLack_RefusesNamingTheKey()
    {
        var ex = await Assert.ThrowsAsync<BriefBotException>(() => RunningBot.StartAsync(
            "--Connections:ServiceConnection:Settings:AuthType=CertificateSubjectName", $"--Connections:ServiceConnection:Settings:ClientId={AppId}"));

        Assert.Contains("Connections:ServiceConnection:Settings:AuthType 'CertificateSubjectName'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppType", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TeamsToolkitNames_UsedAsAppIdAndSecret()
    {
        await using var bot = await RunningBot.StartAsync($"--BOT_ID={AppId}", "--BOT_PASSWORD=toolkit-secret");

        var auth = Auth(bot);
        Assert.Equal((AppId, "toolkit-secret", BotAuthOptions.MultiTenant), (auth.MicrosoftAppId, auth.MicrosoftAppPassword, auth.MicrosoftAppType));
    }

    [Fact]
    public async Task Start_OurNamesAndAnAlias_OurNamesWin()
    {
        await using var bot = await RunningBot.StartAsync(
            $"--MicrosoftAppId={AppId}", "--MicrosoftAppPassword=ours", "--BOT_ID=11111111-2222-3333-4444-555555555555", "--BOT_PASSWORD=theirs");

        var auth = Auth(bot);
        Assert.Equal((AppId, "ours"), (auth.MicrosoftAppId, auth.MicrosoftAppPassword));
    }

    private static BotAuthOptions Auth(RunningBot bot) => bot.Services.GetRequiredService<IOptions<BotAuthOptions>>().Value;
}
