using System.Globalization;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Api;

/// <summary>The one JSON shape of an answer, shared by <c>ask --json</c> and <c>POST /api/ask</c>. Briefing text stays data
/// (JSON-encoded, never markup); links are only http(s) (<see cref="UntrustedContent.HttpUrl"/>).</summary>
public static class AnswerJson
{
    public static object From(Answer answer, string? id = null) => new
    {
        id,
        question = answer.Question,
        outcome = answer.Outcome switch
        {
            AnswerOutcome.Answered => "answered",
            AnswerOutcome.NotInBriefings => "not_in_briefings",
            AnswerOutcome.Conversation => "conversation",
            _ => "failed",
        },
        answer = answer.Text,
        citations = answer.Citations.Select(c => new
        {
            n = c.N,
            file = c.File,
            title = c.Title,
            published = c.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            publisher = c.Publisher,
            url = UntrustedContent.HttpUrl(c.Url),
            quote = c.Quote,
        }),
        suggestions = answer.Suggestions,
        ms = answer.Ms,
    };
}
