using GbOperator.Controllers.ShardMaps;
using GbOperator.Infrastructure.Postgres;
using GbOperator.Resources.ShardMaps;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.Controllers.Tests.ShardMaps;

/// <summary>Tenant databases on two real PostgreSQL servers acting as two shards.</summary>
public sealed class TenantDatabaseTests(PostgresShardsFixture postgres) : IClassFixture<PostgresShardsFixture>, IAsyncLifetime
{
    // A prefix per test keeps the tests apart on the shared servers.
    private readonly string _prefix = $"t{Guid.NewGuid():N}"[..12] + "_";
    private readonly TenantDatabaseClient _client = new(new PostgresClientOptions(), NullLogger<TenantDatabaseClient>.Instance);
    private ShardMapHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ShardMapHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Reconcile_ListedTenants_DatabasesOnTheirShards()
    {
        await _harness.CreateAsync("tenants", Spec(("acme", "shard1"), ("globex", "shard2"), ("initech", null)));

        var map = await _harness.ReconcileAsync("tenants");

        (await _client.ListDatabasesAsync(postgres.First, _prefix, CancellationToken.None)).Should().Equal(_prefix + "acme", _prefix + "initech");
        (await _client.ListDatabasesAsync(postgres.Second, _prefix, CancellationToken.None)).Should().Equal(_prefix + "globex");
        map.Status!.Shards.Select(shard => (shard.Name, shard.Ready, shard.Tenants)).Should().Equal(("shard1", true, 2), ("shard2", true, 1));
        map.Status.Conditions.Should().ContainSingle(condition => condition.Type == "Ready").Which.Status.Should().Be("True");
        _harness.Events.Events.Where(e => e.Reason == "DatabaseCreated").Should().HaveCount(3);
    }

    [Fact]
    public async Task Reconcile_SecondPass_CreatesNothing()
    {
        await _harness.CreateAsync("tenants", Spec(("acme", "shard1"), ("globex", "shard2")));
        await _harness.ReconcileAsync("tenants");
        var before = await ListBothAsync();

        await _harness.ReconcileAsync("tenants");

        (await ListBothAsync()).Should().Equal(before);
        _harness.Events.Events.Count(e => e.Reason == "DatabaseCreated").Should().Be(2);
    }

    [Fact]
    public async Task Reconcile_TenantRemoved_DatabaseKeptAndOrphaned()
    {
        await _harness.CreateAsync("tenants", Spec(("acme", "shard1"), ("globex", "shard2")));
        await _harness.ReconcileAsync("tenants");
        await _harness.UpdateSpecAsync("tenants", spec => spec with { Tenants = [new Tenant { Name = "acme", Shard = "shard1" }] });

        var map = await _harness.ReconcileAsync("tenants");

        (await _client.ListDatabasesAsync(postgres.Second, _prefix, CancellationToken.None)).Should().Equal(_prefix + "globex");
        map.Status!.OrphanedDatabases.Should().Equal(new OrphanedDatabase { Shard = "shard2", Database = _prefix + "globex" });
    }

    [Fact]
    public async Task Reconcile_TenantMoved_PlanListsTheMove()
    {
        await _harness.CreateAsync("tenants", Spec(("acme", "shard1"), ("globex", "shard2")));
        await _harness.ReconcileAsync("tenants");
        var updated = await _harness.UpdateSpecAsync("tenants", spec => spec with
        {
            Tenants = [new Tenant { Name = "acme", Shard = "shard2" }, new Tenant { Name = "globex", Shard = "shard2" }],
        });

        var map = await _harness.ReconcileAsync("tenants");

        var plan = map.Status!.Rebalancing!;
        plan.FromGeneration.Should().Be(1);
        plan.ToGeneration.Should().Be(updated.Metadata.Generation);
        plan.Moves.Should().ContainSingle().Which.Tenants.Should().Equal("acme");
        plan.Moves[0].From.Should().Be("shard1");
        plan.Moves[0].To.Should().Be("shard2");
        (await _client.ListDatabasesAsync(postgres.Second, _prefix, CancellationToken.None)).Should().Contain(_prefix + "acme");
    }

    [Fact]
    public async Task Reconcile_AutoCreateOff_ReportsMissingDatabases()
    {
        await _harness.CreateAsync("tenants", Spec(("acme", "shard1")) with { Tenant = new TenantSharding { AutoCreateDatabase = false, DatabasePrefix = _prefix } });

        var map = await _harness.ReconcileAsync("tenants");

        (await _client.ListDatabasesAsync(postgres.First, _prefix, CancellationToken.None)).Should().BeEmpty();
        map.Status!.Shards[0].Ready.Should().BeFalse();
        map.Status.Shards[0].Message.Should().Contain(_prefix + "acme");
    }

    [Fact]
    public async Task Reconcile_ShardDown_ReportsDegraded()
    {
        await _harness.CreateAsync("tenants", Spec(("acme", "shard1")) with
        {
            Shards = [new Shard { Name = "shard1", Endpoint = postgres.First }, new Shard { Name = "shard2", Endpoint = "127.0.0.1:9" }],
        });

        var map = await _harness.ReconcileAsync("tenants");

        map.Status!.Shards[1].Ready.Should().BeFalse();
        map.Status.Shards[1].Message.Should().StartWith("PostgreSQL at 127.0.0.1:9 failed");
        map.Status.Conditions.Should().ContainSingle(condition => condition.Type == "Degraded").Which.Status.Should().Be("True");
    }

    [Fact]
    public async Task Create_InjectionTenantName_RejectedByApiServer()
    {
        var act = () => _harness.CreateAsync("tenants", Spec(("a\"; DROP DATABASE x; --", "shard1")));

        var rejected = await act.Should().ThrowAsync<GbOperator.Controllers.Runtime.ApiStatusException>();
        rejected.Which.StatusCode.Should().Be((System.Net.HttpStatusCode)422);
        rejected.Which.Message.Should().Contain("spec.tenants[0].name");
        (await _client.ListDatabasesAsync(postgres.First, "", CancellationToken.None)).Should().NotContain(name => name.Contains("DROP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateDatabase_QuotedName_CreatesExactName()
    {
        var name = _prefix + "Mixed\"Quote";

        var created = await _client.CreateDatabaseAsync(postgres.First, name, CancellationToken.None);
        var again = await _client.CreateDatabaseAsync(postgres.First, name, CancellationToken.None);

        created.Should().BeTrue();
        again.Should().BeFalse();
        (await _client.ListDatabasesAsync(postgres.First, _prefix, CancellationToken.None)).Should().Equal(name);
    }

    private ShardMapSpec Spec(params (string Name, string? Shard)[] tenants) => new()
    {
        Strategy = ShardingStrategy.Tenant,
        Shards = [new Shard { Name = "shard1", Endpoint = postgres.First }, new Shard { Name = "shard2", Endpoint = postgres.Second }],
        Tenant = new TenantSharding { DatabasePrefix = _prefix },
        Tenants = tenants.Select(tenant => new Tenant { Name = tenant.Name, Shard = tenant.Shard }).ToList(),
    };

    private async Task<List<string>> ListBothAsync() =>
        [
            .. await _client.ListDatabasesAsync(postgres.First, _prefix, CancellationToken.None),
            .. await _client.ListDatabasesAsync(postgres.Second, _prefix, CancellationToken.None),
        ];
}
