using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NatoBriefBot.Core.Answering.Llm;

/// <summary>
/// Makes a follow-up stand-alone with the chat model (prompt <c>prompts/rewrite-followup.txt</c>, the last
/// <see cref="MaxTurns"/> turns as history). On any failure, or a reply that isn't one plausible question, it asks the
/// fallback rewriter when there is one, and otherwise returns the question unchanged.
/// </summary>
public sealed partial class LlmQuestionRewriter : IQuestionRewriter
{
    public const string PromptName = "rewrite-followup";

    public const int MaxTurns = 3;

    private const int MaxAnswerChars = 600;

    private readonly LlmChat _chat;
    private readonly PromptProvider _prompts;
    private readonly IQuestionRewriter? _fallback;
    private readonly LlmOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LlmQuestionRewriter(LlmChat chat, PromptProvider prompts, LlmOptions options, IQuestionRewriter? fallback = null,
        ILogger<LlmQuestionRewriter>? logger = null, TimeProvider? time = null)
    {
        _chat = chat ?? throw new ArgumentNullException(nameof(chat));
        _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _fallback = fallback;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<LlmQuestionRewriter>.Instance;
    }

    public async Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0 || string.IsNullOrWhiteSpace(question))
        {
            return question;
        }

        string reply;
        try
        {
            var prompt = _prompts.Render(PromptName, new Dictionary<string, string>
            {
                ["today"] = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
                ["history"] = FormatHistory(history),
                ["question"] = PromptPassages.Escape(question.Trim()),
            });
            reply = await _chat.CompleteAsync(prompt, cancellationToken).ConfigureAwait(false);
        }
        catch (BriefBotException ex)
        {
            _logger.LogWarning("Rewriting the follow-up without the language model: {Reason}", ex.Message);
            return await FallBackAsync(question, history, cancellationToken).ConfigureAwait(false);
        }

        var rewritten = Clean(reply);
        if (rewritten.Length == 0 || rewritten.Length > 4 * question.Length + 300 || rewritten.Contains(LlmAnswerComposer.Sentinel, StringComparison.Ordinal))
        {
            _logger.LogWarning("The language model's rewrite was unusable; keeping the question as asked");
            return await FallBackAsync(question, history, cancellationToken).ConfigureAwait(false);
        }

        if (_options.LogSensitiveData)
        {
            _logger.LogInformation("Rewrote {Question} as {Rewritten}", question, rewritten);
        }

        return rewritten;
    }

    /// <summary>The last turns, oldest first, as plain "User:"/"Bot:" lines with citation markers removed and long answers cut.</summary>
    public static string FormatHistory(IReadOnlyList<ConversationTurn> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var text = new StringBuilder();
        foreach (var turn in history.Skip(Math.Max(0, history.Count - MaxTurns)))
        {
            var answer = Markers().Replace(turn.Answer.Text, string.Empty).Trim();
            if (answer.Length > MaxAnswerChars)
            {
                answer = answer[..MaxAnswerChars].TrimEnd() + " ...";
            }

            text.Append("User: ").Append(PromptPassages.Escape(turn.ResolvedQuestion.Trim())).Append('\n')
                .Append("Bot: ").Append(PromptPassages.Escape(answer)).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The first non-empty line, without a "Stand-alone question:" label or surrounding quotes.</summary>
    private static string Clean(string reply)
    {
        var line = reply.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        line = Label().Replace(line, string.Empty);
        return line.Trim().Trim('"', '\'', '`', '\u201C', '\u201D').Trim();
    }

    private async Task<string> FallBackAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken) =>
        _fallback is null ? question : await _fallback.RewriteAsync(question, history, cancellationToken).ConfigureAwait(false);

    [GeneratedRegex(@"\s*\[\d+\]")]
    private static partial Regex Markers();

    [GeneratedRegex(@"^(?i)(stand-?alone question|rewritten question|question)\s*:\s*")]
    private static partial Regex Label();
}
