using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Core.Answering;

/// <summary>The input of a composer: the (follow-up-resolved) question and the ranked evidence for it.</summary>
/// <param name="Question">What the user typed.</param>
/// <param name="ResolvedQuestion">The question with follow-up references resolved (equal to Question for a first turn).</param>
/// <param name="Evidence">Ranked passages, best first.</param>
public sealed record ComposeRequest(string Question, string ResolvedQuestion, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>The retrieval that produced the evidence (analyzed question, term weights, unknown names); null when evidence was given directly.</summary>
    public RetrievalResult? Retrieval { get; init; }

    /// <summary>Where to report checked drafts of the answer while it is written (<see cref="AskRequest.Drafts"/>); null for none.</summary>
    public IProgress<string>? Drafts { get; init; }
}

/// <summary>
/// Turns evidence into a cited answer. Two implementations: the offline extractive composer (default)
/// and the LLM composer (Semantic Kernel), which falls back to the offline one when its reply can't be trusted.
/// </summary>
public interface IAnswerComposer
{
    Task<Answer> ComposeAsync(ComposeRequest request, CancellationToken cancellationToken = default);
}
