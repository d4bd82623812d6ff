using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>
/// Reads an HTML news page with AngleSharp: metadata from meta tags (og:title, article:published_time,
/// og:site_name...), then the article's text with page furniture (scripts, navigation, header/footer, asides,
/// forms, ad/share/related/cookie blocks) removed and block structure kept as one paragraph per line.
/// </summary>
public static partial class HtmlBriefingExtractor
{
    private static readonly string[] JunkTags =
        ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg", "template",
         "button", "select", "input", "textarea", "object", "embed", "canvas", "dialog", "link", "meta"];

    private static readonly HashSet<string> JunkRoles =
        new(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> JunkTokens = new(
        ["ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "dfp", "sponsor", "sponsored",
         "promo", "promoted", "share", "sharing", "sharebar", "social", "related", "recommended", "recommendations", "newsletter",
         "subscribe", "subscription", "cookie", "cookies", "consent", "gdpr", "popup", "modal", "comments", "comment",
         "breadcrumb", "breadcrumbs", "tags", "trending", "popular", "mostread", "outbrain", "taboola", "sidebar", "banner", "paywall"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Metadata and article text of <paramref name="html"/>; the text is empty when the page has no body text.</summary>
    public static (BriefingMetadata Metadata, string Text) Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = new HtmlParser().ParseDocument(html);
        var metadata = ReadMetadata(document);
        RemoveJunk(document);
        var root = PickRoot(document);
        return (metadata, root is null ? "" : HtmlBlockText.Render(root));
    }

    private static BriefingMetadata ReadMetadata(IHtmlDocument document)
    {
        var site = Meta(document, "og:site_name") ?? Meta(document, "publisher") ?? Meta(document, "application-name");
        var h1 = Clean(document.QuerySelector("h1")?.TextContent);
        var title = Meta(document, "og:title") ?? Meta(document, "twitter:title") ?? WithoutSiteName(Clean(document.Title), site) ?? h1;
        var url = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta(document, "og:url");
        return new BriefingMetadata(title, FindDate(document), site, Clean(url));
    }

    private static DateOnly? FindDate(IHtmlDocument document)
    {
        string?[] candidates =
        [
            Meta(document, "article:published_time"), Meta(document, "og:published_time"), Meta(document, "datePublished"),
            Meta(document, "date"), Meta(document, "pubdate"), Meta(document, "publishdate"), Meta(document, "publish-date"),
            Meta(document, "dc.date.issued"), Meta(document, "dc.date"), Meta(document, "dcterms.created"), Meta(document, "parsely-pub-date"),
            ItemPropDate(document), JsonLdDate(document),
            (document.QuerySelector("time[pubdate]") ?? document.QuerySelector("article time[datetime]") ?? document.QuerySelector("time[datetime]"))
                ?.GetAttribute("datetime"),
        ];
        return candidates.Where(c => c is not null).Select(c => PublicationDateParser.ParseFirst(c!)).FirstOrDefault(d => d is not null);
    }

    private static string? ItemPropDate(IHtmlDocument document)
    {
        var element = document.QuerySelector("[itemprop='datePublished']");
        return element is null ? null : element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? element.TextContent;
    }

    private static string? JsonLdDate(IHtmlDocument document) =>
        document.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonLdPublished().Match(s.TextContent))
            .FirstOrDefault(m => m.Success)?.Groups["value"].Value;

    private static string? Meta(IHtmlDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && Clean(meta.GetAttribute("content")) is { } content)
            {
                return content;
            }
        }

        return null;
    }

    private static string? WithoutSiteName(string? title, string? site)
    {
        if (title is null || site is null)
        {
            return title;
        }

        var match = SiteSuffix().Match(title);
        return match.Success && string.Equals(match.Groups["site"].Value.Trim(), site, StringComparison.OrdinalIgnoreCase)
            ? title[..match.Index].Trim()
            : title;
    }

    private static void RemoveJunk(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll(string.Join(",", JunkTags)).ToList())
        {
            element.Remove();
        }

        var paragraphs = document.QuerySelectorAll("p").Length;
        foreach (var element in document.QuerySelectorAll("*").ToList())
        {
            if (element.LocalName is "html" or "body" or "main" or "article" || element.Parent is null)
            {
                continue;
            }

            if (IsHidden(element) || IsJunkRole(element) || (HasJunkName(element) && !HoldsArticle(element, paragraphs)))
            {
                element.Remove();
            }
        }
    }

    /// <summary>A wrapper with a junk-looking class ("has-sidebar") that holds the article itself must stay.</summary>
    private static bool HoldsArticle(IElement element, int pageParagraphs)
    {
        if (element.QuerySelector("article, main, h1, [role='main']") is not null)
        {
            return true;
        }

        var inside = element.QuerySelectorAll("p").Length;
        return inside >= 3 && inside * 2 > pageParagraphs;
    }

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || HiddenStyle().IsMatch(element.GetAttribute("style") ?? "");

    private static bool IsJunkRole(IElement element) => JunkRoles.Contains(element.GetAttribute("role") ?? "");

    private static bool HasJunkName(IElement element)
    {
        var names = $"{element.GetAttribute("class")} {element.Id}";
        var squashed = NameToken().Replace(names, m => m.Value.ToLowerInvariant()).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (squashed.Contains("mostread", StringComparison.Ordinal) || squashed.Contains("readmore", StringComparison.Ordinal) || squashed.Contains("readalso", StringComparison.Ordinal))
        {
            return true;
        }

        return NameToken().Matches(CamelBoundary().Replace(names, "$1 $2")).Any(t => JunkTokens.Contains(t.Value));
    }

    /// <summary>The longest &lt;article&gt;, else &lt;main&gt;, else the body.</summary>
    private static IElement? PickRoot(IHtmlDocument document)
    {
        var article = document.QuerySelectorAll("article").MaxBy(a => a.TextContent.Trim().Length);
        if (article is not null && article.TextContent.Trim().Length > 0)
        {
            return article;
        }

        var main = document.QuerySelector("main, [role='main']");
        return main is not null && main.TextContent.Trim().Length > 0 ? main : document.Body;
    }

    private static string? Clean(string? value)
    {
        var collapsed = value is null ? "" : Whitespace().Replace(value, " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+[|–—-]\s+(?<site>[^|–—]+)$")]
    private static partial Regex SiteSuffix();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex NameToken();

    [GeneratedRegex(@"([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex(@"""datePublished""\s*:\s*""(?<value>[^""]+)""")]
    private static partial Regex JsonLdPublished();
}
