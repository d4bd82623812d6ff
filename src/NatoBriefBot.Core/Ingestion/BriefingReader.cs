using System.Globalization;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>
/// Reads .txt, .md and .html briefings. Order of trust for metadata: sidecar file, then front matter or HTML meta
/// tags, then what the text itself says. <see cref="ParsedBriefing.Text"/> starts with the headline once, followed
/// by the cleaned article, one paragraph per line block separated by blank lines.
/// </summary>
public sealed class BriefingReader : IBriefingReader
{
    private const int MaxTitleLength = 200;

    private static readonly HashSet<string> Extensions = new([".txt", ".md", ".markdown", ".html", ".htm"], StringComparer.OrdinalIgnoreCase);

    private readonly long _maxFileBytes;

    public BriefingReader(IOptions<IngestionOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value.MaxFileBytes)
    {
    }

    public BriefingReader(long maxFileBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFileBytes, 1);
        _maxFileBytes = maxFileBytes;
    }

    /// <inheritdoc />
    public IReadOnlySet<string> SupportedExtensions => Extensions;

    /// <summary>True for sidecar metadata files (<c>*.meta.json</c>), which the pipeline should skip rather than read.</summary>
    public static bool IsSidecar(string path) => SidecarMetadata.IsSidecar(path);

    /// <inheritdoc />
    public async Task<ParsedBriefing> ReadAsync(string fullPath, string ingestRoot, CancellationToken cancellationToken = default)
    {
        var extension = CheckedExtension(fullPath, ingestRoot);
        var bytes = await ReadBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
        return await ParseAsync(fullPath, ingestRoot, extension, bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ParsedBriefing> ReadAsync(string fullPath, string ingestRoot, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var extension = CheckedExtension(fullPath, ingestRoot);
        if (content.Length > _maxFileBytes)
        {
            throw new BriefingRejectedException(OverLimit(content.Length));
        }

        return ParseAsync(fullPath, ingestRoot, extension, content, cancellationToken);
    }

    private static string CheckedExtension(string fullPath, string ingestRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);
        ArgumentException.ThrowIfNullOrEmpty(ingestRoot);
        var extension = Path.GetExtension(fullPath).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            var shown = extension.Length == 0 ? "(no extension)" : extension;
            throw new BriefingRejectedException($"unsupported file type {shown}; use .txt, .md or .html");
        }

        return extension;
    }

    private static async Task<ParsedBriefing> ParseAsync(string fullPath, string ingestRoot, string extension, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var content = BriefingTextDecoder.Decode(bytes.Span);
        var (stated, body) = extension is ".html" or ".htm" ? ReadHtml(content) : ReadText(content, extension);
        var metadata = (await SidecarMetadata.LoadAsync(fullPath, cancellationToken).ConfigureAwait(false)).Or(stated);
        return Compose(RelativeName(fullPath, ingestRoot), metadata, body);
    }

    /// <summary>Builds the briefing from stated metadata and the uncleaned body text (pure; used by <see cref="ReadAsync"/>).</summary>
    public static ParsedBriefing Compose(string file, BriefingMetadata metadata, string body)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var lines = BoilerplateCleaner.Classify(body);
        var article = lines.Where(l => l.Kind == LineKind.Article).Select(l => l.Text).ToList();
        if (article.Count == 0)
        {
            throw new BriefingRejectedException("the file has no article text left once page furniture (ads, menus, headline lists) is removed");
        }

        var title = metadata.Title ?? (article[0].Length <= MaxTitleLength ? article[0] : null);
        var titleKey = title is null ? null : BoilerplateCleaner.Key(title);
        var paragraphs = title is null ? article : article.Where((p, i) => !IsTitleVariant(p, i, titleKey!)).Prepend(title);
        var withoutOtherStories = BoilerplateCleaner.Join(lines, LineKind.Article, LineKind.Chrome);

        var url = UntrustedContent.HttpUrl(metadata.Url);
        return new ParsedBriefing(
            file,
            title ?? Path.GetFileNameWithoutExtension(file),
            metadata.Published ?? PublicationDateParser.FindPublicationDate(withoutOtherStories),
            metadata.Publisher ?? PublisherDetector.Find(body),
            url,
            string.Join("\n\n", paragraphs))
        {
            Notes = url is null && !string.IsNullOrWhiteSpace(metadata.Url)
                ? [$"its link \"{Shown(metadata.Url)}\" was dropped: only http and https links are kept"]
                : [],
        };
    }

    /// <summary>A stated value short enough to quote in a note, without control characters.</summary>
    private static string Shown(string value)
    {
        var flat = new string(value.Trim().ReplaceLineEndings(" ").Where(c => !char.IsControl(c)).ToArray());
        return flat.Length <= 60 ? flat : flat[..59] + "\u2026";
    }

    /// <summary>The title again, or (as the first line) a longer headline variant of it, e.g. an HTML h1 beside og:title.</summary>
    private static bool IsTitleVariant(string paragraph, int index, string titleKey)
    {
        var key = BoilerplateCleaner.Key(paragraph);
        return key == titleKey || (index == 0 && titleKey.Length > 0 && key.StartsWith(titleKey, StringComparison.Ordinal) && BoilerplateLines.IsHeadlineLike(paragraph));
    }

    private async Task<byte[]> ReadBytesAsync(string fullPath, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (Directory.Exists(fullPath))
            {
                throw new BriefingRejectedException("the path is a folder, not a file");
            }

            if (!info.Exists)
            {
                throw new BriefingRejectedException("the file does not exist (it may have been moved or deleted)");
            }

            if (info.Length > _maxFileBytes)
            {
                throw new BriefingRejectedException(OverLimit(info.Length));
            }

            return await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BriefingRejectedException($"the file could not be read ({ex.Message}); check that it exists and that the bot may read it", ex);
        }
    }

    private string OverLimit(long length)
    {
        var (size, limit) = (FormatSize(length), FormatSize(_maxFileBytes));
        if (size == limit)
        {
            (size, limit) = (FormatSize(length, exact: true), FormatSize(_maxFileBytes, exact: true));
        }

        return $"the file is {size}, over the {limit} limit (Ingestion:MaxFileBytes)";
    }

    private static (BriefingMetadata, string) ReadHtml(string html)
    {
        var (metadata, text) = HtmlBriefingExtractor.Extract(html);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new BriefingRejectedException("the HTML page has no body text");
        }

        return (metadata, text);
    }

    private static (BriefingMetadata, string) ReadText(string text, string extension)
    {
        var (metadata, body) = FrontMatter.Split(text);
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new BriefingRejectedException("the file has front matter but no article text after it");
        }

        return (metadata, extension is ".md" or ".markdown" ? MarkdownText.ToPlain(body) : body);
    }

    private static string RelativeName(string fullPath, string ingestRoot) =>
        Path.GetRelativePath(Path.GetFullPath(ingestRoot), Path.GetFullPath(fullPath)).Replace('\\', '/');

    /// <summary>A byte count for people: "7.1 MB", "12 KB", "900 bytes".</summary>
    public static string FormatSize(long bytes, bool exact = false) => bytes switch
    {
        _ when exact => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
