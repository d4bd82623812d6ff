using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

public class BriefingReaderRegistrationTests
{
    [Fact]
    public async Task Resolve_FromContainer_UsesConfiguredSizeLimit()
    {
        var services = new ServiceCollection();
        services.AddOptions<IngestionOptions>().Configure(o => o.MaxFileBytes = 10);
        services.AddSingleton<IBriefingReader, BriefingReader>();
        using var provider = services.BuildServiceProvider();
        using var folder = new TempBriefingFolder();
        var path = folder.Write("a.txt", "Ministers met in Brussels on Thursday.");

        var reader = provider.GetRequiredService<IBriefingReader>();

        var error = await Assert.ThrowsAsync<BriefingRejectedException>(() => reader.ReadAsync(path, folder.Root));
        Assert.Equal("the file is 38 bytes, over the 10 bytes limit (Ingestion:MaxFileBytes)", error.Message);
        Assert.Contains(".html", reader.SupportedExtensions);
    }
}
