using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Answering;

/// <summary>A prompt ready to send: the instructions (system message) and the data-bearing user message.</summary>
public sealed record RenderedPrompt(string System, string User);

/// <summary>
/// Reads prompt templates from <c>prompts/{name}.txt</c> under the project root and fills their named placeholders
/// (<c>{{$question}}</c>, <c>{{$passages}}</c>, ...). A template may be split into a system and a user part by lines
/// that read exactly <c>[system]</c> and <c>[user]</c>; without them the whole file is the user message.
/// Values are inserted in one pass, so placeholder-like text inside a value (a briefing, a question) stays literal.
/// </summary>
public sealed partial class PromptProvider
{
    public const string FolderName = "prompts";

    private const string SystemMarker = "[system]";
    private const string UserMarker = "[user]";

    private readonly string _folder;
    private readonly ConcurrentDictionary<string, string> _templates = new(StringComparer.Ordinal);

    /// <param name="projectRoot">The folder that holds <c>prompts/</c>.</param>
    public PromptProvider(string projectRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectRoot);
        _folder = Path.Combine(projectRoot, FolderName);
    }

    public PromptProvider(EngineRoot root) : this((root ?? throw new ArgumentNullException(nameof(root))).Path)
    {
    }

    /// <summary>The raw template text of <c>prompts/{name}.txt</c>.</summary>
    /// <exception cref="BriefBotException">The file is missing.</exception>
    public string GetTemplate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _templates.GetOrAdd(name, Load);
    }

    /// <summary>Fills every placeholder of the template; each must have a value and each value must be used.</summary>
    /// <exception cref="BriefBotException">The template is missing or its placeholders and the values disagree.</exception>
    public RenderedPrompt Render(string name, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (systemPart, userPart) = Split(GetTemplate(name));
        var used = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        string Fill(string part) => Placeholder().Replace(part, match =>
        {
            var key = match.Groups[1].Value;
            if (values.TryGetValue(key, out var value))
            {
                used.Add(key);
                return value;
            }

            missing.Add(key);
            return match.Value;
        });

        var prompt = new RenderedPrompt(Fill(systemPart), Fill(userPart));
        if (missing.Count > 0)
        {
            throw new BriefBotException($"The prompt {FolderName}/{name}.txt uses {Names(missing.Distinct())}, which the bot does not fill. Restore the file from the repository.");
        }

        var unused = values.Keys.Where(k => !used.Contains(k)).ToList();
        if (unused.Count > 0)
        {
            throw new BriefBotException($"The prompt {FolderName}/{name}.txt lacks {Names(unused)}. Restore the file from the repository.");
        }

        return prompt;
    }

    private static string Names(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => "{{$" + k + "}}"));

    private string Load(string name)
    {
        var path = Path.Combine(_folder, name + ".txt");
        if (!File.Exists(path))
        {
            throw new BriefBotException($"The prompt file {path} is missing. Restore the {FolderName}/ folder from the repository, or set Llm:Provider to None.");
        }

        return File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Splits the template (never the filled text, so a value cannot open a new section).</summary>
    private static (string System, string User) Split(string text)
    {
        var system = new StringBuilder();
        var user = new StringBuilder();
        var target = user;
        foreach (var line in text.Split('\n'))
        {
            switch (line.Trim())
            {
                case SystemMarker:
                    target = system;
                    continue;
                case UserMarker:
                    target = user;
                    continue;
                default:
                    target.Append(line).Append('\n');
                    break;
            }
        }

        return (system.ToString().Trim(), user.ToString().Trim());
    }

    [GeneratedRegex(@"\{\{\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
