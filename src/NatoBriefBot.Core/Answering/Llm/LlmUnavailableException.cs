namespace NatoBriefBot.Core.Answering.Llm;

/// <summary>The language model could not be used for this question (HTTP error, timeout, unreadable reply); the caller falls back.</summary>
public sealed class LlmUnavailableException : BriefBotException
{
    public LlmUnavailableException() { }

    public LlmUnavailableException(string message) : base(message) { }

    public LlmUnavailableException(string message, Exception inner) : base(message, inner) { }
}
