namespace NatoBriefBot.Core;

/// <summary>
/// The one exception type the engine throws for conditions a user can act on.
/// Its message is written for people: it says what happened and what to do next.
/// </summary>
public class BriefBotException : Exception
{
    public BriefBotException() { }

    public BriefBotException(string message) : base(message) { }

    public BriefBotException(string message, Exception inner) : base(message, inner) { }
}
