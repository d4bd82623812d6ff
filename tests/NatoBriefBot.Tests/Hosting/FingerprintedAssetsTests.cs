using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using NatoBriefBot.Hosting;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Hosting;

/// <summary>The Web Chat page links its scripts by content hash; a versioned asset is cached as immutable, the rest revalidated.</summary>
public sealed partial class FingerprintedAssetsTests(BotServer server) : IClassFixture<BotServer>
{
    [Fact]
    public async Task GetPage_LinksEachLocalAssetWithItsContentHash()
    {
        using var response = await server.Client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoCache, "the page should be revalidated");
        Assert.Matches(BundleLinkRegex(), html);
        Assert.Matches(@"src=""app\.js\?v=[0-9a-f]{16}""", html);
        Assert.Matches(@"href=""site\.css\?v=[0-9a-f]{16}""", html);
        Assert.Contains(@"href=""data:,""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersionedBundle_CachedForAYearAsImmutable_UnversionedRevalidated()
    {
        var html = await server.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        var bundle = BundleLinkRegex().Match(html).Groups["url"].Value;

        using var versioned = await server.Client.GetAsync(new Uri("/" + bundle, UriKind.Relative));
        using var plain = await server.Client.GetAsync(new Uri("/app.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(plain.Headers.CacheControl?.NoCache, "an unversioned asset should be revalidated");
    }

    [Fact]
    public void Render_ChangedAsset_GetsANewVersion_MissingAssetLinkedAsIs()
    {
        var folder = Directory.CreateTempSubdirectory("fingerprint-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "index.html"), """<script src="a.js"></script><script src="lib/missing.js"></script>""");
            File.WriteAllText(Path.Combine(folder.FullName, "a.js"), "one");
            using var files = new PhysicalFileProvider(folder.FullName);
            var first = FingerprintedAssets.Render(files, "index.html");
            File.WriteAllText(Path.Combine(folder.FullName, "a.js"), "two");
            var second = FingerprintedAssets.Render(files, "index.html");

            Assert.Matches(@"src=""a\.js\?v=[0-9a-f]{16}""", first);
            Assert.NotEqual(first, second);
            Assert.Contains(@"src=""lib/missing.js""", second, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"src=""(?<url>lib/webchat\.js\?v=[0-9a-f]{16})""")]
    private static partial Regex BundleLinkRegex();
}
