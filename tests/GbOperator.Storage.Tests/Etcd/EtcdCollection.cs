namespace GbOperator.Storage.Tests.Etcd;

/// <summary>The tests that share one etcd, which xunit runs one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EtcdCollection : ICollectionFixture<EtcdFixture>
{
    public const string Name = "etcd";
}
