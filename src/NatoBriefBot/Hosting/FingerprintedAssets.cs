using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace NatoBriefBot.Hosting;

/// <summary>
/// Fingerprinted static assets for the Web Chat page: the page is served with each local script and stylesheet it links
/// carrying its content hash (<c>lib/webchat.js?v=3f2a…</c>), and a request with that version is cached for a year as
/// immutable, so a browser fetches the 3.9 MB bundle once per release and never runs a stale one. The page itself and
/// unversioned requests are revalidated on every use (<c>no-cache</c>, with the ETag the static file middleware sends).
/// </summary>
public static partial class FingerprintedAssets
{
    private const string VersionParameter = "v";

    public static WebApplication UseFingerprintedAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = app.Environment.WebRootFileProvider;
        var page = new Lazy<string?>(() => Render(files, "index.html"));
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
                request.Path.Value is "/" or "/index.html" && page.Value is { } html)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-cache";
                if (HttpMethods.IsGet(request.Method))
                {
                    await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
                }

                return;
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    /// <summary>For <see cref="StaticFileOptions.OnPrepareResponse"/>: a year and immutable for a versioned request,
    /// revalidate otherwise.</summary>
    public static void SetCacheHeaders(StaticFileResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey(VersionParameter)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }

    /// <summary>The page with <c>?v=hash</c> on every local <c>src</c>/<c>href</c> that names an existing file; null when
    /// there is no page.</summary>
    internal static string? Render(IFileProvider files, string pagePath)
    {
        var page = files.GetFileInfo(pagePath);
        if (!page.Exists)
        {
            return null;
        }

        string html;
        using (var reader = new StreamReader(page.CreateReadStream()))
        {
            html = reader.ReadToEnd();
        }

        return LocalAssetRegex().Replace(html, m =>
        {
            var asset = files.GetFileInfo(m.Groups["path"].Value);
            if (!asset.Exists || asset.IsDirectory)
            {
                return m.Value;
            }

            using var stream = asset.CreateReadStream();
            var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
            return $"{m.Groups["attr"].Value}=\"{m.Groups["path"].Value}?{VersionParameter}={hash}\"";
        });
    }

    // src="app.js", href="site.css": relative paths without a scheme, query or fragment.
    [GeneratedRegex(@"(?<attr>\b(?:src|href))=""(?<path>(?![a-z][a-z0-9+.-]*:|/|#)[^""?#]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex LocalAssetRegex();
}
