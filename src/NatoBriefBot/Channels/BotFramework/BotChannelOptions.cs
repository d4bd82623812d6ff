namespace NatoBriefBot.Channels.BotFramework;

/// <summary>Channel behaviour. Section <c>Bot</c>.</summary>
public sealed class BotChannelOptions
{
    public const string SectionName = "Bot";

    /// <summary>When true, logs may contain questions (for debugging). Off by default: user text is never logged.</summary>
    public bool LogSensitiveData { get; set; }

    /// <summary>Without authentication, the hosts besides loopback that replies may be sent to (an activity's <c>serviceUrl</c>).
    /// Empty by default: only the Emulator or a channel on this machine. Ignored with authentication, where the token's
    /// <c>serviceurl</c> claim decides.</summary>
    public string[] AllowedServiceUrlHosts { get; set; } = [];
}
