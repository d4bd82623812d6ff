using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;
using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Core.Answering.Llm;

/// <summary>The passages that fit the budget, formatted for the prompt; <c>Included[i]</c> has key [i+1].</summary>
public sealed record PackedPassages(string Text, IReadOnlyList<Evidence> Included, int Tokens);

/// <summary>
/// Puts evidence into the prompt as data: each passage inside a <c>&lt;passage key="n"&gt;</c> fence with its title, date and
/// publisher, angle brackets in briefing text escaped so a briefing cannot close the fence. Passages are added best first
/// until the next one would overrun the cl100k token budget.
/// </summary>
public static class PromptPassages
{
    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForModel("gpt-4"));

    /// <summary>Tokens of <paramref name="text"/> in the cl100k encoding (GPT-4 family).</summary>
    public static int CountTokens(string text) => Cl100k.Value.CountTokens(text);

    public static PackedPassages Pack(IReadOnlyList<Evidence> evidence, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var text = new StringBuilder();
        var included = new List<Evidence>();
        var tokens = 0;
        foreach (var item in evidence)
        {
            var block = Format(included.Count + 1, item);
            var cost = CountTokens(block) + 1;
            if (tokens + cost > maxTokens)
            {
                break;
            }

            text.Append(block).Append('\n');
            included.Add(item);
            tokens += cost;
        }

        return new PackedPassages(text.ToString().TrimEnd(), included, tokens);
    }

    /// <summary>One fenced passage with its citation key.</summary>
    public static string Format(int key, Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var briefing = evidence.Briefing;
        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"<passage key=\"{key}\" title=\"{EscapeAttribute(briefing.Title)}\"");
        if (briefing.Published is { } date)
        {
            header.Append(CultureInfo.InvariantCulture, $" date=\"{date:yyyy-MM-dd}\"");
        }

        if (!string.IsNullOrWhiteSpace(briefing.Publisher))
        {
            header.Append(CultureInfo.InvariantCulture, $" publisher=\"{EscapeAttribute(briefing.Publisher)}\"");
        }

        return $"{header}>\n{Escape(evidence.Passage.Text.Trim())}\n</passage>";
    }

    /// <summary>What a sentence citing this passage may rely on: the passage text plus its title and date.</summary>
    public static string SupportText(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var date = evidence.Briefing.Published is { } d ? d.ToString("d MMMM yyyy yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        return $"{evidence.Briefing.Title}\n{date}\n{evidence.Briefing.Publisher}\n{evidence.Passage.Text}";
    }

    /// <summary>Makes untrusted text (briefings, questions, history) unable to open or close a prompt fence.</summary>
    public static string Escape(string? text) =>
        (text ?? string.Empty).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string EscapeAttribute(string? text) => Escape(text).Replace("\"", "&quot;", StringComparison.Ordinal);
}
