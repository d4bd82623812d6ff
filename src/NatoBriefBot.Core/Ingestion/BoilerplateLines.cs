using System.Buffers;
using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>
/// Recognises single lines of page chrome by family rather than by exact text: ad markers, read-time badges,
/// tag lists, share/print/subscribe bars, copyright and syndication notices, photo credits, cookie notices,
/// breadcrumbs, bare bullets and standalone date/time stamps. Also recognises the headers that open a list of
/// unrelated headlines ("Related", "Most read", "HOT NEWS"...).
/// </summary>
public static partial class BoilerplateLines
{
    private static readonly char[] BulletChars = ['•', '·', '▪', '►', '▸', '‣', '|', '*', '-', '–', '—', ' ', '\t'];

    /// <summary>True when the whole line is chrome that no article sentence would be.</summary>
    public static bool IsChrome(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var core = line.Trim().TrimStart(BulletChars).Trim();
        if (!core.Any(char.IsLetterOrDigit))
        {
            return true;
        }

        return IsChromeSegment(core) || (MetaSeparator().IsMatch(core) && IsMetaBar(core));
    }

    /// <summary>"2024-10-16 | Technology | 4 min read", "By Sam Lee · 31 August 2022 · 3 min read": every part is chrome, a byline or a one/two-word label.</summary>
    private static bool IsMetaBar(string core)
    {
        var parts = MetaSeparator().Split(core).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return parts.Count >= 2
            && parts.Any(IsChromeSegment)
            && parts.All(p => IsChromeSegment(p) || Byline().IsMatch(p) || (WordCount(p) <= 2 && !SentenceEnd().IsMatch(p)));
    }

    private static bool IsChromeSegment(string core)
    {
        var letters = StripEdges(core);
        var words = WordCount(core);
        return !HasLetterBesideDateLabels(core)
            || AdMarker().IsMatch(letters)
            || ReadTime().IsMatch(core)
            || TagLine().IsMatch(core)
            || ShareBar().IsMatch(letters)
            || (words <= 15 && SubscribePrompt().IsMatch(core))
            || (words <= 40 && Copyright().IsMatch(core))
            || Syndication().IsMatch(core)
            || (words <= 30 && Credit().IsMatch(core))
            || (words <= 60 && Cookie().IsMatch(core) && CookieAction().IsMatch(core))
            || Breadcrumb().IsMatch(core)
            || TimeOnly().IsMatch(core)
            || PublicationDateParser.IsDateLine(core);
    }

    /// <summary>ASCII letters that occur in no date label word, in either case: one of them always survives removing the labels.</summary>
    private static readonly SearchValues<char> NonLabelLetters = SearchValues.Create("jknqrvwxzJKNQRVWXZ");

    /// <summary>True when a letter is left once the date label words (published, updated, am, UTC...) are removed.</summary>
    private static bool HasLetterBesideDateLabels(string core) =>
        core.AsSpan().ContainsAny(NonLabelLetters) || DateLabelWords().Replace(core, "").Any(char.IsLetter);

    /// <summary>The text without leading characters other than letters, digits, '#' and '©', and without trailing characters other than letters and digits.</summary>
    private static string StripEdges(string text)
    {
        var start = 0;
        while (start < text.Length && !char.IsLetter(text[start]) && !char.IsNumber(text[start]) && text[start] is not ('#' or '©'))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && !char.IsLetter(text[end - 1]) && !char.IsNumber(text[end - 1]))
        {
            end--;
        }

