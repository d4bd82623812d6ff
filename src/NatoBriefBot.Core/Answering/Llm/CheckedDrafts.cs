namespace NatoBriefBot.Core.Answering.Llm;

/// <summary>
/// Turns a reply that is still streaming in into drafts a user may see: only its finished sentences
/// (<see cref="CitationChecker.CompleteSentences"/>), run through the same citation check as the whole reply, so an
/// unsupported claim is never shown, not even for a moment. A draft is reported only when it extends the last one; the
/// check runs only when a sentence has been finished. The final answer, checked whole, replaces the drafts.
/// </summary>
internal sealed class CheckedDrafts(CitationChecker checker, IReadOnlyList<string> sources, IReadOnlyList<int> widths, IProgress<string> drafts)
{
    private string _finished = string.Empty;
    private string _reported = string.Empty;

    /// <summary>Called with the reply so far after every streamed chunk.</summary>
    public void OnText(string replySoFar)
    {
        var start = replySoFar.TrimStart();
        if (LlmAnswerComposer.Sentinel.StartsWith(start, StringComparison.Ordinal) || start.StartsWith(LlmAnswerComposer.Sentinel, StringComparison.Ordinal))
        {
            // The reply is (or may yet turn out to be) "not in the briefings": nothing to show.
            return;
        }

        var finished = CitationChecker.CompleteSentences(replySoFar.Replace(LlmAnswerComposer.Sentinel, string.Empty, StringComparison.Ordinal));
        if (finished.Length == _finished.Length && finished == _finished)
        {
            return;
        }

        _finished = finished;
        var text = checker.Check(finished, sources, widths).Text;
        if (text.Length > _reported.Length && text.StartsWith(_reported, StringComparison.Ordinal))
        {
            _reported = text;
            drafts.Report(text);
        }
    }
}
