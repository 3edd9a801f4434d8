namespace GbOperator.EndToEnd.Tests;

/// <summary>Tests that share the real LXD and Caddy; they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "end to end";
}
