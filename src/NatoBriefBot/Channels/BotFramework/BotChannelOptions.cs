namespace NatoBriefBot.Channels.BotFramework;

/// <summary>Channel behaviour. Section <c>Bot</c>.</summary>
public sealed class BotChannelOptions
{
    public const string SectionName = "Bot";

    /// <summary>When true, logs may contain questions (for debugging). Off by default: user text is never logged.</summary>
    public bool LogSensitiveData { get; set; }
}
