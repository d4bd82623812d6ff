using Microsoft.AspNetCore.StaticFiles;

namespace NatoBriefBot.Hosting;

/// <summary>
/// Serves the gzip copy the build writes beside a static file (<c>lib/webchat.js.gz</c>, about a quarter of the 3.9 MB bundle)
/// to clients that accept gzip, with <c>Content-Encoding: gzip</c> and the original file's content type. Every response for
/// such a file says <c>Vary: Accept-Encoding</c>, so caches keep the two apart. Runs just before the static file middleware.
/// </summary>
public static class PrecompressedStaticFiles
{
    private const string Suffix = ".gz";

    public static WebApplication UsePrecompressedStaticFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = app.Environment.WebRootFileProvider;
        var types = new FileExtensionContentTypeProvider();
        app.Use((context, next) =>
        {
            var request = context.Request;
            var path = request.Path.Value;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && path is not null &&
                !path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) && files.GetFileInfo(path + Suffix).Exists)
            {
                var response = context.Response;
                response.Headers.Vary = "Accept-Encoding";
                if (AcceptsGzip(request) && types.TryGetContentType(path, out var contentType))
                {
                    request.Path = new PathString(path + Suffix);
                    response.OnStarting(() =>
                    {
                        if (response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status206PartialContent)
                        {
                            response.Headers.ContentType = contentType;
                            response.Headers.ContentEncoding = "gzip";
                        }

                        return Task.CompletedTask;
                    });
                }
            }

            return next(context);
        });
        return app;
    }

    /// <summary>True when <c>Accept-Encoding</c> allows gzip: named (or <c>*</c>) without <c>q=0</c>.</summary>
    private static bool AcceptsGzip(HttpRequest request)
    {
        var offers = request.GetTypedHeaders().AcceptEncoding;
        var gzip = offers.FirstOrDefault(o => o.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
                   ?? offers.FirstOrDefault(o => o.Value.Equals("*", StringComparison.Ordinal));
        return gzip is not null && gzip.Quality is not 0;
    }
}
