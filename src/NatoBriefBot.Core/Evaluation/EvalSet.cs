using System.Text.Json;
using System.Text.Json.Serialization;

namespace NatoBriefBot.Core.Evaluation;

/// <summary>One question of a question set (format of shared/eval/README.md).</summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources,
    [property: JsonPropertyName("accept")] IReadOnlyList<IReadOnlyList<string>> Accept);

/// <summary>One turn of a follow-up dialogue.</summary>
public sealed record EvalTurn(
    [property: JsonPropertyName("q")] string Question,
    [property: JsonPropertyName("accept")] IReadOnlyList<IReadOnlyList<string>> Accept,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources);

/// <summary>A dialogue whose turns are asked in one conversation, in order.</summary>
public sealed record EvalDialogue(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("turns")] IReadOnlyList<EvalTurn> Turns);

/// <summary>Reads question sets (JSON lines); a malformed line is reported with its number.</summary>
public static class EvalSet
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static List<T> Read<T>(string path)
    {
        if (!File.Exists(path))
        {
            throw new BriefBotException($"The question set '{path}' does not exist. Pass --questions/--followups with a JSON-lines file.");
        }

        var items = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                items.Add(JsonSerializer.Deserialize<T>(line, Options) ?? throw new JsonException("empty"));
            }
            catch (JsonException ex)
            {
                throw new BriefBotException($"Line {number} of '{path}' is not a valid entry: {ex.Message}", ex);
            }
        }

        return items;
    }

    /// <summary>True when the text contains at least one alternative of every accept group (case-insensitive).</summary>
    public static bool Accepts(string text, IReadOnlyList<IReadOnlyList<string>> accept) =>
        accept.All(group => group.Any(alt => text.Contains(alt, StringComparison.OrdinalIgnoreCase)));

    /// <summary>True when the file (e.g. <c>000_e92179c19b6e3612.txt</c>) is one of the sources: named by its leading
    /// number (<c>000</c>), its whole name, or its name without the extension.</summary>
    public static bool IsSource(string file, IReadOnlyList<string> sources)
    {
        var name = Path.GetFileName(file);
        var prefix = name.Split('_', '.')[0];
        var stem = Path.GetFileNameWithoutExtension(name);
        return sources.Any(s => string.Equals(s, prefix, StringComparison.OrdinalIgnoreCase) || string.Equals(s, name, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(s, stem, StringComparison.OrdinalIgnoreCase));
    }
}
