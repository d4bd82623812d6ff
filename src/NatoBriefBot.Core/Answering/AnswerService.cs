using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NatoBriefBot.Core.Diagnostics;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.State;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Answering;

/// <summary>
/// The engine's front door: resolves follow-ups against the conversation, retrieves evidence, composes the cited
/// answer and remembers the turn. Every outcome is explicit; unexpected failures become <see cref="AnswerOutcome.Failed"/>.
/// </summary>
public sealed partial class AnswerService(
    IRetriever retriever,
    IAnswerComposer composer,
    IQuestionRewriter rewriter,
    IConversationMemory memory,
    StarterQuestions starters,
    IBriefingCatalog catalog,
    Selection.AnswerPolicy policy,
    ChatIntents chat,
    AnsweringOptions options,
    ILogger<AnswerService> logger) : IAnswerService
{
    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var question = Validate(request.Question);
        using var turn = BotTelemetry.Source.StartActivity("natobriefbot.turn");
        var watch = Stopwatch.StartNew();
        if (SmallTalk.Classify(question) is { } kind)
        {
            // "hi", "thanks", "what can you do?": not a search of the briefings, and not a turn follow-ups point back to.
            turn?.SetTag("natobriefbot.outcome", nameof(AnswerOutcome.Conversation));
            var reply = await SmallTalkAsync(question, kind, cancellationToken).ConfigureAwait(false);
            return reply with { Ms = Math.Round(watch.Elapsed.TotalMilliseconds, 2) };
        }

        var (history, memoryDown) = await RecallAsync(request.Conversation, cancellationToken).ConfigureAwait(false);
        var (resolved, answer, timings) = StatementFollowUp.Answer(question, history, catalog.GetText) is { } aboutLast
            // "who said that?", "when was that announced?": asked of the previous answer's own statement, answered from its
            // briefing, not searched.
            ? (question, aboutLast, null)
            : await SearchAsync(question, history, request.Drafts, cancellationToken).ConfigureAwait(false);
        if (answer.Outcome == AnswerOutcome.Conversation)
        {
            // Small talk after all (SmallTalkByMeaningAsync): replied to, and, like the small talk above, not remembered.
            turn?.SetTag("natobriefbot.outcome", nameof(AnswerOutcome.Conversation));
            return answer with { Ms = Math.Round(watch.Elapsed.TotalMilliseconds, 2) };
        }

        answer = answer with { Question = question, AskedAs = resolved, Ms = Math.Round(watch.Elapsed.TotalMilliseconds, 2), Timings = timings };
        var outcome = new KeyValuePair<string, object?>("outcome", answer.Outcome.ToString());
        BotTelemetry.TurnDuration.Record(watch.Elapsed.TotalMilliseconds, outcome);
        turn?.SetTag("natobriefbot.outcome", answer.Outcome.ToString());
        turn?.SetTag("natobriefbot.citations", answer.Citations.Count);
        turn?.SetTag("natobriefbot.follow_up", history.Count > 0);
        memoryDown |= !await TryRememberAsync(request.Conversation, new ConversationTurn(question, resolved, answer), cancellationToken).ConfigureAwait(false);
        return memoryDown ? answer with { Text = answer.Text + "\n\n" + FollowUpsUnavailable } : answer;
    }

    /// <summary>The question resolved against the conversation, searched, and answered; a "not in the briefings" reply
    /// offers questions the closest briefings do answer.</summary>
    private async Task<(string Resolved, Answer Answer, RetrievalTimings? Timings)> SearchAsync(
        string question, IReadOnlyList<ConversationTurn> history, IProgress<string>? drafts, CancellationToken cancellationToken)
    {
        var resolved = history.Count == 0 ? question : await rewriter.RewriteAsync(question, history, cancellationToken).ConfigureAwait(false);
        var hints = FollowUpRewriter.Hints(question, history, resolved);
        var (answer, retrieval) = string.Equals(resolved, question, StringComparison.Ordinal) && MultipartQuestion.Split(question) is { } parts
            ? await ComposeMultipartAsync(question, parts, hints, drafts, cancellationToken).ConfigureAwait(false)
            : await ComposeAsync(question, resolved, hints, drafts, cancellationToken).ConfigureAwait(false);
        if (answer.Outcome == AnswerOutcome.NotInBriefings && !string.Equals(resolved, question, StringComparison.Ordinal))
        {
            // The reading of the follow-up found nothing: the words as the user wrote them may still find the answer in the
            // briefings the last answer cited ("who leads it" where "it" is not what the rewrite guessed). Only there: away
            // from the conversation's briefings a bare follow-up means too little to answer. The conversation remembers the
            // reading, which names what the turn was about.
            // The policy decides first (cheap): the composer, perhaps an LLM, only writes an answer that will be kept.
            var written = await RetrieveAsync(question, hints, cancellationToken).ConfigureAwait(false);
            if (policy.AnswersFrom(written) is { } file && hints.PreferredFiles.Contains(file))
            {
                var asWritten = await ComposeAsync(question, question, written, null, cancellationToken).ConfigureAwait(false);
                if (asWritten.Outcome == AnswerOutcome.Answered && asWritten.Citations.Count > 0 && asWritten.Citations.All(c => hints.PreferredFiles.Contains(c.File)))
                {
                    (answer, retrieval) = (asWritten, written);
                }
            }
            else if (BringsInWhatTheConversationDidNot(written.Query, history))
            {
                // "that greyline report talks about hybrid stuff too - where's that firm based": the turn names something the
                // conversation never did, so it moves to a new topic; asked on its own (the old topic carried over found
                // nothing), it may well be answered.
                var alone = await RetrieveAsync(question, new RetrievalHints([]), cancellationToken).ConfigureAwait(false);
                if (policy.AnswersFrom(alone) is not null &&
                    await ComposeAsync(question, question, alone, null, cancellationToken).ConfigureAwait(false) is { Outcome: AnswerOutcome.Answered } asWritten)
                {
                    (answer, retrieval) = (asWritten, alone);
                }
            }
        }

        if ((answer.Outcome == AnswerOutcome.NotInBriefings || (answer.Outcome == AnswerOutcome.Answered && !StatementFollowUp.NamesSomeone(answer.Text))) &&
            StatementFollowUp.WhoSaid(question, retrieval.Evidence.Select(e => e.Briefing).DistinctBy(b => b.Id).Take(MaxSpeakerBriefings), catalog.GetText) is { } speaker)
        {
            // "who said …" about a quotation whose sentence does not name its speaker ("…," the secretary general said): the
            // briefing does, nearby. Declined, or answered with the quotation but no one's name, the question gets the name.
            return (resolved, speaker, retrieval.Timings);
        }

        // A turn the conversation gave its meaning to ("who's the ceo", "where?", "and the cost?") is a follow-up, declined,
        // not small talk however near a chat example its few words are ("who are you?").
        var followUp = !string.Equals(resolved, question, StringComparison.Ordinal);
        if (answer.Outcome == AnswerOutcome.NotInBriefings && !followUp && await SmallTalkByMeaningAsync(question, retrieval, cancellationToken).ConfigureAwait(false) is { } chatKind)
        {
            // "who exactly am I chatting with here, a program?", "any advice on how to ask you things?": conversation the phrase
            // rules missed, which the briefings do not answer either; it gets the small-talk reply rather than "I couldn't find that".
            return (question, await SmallTalkAsync(question, chatKind, cancellationToken).ConfigureAwait(false), retrieval.Timings);
        }

        if (answer.Outcome == AnswerOutcome.NotInBriefings && retrieval.Evidence.Count > 0)
        {
            // Buttons that ask real questions: for each of the closest briefings, one the bot answers from that briefing.
            var closest = retrieval.Evidence.Select(e => e.Briefing).DistinctBy(b => b.Id).Take(3);
            var checkedQuestions = await starters.ForBriefingsAsync(closest, 3, cancellationToken).ConfigureAwait(false);
            if (checkedQuestions.Count > 0)
            {
                answer = answer with { Suggestions = checkedQuestions };
            }
        }

        return (resolved, answer, retrieval.Timings);
    }

    /// <summary>The reply to small talk: what the bot is and, for a greeting or a request for help, questions to start from
    /// (the caller sets the turn's time).</summary>
    private async Task<Answer> SmallTalkAsync(string question, SmallTalkKind kind, CancellationToken cancellationToken)
    {
        var summary = await catalog.GetSummaryAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> examples = SmallTalk.OffersExamples(kind) && summary.BriefingCount > 0
            ? await starters.VerifiedAsync(summary, MaxExamples, cancellationToken).ConfigureAwait(false)
            : [];
        return new Answer(question, AnswerOutcome.Conversation, SmallTalk.Reply(kind, summary), []) { Suggestions = examples };
    }

    /// <summary>The kind of small talk a declined message is by meaning (<see cref="ChatIntents"/>): near one of the
    /// examples, and nearer to it than to any passage of the briefings.</summary>
    private async Task<SmallTalkKind?> SmallTalkByMeaningAsync(string question, RetrievalResult retrieval, CancellationToken cancellationToken)
    {
        // A message quoting a line ('"defending our one billion citizens" - who said that?') asks about an article, however
        // chatty the words around the quote.
        if (options.ChatSimilarity >= 1 || retrieval.UnknownSalient.Count > 0 || retrieval.Query.QuotedTerms.Count > 0)
        {
            return null;
        }

        var nearest = await chat.NearestAsync(question, cancellationToken).ConfigureAwait(false);
        if (Near(nearest))
        {
            return nearest.Kind;
        }

        // Chat diluted by a lead-in ("hey so I'm new on the team, who are you exactly?"): every part chat-like and one part
        // near. The whole message's nearest kind is the reply's: a part alone can mislead ("ok grazie" reads as "who are you?").
        if (options.ChatPartSimilarity >= 1 || ChatIntents.Parts(question).Count < 2)
        {
            return null;
        }

        var parts = await chat.NearestByPartAsync(question, cancellationToken).ConfigureAwait(false);
        return parts.All(p => p.Similarity >= options.ChatPartSimilarity) && parts.Any(Near) ? nearest.Kind : null;

        bool Near(ChatIntent intent) => intent.Similarity >= options.ChatSimilarity && intent.Similarity - retrieval.NearestPassage >= options.ChatMargin;
    }

    /// <summary>Does the question stand on its own (several words of its own) and bring in something no earlier turn of the
    /// conversation mentions, in its question or its answer: a name (not a number), or several words ("theres a welsh factory
    /// making those shells too, how many a year")? "what about france" names a new country but asks the last question
    /// again.</summary>
    private static bool BringsInWhatTheConversationDidNot(QueryAnalysis query, IReadOnlyList<ConversationTurn> history)
    {
        if (query.CoreTerms.Count < MinOwnTerms)
        {
            return false;
        }

        var said = history.SelectMany(t => TermAnalyzer.Terms($"{t.Question} {t.ResolvedQuestion} {t.Answer.Text}")).ToHashSet(StringComparer.Ordinal);
        return query.Salient.Any(n => !n.Any(char.IsAsciiDigit) && !said.Contains(n)) || query.CoreTerms.Count(t => !said.Contains(t)) >= MinNewTerms;
    }

    /// <summary>Words of its own (core terms) a follow-up needs to be asked as a question of its own.</summary>
    private const int MinOwnTerms = 4;

    /// <summary>Words no earlier turn used that make a follow-up with words of its own a new question.</summary>
    private const int MinNewTerms = 2;

    /// <summary>Retrieved briefings read for the statement of a "who said…" question the search declined.</summary>
    private const int MaxSpeakerBriefings = 3;

    /// <summary>Example questions offered with a greeting or a request for help.</summary>
    private const int MaxExamples = 4;

    /// <summary>Added to an answer in a conversation while the conversation memory (Redis) cannot be reached.</summary>
    public const string FollowUpsUnavailable =
        "Follow-up questions are unavailable right now, so I answered this one on its own. If it refers to an earlier question, please ask it in full.";

    private async Task<(IReadOnlyList<ConversationTurn> History, bool Down)> RecallAsync(string? conversation, CancellationToken cancellationToken)
    {
        try
        {
            return (await memory.HistoryAsync(conversation, cancellationToken).ConfigureAwait(false), false);
        }
        catch (SharedStateUnavailableException)
        {
            return ([], true);
        }
    }

    private async Task<bool> TryRememberAsync(string? conversation, ConversationTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            await memory.RememberAsync(conversation, turn, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SharedStateUnavailableException)
        {
            return false;
        }
    }

    private async Task<(Answer Answer, RetrievalResult Retrieval)> ComposeAsync(
        string question, string resolved, RetrievalHints hints, IProgress<string>? drafts, CancellationToken cancellationToken)
    {
        var retrieval = await RetrieveAsync(resolved, hints, cancellationToken).ConfigureAwait(false);
        return (await ComposeAsync(question, resolved, retrieval, drafts, cancellationToken).ConfigureAwait(false), retrieval);
    }

    private async Task<RetrievalResult> RetrieveAsync(string resolved, RetrievalHints hints, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var retrieve = BotTelemetry.Source.StartActivity("natobriefbot.retrieve");
        var retrieval = await retriever.RetrieveAsync(resolved, hints, cancellationToken).ConfigureAwait(false);
        retrieve?.SetTag("natobriefbot.passages", retrieval.Evidence.Count);
        BotTelemetry.RetrievalDuration.Record(watch.Elapsed.TotalMilliseconds);
        return retrieval;
    }

    private async Task<Answer> ComposeAsync(string question, string resolved, RetrievalResult retrieval, IProgress<string>? drafts, CancellationToken cancellationToken)
    {
        var compose = new ComposeRequest(question, resolved, retrieval.Evidence) { Retrieval = retrieval, Drafts = drafts };
        using var composition = BotTelemetry.Source.StartActivity("natobriefbot.compose");
        var watch = Stopwatch.StartNew();
        try
        {
            return await composer.ComposeAsync(compose, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not BriefBotException)
        {
            LogComposeFailed(logger, ex);
            composition?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            return new Answer(question, AnswerOutcome.Failed, "Sorry, I couldn't put an answer together just now. Please try again in a moment.", []);
        }
        finally
        {
            BotTelemetry.CompositionDuration.Record(watch.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>A question asking two things: both parts answered and joined; else the question as a whole, and when that
    /// is not answered either, the part the briefings do answer with a note on the other.</summary>
    private async Task<(Answer Answer, RetrievalResult Retrieval)> ComposeMultipartAsync(
        string question, (string First, string Second) parts, RetrievalHints hints, IProgress<string>? drafts, CancellationToken cancellationToken)
    {
        var (first, firstRetrieval) = await ComposeAsync(parts.First, parts.First, hints, null, cancellationToken).ConfigureAwait(false);
        var (second, _) = await ComposeAsync(parts.Second, parts.Second, hints, null, cancellationToken).ConfigureAwait(false);
        var secondPart = parts.Second[(parts.First.Length + 1)..].Trim();
        if (first.Outcome == AnswerOutcome.Answered && second.Outcome == AnswerOutcome.Answered)
        {
            return (MultipartQuestion.Join(question, parts.First, secondPart, first, second)!, firstRetrieval);
        }

        var whole = await ComposeAsync(question, question, hints, drafts, cancellationToken).ConfigureAwait(false);
        return whole.Answer.Outcome != AnswerOutcome.Answered && MultipartQuestion.Join(question, parts.First, secondPart, first, second) is { } part
            ? (part, firstRetrieval)
            : whole;
    }

    /// <summary>Checks a question before any work is done.</summary>
    /// <exception cref="InvalidQuestionException">Empty, too long, or not text.</exception>
    public string Validate(string? question)
    {
        var q = question?.Trim();
        if (string.IsNullOrEmpty(q))
        {
            throw new InvalidQuestionException("The question is empty. Ask something about the briefings, for example: \"Who is NATO's Secretary General?\"");
        }

        if (q.Length > options.MaxQuestionLength)
        {
            throw new InvalidQuestionException($"The question is {q.Length} characters long; the limit is {options.MaxQuestionLength}. Please shorten it.");
        }

        if (q.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw new InvalidQuestionException("The question contains control characters. Please send plain text.");
        }

        return q;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Composing an answer failed")]
    private static partial void LogComposeFailed(ILogger logger, Exception exception);
}

/// <summary>The question cannot be asked as it is; the message tells the user what to change.</summary>
public sealed class InvalidQuestionException : BriefBotException
{
    public InvalidQuestionException(string message) : base(message) { }

    public InvalidQuestionException() { }

    public InvalidQuestionException(string message, Exception inner) : base(message, inner) { }
}
