using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Tests.Text;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("stoltenberg", "stoltenberg", 0)]
    [InlineData("stoltenburg", "stoltenberg", 1)]
    [InlineData("ammunitoin", "ammunition", 1)]
    [InlineData("govenor", "governor", 1)]
    [InlineData("rutte", "brussels", 3)]
    public void Compute_Pairs_DistanceCappedAtLimitPlusOne(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Compute(a, b, 2));
    }
}
