using NatoBriefBot.Core;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

/// <summary>The distractor fixtures are real-looking pages in every supported format; all must read cleanly.</summary>
public class FixtureBriefingsTests
{
    private static readonly string Root = Path.Combine(ProjectPaths.FindRoot(), "tests", "fixtures", "distractors");

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Root).Where(f => !BriefingReader.IsSidecar(f)).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_Fixture_ReadsWithoutChrome(string name)
    {
        var briefing = await new BriefingReader(5 * 1024 * 1024).ReadAsync(Path.Combine(Root, name), Root);
        var lines = briefing.Text.Split('\n').Select(l => l.Trim()).ToList();

        Assert.False(string.IsNullOrWhiteSpace(briefing.Title));
        Assert.Equal(briefing.Title, lines[0]);
        Assert.DoesNotContain(lines, l => l is "AD" or "ADVERTISEMENT" or "SPONSORED" || l.EndsWith("min read", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Tags:", StringComparison.Ordinal) || l.StartsWith("Most read", StringComparison.Ordinal) || l.StartsWith("RELATED", StringComparison.Ordinal));
        Assert.DoesNotContain("<", briefing.Text, StringComparison.Ordinal);
    }
}
