using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.BotFramework.Auth;

namespace NatoBriefBot.Hosting;

/// <summary>Warns loudly, once the server is listening, when it can be reached beyond this machine without authentication.</summary>
public static partial class OpenListenerWarning
{
    public static WebApplication WarnWhenOpenWithoutAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Services.GetRequiredService<IOptions<BotAuthOptions>>().Value.IsAuthEnabled)
            {
                return;
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var open = addresses.Where(a => !IsLoopback(a)).ToList();
            if (open.Count > 0)
            {
                LogOpen(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenListenerWarning)), string.Join(", ", open));
            }
        });
        return app;
    }

    private static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal),
                UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "SECURITY WARNING: the bot listens on {Addresses}, beyond this machine, WITHOUT AUTHENTICATION. Anyone who can reach it can " +
        "post activities and use it. Set MicrosoftAppId and MicrosoftAppPassword (see the README's Teams set-up), or listen on localhost only (--urls http://localhost:3978).")]
    private static partial void LogOpen(ILogger logger, string addresses);
}
