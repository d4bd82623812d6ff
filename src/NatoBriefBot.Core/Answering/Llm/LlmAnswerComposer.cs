using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Core.Answering.Llm;

/// <summary>
/// Writes the answer with a chat model (prompt <c>prompts/answer-with-citations.txt</c>) and keeps only what the passages
/// support (<see cref="CitationChecker"/>). The model's <see cref="Sentinel"/> reply, or a reply whose every claim fails the
/// check, means <see cref="AnswerOutcome.NotInBriefings"/>. When the model can't be used (HTTP error, timeout, empty or
/// uncited reply) the <c>fallback</c> composer (the offline one) answers instead. When the request asks for drafts the reply
/// is streamed and its finished, checked sentences are reported as it comes (<see cref="CheckedDrafts"/>); the returned
/// answer is always the whole reply checked again, and it is what the channel sends last, replacing the drafts.
/// </summary>
public sealed class LlmAnswerComposer : IAnswerComposer
{
    public const string PromptName = "answer-with-citations";

    /// <summary>What the prompt tells the model to reply when the passages don't answer the question.</summary>
    public const string Sentinel = "NOT_IN_BRIEFINGS";

    private readonly LlmChat _chat;
    private readonly PromptProvider _prompts;
    private readonly IAnswerComposer _fallback;
    private readonly LlmOptions _options;
    private readonly CitationChecker _checker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private readonly Selection.AnswerPolicy? _policy;

    /// <param name="policy">The answer policy both composers share: when it abstains, the model is not asked.</param>
    public LlmAnswerComposer(LlmChat chat, PromptProvider prompts, IAnswerComposer fallback, LlmOptions options,
        ILogger<LlmAnswerComposer>? logger = null, TimeProvider? time = null, Selection.AnswerPolicy? policy = null)
    {
        _policy = policy;
        _chat = chat ?? throw new ArgumentNullException(nameof(chat));
        _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));
        _fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _checker = new CitationChecker(options.SupportThreshold);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<LlmAnswerComposer>.Instance;
    }

    public async Task<Answer> ComposeAsync(ComposeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_policy?.Abstention(request) is { } abstention)
        {
            return abstention;
        }

        var packed = PromptPassages.Pack(request.Evidence, _options.MaxContextTokens);
        if (packed.Included.Count == 0)
        {
            var reason = request.Evidence.Count == 0 ? "no passage was retrieved" : "no passage fits Llm:MaxContextTokens";
            return await FallBackAsync(request, reason, cancellationToken).ConfigureAwait(false);
        }

        var sources = packed.Included.Select(PromptPassages.SupportText).ToList();
        var widths = packed.Included.Select(e => 1 + e.AlsoIn.Count).ToList();
        var drafts = request.Drafts is null ? null : new CheckedDrafts(_checker, sources, widths, request.Drafts);
        string reply;
        try
        {
            var prompt = _prompts.Render(PromptName, new Dictionary<string, string>
            {
                ["today"] = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
                ["passages"] = packed.Text,
                ["question"] = PromptPassages.Escape(request.ResolvedQuestion),
            });
            if (_options.LogSensitiveData)
            {
                _logger.LogInformation("Asking the language model: {Question} with {Count} passages ({Tokens} tokens)", request.ResolvedQuestion, packed.Included.Count, packed.Tokens);
            }

            reply = (await _chat.CompleteAsync(prompt, drafts is null ? null : drafts.OnText, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (BriefBotException ex)
        {
            return await FallBackAsync(request, ex.Message, cancellationToken).ConfigureAwait(false);
        }

        if (_options.LogSensitiveData)
        {
            _logger.LogInformation("Language model reply: {Reply}", reply);
        }

        if (reply.StartsWith(Sentinel, StringComparison.Ordinal) || reply.Trim('.', ' ', '"', '\'', '`') == Sentinel)
        {
            return NotInBriefings(request);
        }

        reply = reply.Replace(Sentinel, string.Empty, StringComparison.Ordinal);
        if (reply.Length == 0 || !CitationChecker.HasMarkers(reply))
        {
            return await FallBackAsync(request, "the reply cites no passage", cancellationToken).ConfigureAwait(false);
        }

        var check = _checker.Check(reply, sources, widths);
        _logger.LogInformation("Citation check kept {Kept} sentences, dropped {Dropped}, removed {Removed} markers",
            check.KeptSentences, check.DroppedSentences, check.RemovedMarkers);
        if (check.IsEmpty)
        {
            return NotInBriefings(request);
        }

        return new Answer(request.Question, AnswerOutcome.Answered, check.Text, Citations(check, packed.Included));
    }

    private static List<Citation> Citations(CitationCheck check, IReadOnlyList<Evidence> included)
    {
        var citations = new List<Citation>();
        for (var i = 0; i < check.Keys.Count; i++)
        {
            var evidence = included[check.Keys[i] - 1];
            var n = check.Starts[i];
            foreach (var source in evidence.AlsoIn.Prepend(evidence))
            {
                var b = source.Briefing;
                citations.Add(new Citation(n++, b.File, b.Title, b.Published, b.Publisher, b.Url, source.Passage.Text));
            }
        }

        return citations;
    }

    private static Answer NotInBriefings(ComposeRequest request) =>
        Answering.NotInBriefings.Create(request.Question, request.Evidence, missingNames: null);

    private async Task<Answer> FallBackAsync(ComposeRequest request, string reason, CancellationToken cancellationToken)
    {
        _logger.LogWarning("Answering offline instead of with the language model: {Reason}", reason);
        return await _fallback.ComposeAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
