namespace NatoBriefBot.Tests.Support;

/// <summary>
/// Tests whose outcome depends on when things happen (a model writing slowly against a timeout) run in this collection:
/// after the parallel tests, one at a time, so a busy thread pool cannot shift their timing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    public const string Name = "Timing-sensitive";
}
