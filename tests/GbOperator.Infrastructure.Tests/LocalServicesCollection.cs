namespace GbOperator.Infrastructure.Tests;

/// <summary>The tests that use the real LXD and Caddy, which xunit runs one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LocalServicesCollection : ICollectionFixture<LocalServicesFixture>
{
    public const string Name = "local services";
}
