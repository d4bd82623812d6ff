using System.ComponentModel.DataAnnotations;

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

    /// <summary>How long a message turn answered in the background may run before the user is told it took too long. Below
    /// Bot Service's 15 s; it also bounds the language model's call, whatever <c>Llm:TimeoutSeconds</c> says.</summary>
    [Range(1, 14)]
    public double TurnTimeoutSeconds { get; set; } = 12;

    /// <summary>How often a typing indicator is repeated while a turn runs (channels hide it after a few seconds). At least a
    /// second: in Teams each repeat is a stream update, and Teams takes at most one per second.</summary>
    [Range(1, 10)]
    public double TypingIntervalSeconds { get; set; } = 3;

    /// <summary>Stream the answer while a language model writes it, where the channel shows streams (Teams one-on-one chats,
    /// Web Chat / Direct Line). Off: Teams keeps its informative updates, and every channel gets the final message only.</summary>
    public bool StreamAnswers { get; set; } = true;

    /// <summary>Least time between two stream updates of a turn (Teams takes at most one a second).</summary>
    [Range(1, 10)]
    public double StreamUpdateSeconds { get; set; } = 1;

    /// <summary>Message turns answered at once; further ones wait in the queue.</summary>
    [Range(1, 256)]
    public int ConcurrentTurns { get; set; } = 8;

    /// <summary>Message turns that may wait for a free worker; when the queue is full <c>/api/messages</c> answers 503.</summary>
    [Range(1, 100_000)]
    public int MaxQueuedTurns { get; set; } = 500;
}
