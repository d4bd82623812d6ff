using NatoBriefBot.Api;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Channels.DirectLine;
using NatoBriefBot.Core;

namespace NatoBriefBot.Hosting;

/// <summary>The web host: JSON API, Bot Framework endpoint, Direct Line and the Web Chat page.</summary>
public static class BotHost
{
    public const int DefaultPort = 3978;

    /// <summary>Builds the web application. <paramref name="args"/> may override any configuration key
    /// (<c>--Storage:DatabasePath=...</c>) and the listening address (<c>--urls</c>).</summary>
    public static WebApplication Build(string[] args, string? projectRoot = null)
    {
        var root = projectRoot ?? ProjectPaths.FindRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = root,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            var port = builder.Configuration.GetValue("Bot:Port", DefaultPort);
            builder.WebHost.UseUrls($"http://localhost:{port}");
        }

        builder.Services.AddBriefingEngine(builder.Configuration, root);
        builder.Services.AddBotFramework(builder.Configuration);
        builder.Services.AddDirectLine(builder.Configuration);

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapAskApi();
        app.MapBotFramework();
        app.MapDirectLine();
        return app;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = Build(args);
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
