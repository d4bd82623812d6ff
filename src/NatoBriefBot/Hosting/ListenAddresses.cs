namespace NatoBriefBot.Hosting;

/// <summary>
/// Where the bot listens. ASP.NET Core's own settings win: <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>
/// and <c>ASPNETCORE_HTTPS_PORTS</c> (the last two listen on all interfaces, as containers need). When none is given the bot
/// listens on this machine only, at <c>http://localhost:{Bot:Port}</c>.
/// </summary>
public static class ListenAddresses
{
    public const int DefaultPort = 3978;

    private static readonly string[] AspNetCoreKeys = ["urls", "http_ports", "https_ports"];

    /// <summary>Listens on loopback at <c>Bot:Port</c> unless an ASP.NET Core address setting is given.</summary>
    public static void UseLoopbackUnlessGiven(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (AspNetCoreKeys.All(key => string.IsNullOrWhiteSpace(builder.Configuration[key])))
        {
            builder.WebHost.UseUrls($"http://localhost:{builder.Configuration.GetValue("Bot:Port", DefaultPort)}");
        }
    }

    /// <summary>A listening address as a URL to open on this machine: all-interfaces hosts (<c>[::]</c>, <c>0.0.0.0</c>,
    /// <c>+</c>, <c>*</c>) become <c>localhost</c>.</summary>
    public static string Browsable(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        foreach (var any in new[] { "://[::]", "://0.0.0.0", "://+", "://*" })
        {
            if (address.Contains(any, StringComparison.Ordinal))
            {
                return address.Replace(any, "://localhost", StringComparison.Ordinal).TrimEnd('/');
            }
        }

        return address.TrimEnd('/');
    }
}
