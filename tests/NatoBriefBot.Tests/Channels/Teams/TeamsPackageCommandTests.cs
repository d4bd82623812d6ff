using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using NatoBriefBot.Cli;

namespace NatoBriefBot.Tests.Channels.Teams;

public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "0b5b7bb1-7a55-4c4e-9c1e-1c0a2d0d6a11";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "natobriefbot-teams-" + Guid.NewGuid().ToString("N"));

    public TeamsPackageCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_ValidAppId_WritesZipWithFilledManifestAndIconsAtRoot()
    {
        var zipPath = Path.Combine(_folder, "app.zip");

        var exit = await CliApp.RunAsync(["teams-package", "--app-id", AppId, "--out", zipPath, "--name", "Briefings"]);

        Assert.Equal(0, exit);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        Assert.Equal("Briefings", root.GetProperty("name").GetProperty("short").GetString());
        Assert.Equal("1.22", root.GetProperty("manifestVersion").GetString());
        var bot = Assert.Single(root.GetProperty("bots").EnumerateArray());
        Assert.Equal(AppId, bot.GetProperty("botId").GetString());
        Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.NotEmpty(bot.GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray());
        Assert.Equal((192, 192), PngSize(zip.GetEntry("color.png")!));
        Assert.Equal((32, 32), PngSize(zip.GetEntry("outline.png")!));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    public async Task Run_InvalidAppId_Exits2AndWritesNothing(string appId)
    {
        var zipPath = Path.Combine(_folder, "bad.zip");

        var exit = await CliApp.RunAsync(["teams-package", "--app-id", appId, "--out", zipPath]);

        Assert.Equal(2, exit);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task Run_WithoutAppId_Exits2()
    {
        var exit = await CliApp.RunAsync(["teams-package", "--out", Path.Combine(_folder, "none.zip")]);

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Run_NameLongerThanTeamsAllows_Exits2()
    {
        var exit = await CliApp.RunAsync(["teams-package", "--app-id", AppId, "--out", Path.Combine(_folder, "long.zip"), "--name", new string('n', 31)]);

        Assert.Equal(2, exit);
    }

    /// <summary>Width and height from the PNG signature and IHDR chunk; also checks the image is RGBA.</summary>
    private static (int Width, int Height) PngSize(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var header = new byte[26];
        stream.ReadExactly(header);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], header[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(header, 12, 4));
        Assert.Equal(6, header[25]);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
