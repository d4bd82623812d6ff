using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Hosting;

/// <summary>The 3.9 MB Web Chat bundle goes out as the gzip copy the build writes beside it, to clients that accept gzip.</summary>
public sealed class PrecompressedStaticFilesTests(BotServer server) : IClassFixture<BotServer>
{
    private const string Bundle = "/lib/webchat.js";
    private static readonly string BundleFile = Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "webchat.js");

    [Fact]
    public async Task GetWebChatBundle_AcceptsGzip_ServedPrecompressed()
    {
        using var response = await GetAsync("gzip, deflate, br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < new FileInfo(BundleFile).Length / 2, $"{compressed.Length} bytes is not the compressed copy");
        await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        Assert.Equal(await File.ReadAllBytesAsync(BundleFile), plain.ToArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gzip;q=0")]
    [InlineData("identity")]
    public async Task GetWebChatBundle_GzipNotAccepted_ServedAsIs(string? acceptEncoding)
    {
        using var response = await GetAsync(acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(new FileInfo(BundleFile).Length, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    private async Task<HttpResponseMessage> GetAsync(string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Bundle);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await server.Client.SendAsync(request);
    }
}
