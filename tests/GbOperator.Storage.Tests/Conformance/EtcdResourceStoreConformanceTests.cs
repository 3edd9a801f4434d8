using dotnet_etcd;
using GbOperator.Storage.Etcd;
using GbOperator.Storage.Tests.Etcd;

namespace GbOperator.Storage.Tests.Conformance;

/// <summary>Runs the conformance suite against a real etcd. Each test deletes its key prefix afterwards.</summary>
[Collection(EtcdCollection.Name)]
public sealed class EtcdResourceStoreConformanceTests(EtcdFixture etcd) : ResourceStoreConformanceTests
{
    protected override Task<IResourceStore> OpenStoreAsync() =>
        Task.FromResult<IResourceStore>(new EtcdResourceStore([etcd.Endpoint]));

    protected override async Task CleanUpAsync()
    {
        using var client = new EtcdClient("http://" + etcd.Endpoint, configureChannelOptions: options => options.Credentials = Grpc.Core.ChannelCredentials.Insecure);
        await client.DeleteRangeAsync(Prefix);
    }
}
