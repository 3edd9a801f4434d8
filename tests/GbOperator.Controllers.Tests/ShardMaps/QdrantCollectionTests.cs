using GbOperator.Resources.ShardMaps;
using Microsoft.AspNetCore.Builder;
using Qdrant.Client.Grpc;

namespace GbOperator.Controllers.Tests.ShardMaps;

/// <summary>
/// Knowledge-base collections created through the real Qdrant.Client against <see cref="QdrantCollectionsStandIn"/>,
/// since no Qdrant server can run on the test machine.
/// </summary>
public sealed class QdrantCollectionTests(PostgresShardsFixture postgres) : IClassFixture<PostgresShardsFixture>, IAsyncLifetime
{
    private ShardMapHarness _harness = null!;
    private WebApplication _standIn = null!;
    private Uri _address = null!;
    private QdrantCollectionsStandIn.Store _collections = null!;

    public async Task InitializeAsync()
    {
        (_standIn, _address, _collections) = await QdrantCollectionsStandIn.StartAsync();
        _harness = await ShardMapHarness.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task Reconcile_MissingCollections_CreatedWithSpecSharding()
    {
        await _harness.CreateAsync("vectors", Spec(["sales", "support"], QdrantWriteConsistency.Majority));

        var map = await _harness.ReconcileAsync("vectors");

        _collections.CreateRequests.Select(request => request.CollectionName).Order().Should().Equal("kb_sales", "kb_support");
        var sales = _collections.CreateRequests.Single(request => request.CollectionName == "kb_sales");
        sales.ShardNumber.Should().Be(4);
        sales.ReplicationFactor.Should().Be(3);
        sales.WriteConsistencyFactor.Should().Be(2);
        sales.VectorsConfig.Params.Size.Should().Be(384);
        sales.VectorsConfig.Params.Distance.Should().Be(Distance.Cosine);
        map.Status!.Collections.Should().OnlyContain(collection => collection.InSync && collection.Message == null);
        _harness.Events.Events.Count(e => e.Reason == "CollectionCreated").Should().Be(2);
    }

    [Theory]
    [InlineData(QdrantWriteConsistency.One, 1)]
    [InlineData(QdrantWriteConsistency.Majority, 2)]
    [InlineData(QdrantWriteConsistency.All, 3)]
    public async Task Reconcile_WriteConsistency_SetsFactor(string consistency, uint factor)
    {
        await _harness.CreateAsync("vectors", Spec(["sales"], consistency));

        await _harness.ReconcileAsync("vectors");

        _collections.CreateRequests.Single().WriteConsistencyFactor.Should().Be(factor);
    }

    [Fact]
    public async Task Reconcile_SecondPass_CreatesNothing()
    {
        await _harness.CreateAsync("vectors", Spec(["sales"], QdrantWriteConsistency.Majority));
        await _harness.ReconcileAsync("vectors");

        await _harness.ReconcileAsync("vectors");

        _collections.CreateRequests.Should().ContainSingle();
    }

    [Fact]
    public async Task Reconcile_ExistingMismatch_ReportedNotChanged()
    {
        _collections.Collections["kb_sales"] = new CollectionParams { ShardNumber = 1, ReplicationFactor = 1, WriteConsistencyFactor = 1 };
        await _harness.CreateAsync("vectors", Spec(["sales"], QdrantWriteConsistency.Majority));

        var map = await _harness.ReconcileAsync("vectors");

        _collections.CreateRequests.Should().BeEmpty();
        _collections.Collections["kb_sales"].ShardNumber.Should().Be(1);
        var status = map.Status!.Collections.Should().ContainSingle().Subject;
        status.InSync.Should().BeFalse();
        status.Message.Should().Contain("shard number is 1, not 4");
        status.Message.Should().Contain("replication factor is 1, not 3");
        status.Message.Should().Contain("cannot reshard");
        map.Status.Conditions.Should().ContainSingle(condition => condition.Type == "Ready").Which.Status.Should().Be("False");
    }

    [Fact]
    public async Task Reconcile_QdrantUnreachable_ReportsFailure()
    {
        var unreachable = $"http://127.0.0.1:{_address.Port}";
        await _standIn.StopAsync();
        await _harness.CreateAsync("vectors", Spec(["sales"], QdrantWriteConsistency.Majority) with
        {
            Qdrant = new QdrantSharding { Endpoint = unreachable, Bots = ["sales"] },
        });

        var map = await _harness.ReconcileAsync("vectors");

        var status = map.Status!.Collections.Should().ContainSingle().Subject;
        status.InSync.Should().BeFalse();
        status.Message.Should().StartWith($"Qdrant at {unreachable} failed");
    }

    private ShardMapSpec Spec(IReadOnlyList<string> bots, string consistency) => new()
    {
        Strategy = ShardingStrategy.Tenant,
        Shards = [new Shard { Name = "shard1", Endpoint = postgres.First }],
        Tenant = new TenantSharding { AutoCreateDatabase = false },
        Qdrant = new QdrantSharding
        {
            Endpoint = $"http://127.0.0.1:{_address.Port}",
            Bots = bots,
            ShardNumber = 4,
            ReplicationFactor = 3,
            WriteConsistency = consistency,
        },
    };
}
