using NatoBriefBot.Core.Answering;

namespace NatoBriefBot.Api;

/// <summary><c>POST /api/ask</c>: the JSON API used by integrators.</summary>
public static class AskApi
{
    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/ask", async (AskRequest request, IAnswerService answers, CancellationToken ct) =>
            Results.Ok(await answers.AskAsync(request, ct).ConfigureAwait(false)));
        return endpoints;
    }
}