        return start == 0 && end == text.Length ? text : text[start..end];
    }

    /// <summary>True when the line is a header that opens a list of other stories (related, latest, most read...).</summary>
    public static bool IsListHeader(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return ListHeader().IsMatch(StripEdges(line.Trim()));
    }

    /// <summary>True for a short line written entirely in capitals, such as "TOP STORIES".</summary>
    public static bool IsCapsHeader(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim();
        var count = WordCount(trimmed);
        return count is >= 1 and <= 4 && trimmed.Any(char.IsLetter) && !trimmed.Any(char.IsLower) && trimmed.Length >= 4;
    }

    /// <summary>True when the line starts like a list item ("- ", "* ", "• ", "1. ").</summary>
    public static bool IsBulleted(string line) => ListItem().IsMatch(line);

    /// <summary>True for a line that reads as a full sentence: six or more words ending in sentence punctuation.</summary>
    public static bool IsProse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return WordCount(line) >= 6 && SentenceEnd().IsMatch(line.TrimEnd());
    }

    /// <summary>True for a headline-sized line that is not a full sentence.</summary>
    public static bool IsHeadlineLike(string line) => !IsProse(line) && WordCount(line) is >= 1 and <= 30;

    /// <summary>Words: a letter or digit followed by letters, digits, apostrophes, dots and hyphens.</summary>
    internal static int WordCount(string text)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]) && !char.IsNumber(text[i]))
            {
                i++;
                continue;
            }

            count++;
            i++;
            while (i < text.Length && (char.IsLetter(text[i]) || char.IsNumber(text[i]) || text[i] is '\'' or '’' or '.' or '-'))
            {
                i++;
            }
        }

        return count;
    }

    [GeneratedRegex(@"\s[|·•]\s")]
    private static partial Regex MetaSeparator();

    [GeneratedRegex(@"^(?i:by)\s+\p{Lu}[\p{L}'.-]*(?:\s+[\p{L}'.-]+){0,4}$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"\b(?:published|posted|last|updated|modified|date|am|pm|utc|gmt|cet|cest)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateLabelWords();

    [GeneratedRegex(@"^(?:ads?|advert|advertisement|advertising|sponsored(?: (?:content|links?|stories|post|by .{1,40}))?|promoted(?: (?:content|stories|links?))?|paid (?:content|post|partnership)|partner content|ad feedback|skip ad|(?:story|article) continues below(?: this)?(?: advertisement| ad)?|continue reading below(?: advertisement)?|scroll to continue(?: with content)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex AdMarker();

    [GeneratedRegex(@"^(?:(?:reading|read|estimated reading) time\W*)?(?:\d{1,3}|one|two|three|four|five|ten)[ -]?(?:min|mins|minutes?)\.?(?: (?:read|reading|read time|to read|listen))?$|^(?:reading|read) time\W+\d{1,3} ?(?:min|mins|minutes?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadTime();

    [GeneratedRegex(@"^(?:tags?|topics?|keywords?|filed under|categories|category|related topics)\s*:|^(?:#[\p{L}\p{N}_]+[\s,;]*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex TagLine();

    [GeneratedRegex(@"^(?:(?:share|sharing|share this|print|email|e-mail|mail|tweet|pin|copy|link|copy link|save|bookmark|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|viber|messenger|article|story|page|on|this|via|comments?|leave a comment|listen|font size|a\+|a-)[\s,|:/•·-]*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex ShareBar();

    [GeneratedRegex(@"^(?:subscribe|sign up|follow us|follow [\p{L}.]+ on|join us on|get (?:our|the) (?:newsletter|latest)|download (?:our|the) app)\b(?:\W+\w+){0,2}\W*$|^(?:subscribe|sign up|follow us|follow [\p{L}.]+ on|join us on|get (?:our|the)|download (?:our|the))\b.*\b(?:newsletter|updates|alerts|channel|telegram|facebook|twitter|instagram|youtube|app|inbox)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubscribePrompt();

    [GeneratedRegex(@"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))|\ball rights reserved\b", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"^/?\s*public release\b|\bdoes not take institutional positions\b|\bview (?:it )?in full here\.?$|^this (?:article|story|post|material|content|piece) (?:was |is |has been )?(?:originally |first )?(?:published|appeared|produced|republished|syndicated)\b|^(?:the|this) (?:article|story|post|material|content|piece|report) (?:was |is |has been )?(?:originally|first) (?:published|appeared)\b|^(?:originally|first) (?:published|appeared) (?:on|in|by|at)\b|^republished (?:from|with|by)\b|^(?:source|sources|via)\s*:.{0,80}$|^(?:reporting|writing|editing|additional reporting|compiled) by\b.{0,120}$", RegexOptions.IgnoreCase)]
    private static partial Regex Syndication();

    [GeneratedRegex(@"^(?:photo|photos|image|images|picture|pictured|video|graphic|illustration|photograph|credit|photo credit|image credit|cover photo|featured image|file photo)\s*:|^(?:photo|image|picture)s? (?:by|courtesy of|credit)\b|^\((?:photo|image|picture|credit)\b[^)]*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Credit();

    [GeneratedRegex(@"\bcookies?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cookie();

    [GeneratedRegex(@"\b(?:accept|consent|we use|this (?:site|website) uses|privacy policy|cookie policy|cookie settings|manage (?:preferences|settings)|agree)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CookieAction();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} &'-]{0,30}(?:\s+[>»›/]\s+[\p{L}\p{N}][\p{L}\p{N} &'-]{0,40}){2,}$")]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"^(?:updated|posted|published)?\W*\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|utc|gmt|cet|cest|eet|eest|est|edt)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOnly();

    [GeneratedRegex(@"^(?:hot news|breaking(?: news)?|latest(?: news| stories| articles| updates| videos| headlines)?|(?:the )?news feed|more about(?: this(?: topic| story)?)?|more (?:news|stories|articles|headlines|videos|on this(?: topic| story)?|from [\p{L} .'-]{1,30}|in [\p{L} .'-]{1,30})|related(?: articles| news| stories| posts| content| coverage| topics| reading| links| videos)?|read (?:more|also|next)|see also|also read|further reading|(?:most|the most) (?:read|popular|viewed|watched|shared|commented)(?: (?:news|stories|articles|today|this week))?|popular(?: now| news| articles| stories)?|trending(?: now| stories| news| topics)?|top (?:stories|news|headlines)|recommended(?: for you| articles| stories| reading)?|you (?:may|might) also (?:like|be interested in|enjoy)|editor'?s'? (?:picks?|choice)|don'?t miss|other news|in other news|what to read next|up next|also on [\p{L} .'-]{1,30}|(?:from|around) the web|in case you missed it|recent (?:posts|news|articles|stories))$", RegexOptions.IgnoreCase)]
    private static partial Regex ListHeader();

    [GeneratedRegex(@"^\s*(?:[-*•·▪►–—]\s+|\d{1,2}[.)]\s+)")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"[.!?…][""”’')\]]*$")]
    private static partial Regex SentenceEnd();

}
