using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.Teams;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.State;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// The bot's turn logic for every channel: a message gets a typing indicator and then the cited answer; feedback is stored
/// with the answer it is about. The welcome goes to new members, except in Teams, where it goes once to each conversation the
/// bot is installed in (personal, group chat or team), not to every person who joins a team. One turn-error handler logs and
/// sends a polite message.
/// </summary>
public sealed partial class BriefingBot(
    IAnswerService answers,
    IBriefingCatalog catalog,
    StarterQuestions starters,
    IFeedbackStore feedback,
    IWelcomedConversations welcomed,
    IOptions<BotChannelOptions> options,
    ILogger<BriefingBot> logger) : IBot
{
    public const string ErrorText = "Sorry, something went wrong answering that. Please try again; if it keeps happening, tell the bot's owner.";
    public const string EmptyQuestionText = "Please type a question about the NATO defence ministers' briefings, for example what was decided at a meeting.";
    public const string FeedbackThanks = "Thanks for your feedback!";

    public const string FeedbackUnavailable = "Your feedback could not be saved just now (the bot's shared storage is not reachable). Please try again in a minute.";

    public async Task<InvokeResponse?> OnTurnAsync(Activity incoming, IActivitySender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(sender);
        try
        {
            return incoming.Type switch
            {
                "message" => await OnMessageAsync(incoming, sender, cancellationToken).ConfigureAwait(false),
                "conversationUpdate" => await OnConversationUpdateAsync(incoming, sender, cancellationToken).ConfigureAwait(false),
                "installationUpdate" => await OnInstallationUpdateAsync(incoming, sender, cancellationToken).ConfigureAwait(false),
                "invoke" or "event" or "messageReaction" => await OnFeedbackAsync(incoming, cancellationToken).ConfigureAwait(false),
                _ => null,
            };
        }
        catch (InvalidQuestionException ex)
        {
            // The same plain message /api/ask gives, as the reply: the user can fix the question.
            LogQuestionRejected(logger, incoming.ChannelId, ex.Message);
            await sender.SendAsync(ActivityFactory.Message(incoming, ex.Message, InputHints.ExpectingInput), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(logger, ex, incoming.Type, incoming.ChannelId, options.Value.LogSensitiveData ? incoming.Text : "(hidden)");
            if (incoming.Type == "invoke")
            {
                return ErrorResponse(500, ErrorText);
            }

            await sender.SendAsync(ActivityFactory.Message(incoming, ErrorText, InputHints.AcceptingInput), cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    private async Task<InvokeResponse?> OnMessageAsync(Activity incoming, IActivitySender sender, CancellationToken cancellationToken)
    {
        var question = MentionTag().Replace(incoming.Text ?? "", " ").Trim();
        if (question.Length == 0)
        {
            await sender.SendAsync(ActivityFactory.Message(incoming, EmptyQuestionText, InputHints.ExpectingInput), cancellationToken).ConfigureAwait(false);
            return null;
        }

        await sender.SendAsync(ActivityFactory.ReplyTo(incoming, "typing"), cancellationToken).ConfigureAwait(false);
        var answer = await answers.AskAsync(new AskRequest(question, ActivityFactory.ConversationKey(incoming)) { Drafts = sender.Drafts }, cancellationToken).ConfigureAwait(false);
        var answerKey = Guid.NewGuid().ToString("N");
        var reply = ReplyRenderer.Render(answer, incoming.ChannelId, answerKey)
            .ApplyTo(ActivityFactory.ReplyTo(incoming, "message") with { InputHint = InputHints.AcceptingInput });
        var activityId = await sender.SendAndGetIdAsync(reply, cancellationToken).ConfigureAwait(false);
        LogAnswered(logger, incoming.ChannelId, answer.Outcome, answer.Citations.Count);
        await RememberAsync(incoming, question, answer, answerKey, activityId, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task RememberAsync(Activity incoming, string question, Answer answer, string answerKey, string? activityId, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = JsonSerializer.Serialize(answer.Outcome).Trim('"');
            await feedback.RememberAnswerAsync(new SentAnswer(
                answerKey, activityId, incoming.ChannelId ?? "", incoming.Conversation?.Id ?? "", question, answer.Text, outcome,
                JsonSerializer.Serialize(answer.Citations, BotJson.Options)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The user has the answer already; only feedback about it will lack its context.
            LogRememberFailed(logger, ex);
        }
    }

    private async Task<InvokeResponse?> OnConversationUpdateAsync(Activity incoming, IActivitySender sender, CancellationToken cancellationToken)
    {
        var botId = incoming.Recipient?.Id;
        if ((incoming.MembersRemoved ?? []).Any(m => m.Id == botId))
        {
            await welcomed.ForgetAsync(ActivityFactory.ConversationKey(incoming), cancellationToken).ConfigureAwait(false);
        }

        var added = (incoming.MembersAdded ?? []).Where(m => m.Id is not null).ToList();
        var greet = IsTeams(incoming)
            ? added.Any(m => m.Id == botId) && await welcomed.TryClaimAsync(ActivityFactory.ConversationKey(incoming), cancellationToken).ConfigureAwait(false)
            : added.Any(m => m.Id != botId);
        if (greet)
        {
            await WelcomeAsync(incoming, sender, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Teams (and other channels that send it): <c>action</c> <c>add</c> is a fresh install; upgrades say nothing.</summary>
    private async Task<InvokeResponse?> OnInstallationUpdateAsync(Activity incoming, IActivitySender sender, CancellationToken cancellationToken)
    {
        var key = ActivityFactory.ConversationKey(incoming);
        var action = incoming.Extra?.GetValueOrDefault("action") is { ValueKind: JsonValueKind.String } a ? a.GetString() : null;
        if (action == "remove")
        {
            await welcomed.ForgetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        else if (action == "add" && await welcomed.TryClaimAsync(key, cancellationToken).ConfigureAwait(false))
        {
            await WelcomeAsync(incoming, sender, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private async Task WelcomeAsync(Activity incoming, IActivitySender sender, CancellationToken cancellationToken)
    {
        var summary = await catalog.GetSummaryAsync(cancellationToken).ConfigureAwait(false);
        var questions = await starters.VerifiedAsync(summary, ReplyRenderer.MaxSuggestions, cancellationToken).ConfigureAwait(false);
        var welcome = WelcomeMessage.Build(summary, questions)
            .ApplyTo(ActivityFactory.ReplyTo(incoming, "message") with { ReplyToId = null, InputHint = InputHints.ExpectingInput });
        await sender.SendAsync(welcome, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsTeams(Activity activity) => activity.ChannelId == "msteams";

    private async Task<InvokeResponse?> OnFeedbackAsync(Activity incoming, CancellationToken cancellationToken)
    {
        var (submission, error) = FeedbackParser.Parse(incoming);
        if (submission is null)
        {
            if (error is not null)
            {
                LogFeedbackRejected(logger, incoming.Type, incoming.Name, error);
            }

            return incoming.Type != "invoke" ? null
                : error is not null ? ErrorResponse(400, $"That feedback could not be read: {error}")
                : new InvokeResponse(501, null);
        }

        StoredFeedback stored;
        try
        {
            stored = await feedback.RecordAsync(submission, cancellationToken).ConfigureAwait(false);
        }
        catch (SharedStateUnavailableException)
        {
            return incoming.Type == "invoke" ? ErrorResponse(503, FeedbackUnavailable) : null;
        }

        LogFeedbackStored(logger, submission.ChannelId, submission.Reaction, stored.Question is not null);
        return incoming.Type == "invoke"
            ? new InvokeResponse(200, new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = FeedbackThanks })
            : null;
    }

    /// <summary>An invoke error whose body states the same status code as the HTTP response.</summary>
    private static InvokeResponse ErrorResponse(int status, string message) =>
        new(status, new { statusCode = status, type = "application/vnd.microsoft.error", value = new { code = status < 500 ? "BadRequest" : "BotError", message } });

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase)]
    private static partial Regex MentionTag();

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for a {Type} activity on channel {Channel}; question: {Question}")]
    private static partial void LogTurnFailed(ILogger logger, Exception ex, string? type, string? channel, string? question);

    [LoggerMessage(Level = LogLevel.Information, Message = "Question rejected on {Channel}: {Reason}")]
    private static partial void LogQuestionRejected(ILogger logger, string? channel, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered on {Channel}: {Outcome} with {Citations} citations")]
    private static partial void LogAnswered(ILogger logger, string? channel, AnswerOutcome outcome, int citations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remember a sent answer for feedback")]
    private static partial void LogRememberFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {Type} {Name}: {Reason}")]
    private static partial void LogFeedbackRejected(ILogger logger, string? type, string? name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Reaction} feedback from {Channel} (answer known: {Known})")]
    private static partial void LogFeedbackStored(ILogger logger, string channel, string reaction, bool known);
}
