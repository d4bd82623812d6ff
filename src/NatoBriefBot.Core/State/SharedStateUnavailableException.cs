namespace NatoBriefBot.Core.State;

/// <summary>
/// The shared state (Redis) could not be reached. The message is written for people and never holds the connection
/// string or the server's own error text (which may name the password or the host).
/// </summary>
public sealed class SharedStateUnavailableException : BriefBotException
{
    public const string DefaultMessage = "The bot's shared memory (Redis) is not reachable right now. Try again in a minute.";

    public SharedStateUnavailableException() : base(DefaultMessage) { }

    public SharedStateUnavailableException(string message) : base(message) { }

    public SharedStateUnavailableException(string message, Exception inner) : base(message, inner) { }
}
