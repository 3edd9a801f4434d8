using Gbctl.Tests.Support;

namespace Gbctl.Tests.EndToEnd;

public sealed class ShardCommandTests : ServerTest
{
    private const string HashMap = """
        apiVersion: generalbots.ai/v1alpha1
        kind: ShardMap
        metadata:
          name: users
        spec:
          strategy: hash
          hash: {shardCount: SHARDS, algorithm: consistent}
          shards:
        """;

    [Fact]
    public async Task Resolve_Tenant_PrintsShardEndpointAndDatabase()
    {
        await Server.RunAsync("apply", "-f", Server.Example("shardmap.yaml"));

        var result = await Server.RunAsync("shard", "resolve", "demo", "globex");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Be(
            "SHARD    ENDPOINT         DATABASE\n" +
            "shard2   127.0.0.1:5433   gb_tenant_globex\n");
    }

    [Fact]
    public async Task Resolve_UnlistedTenant_ReportsNotFound()
    {
        await Server.RunAsync("apply", "-f", Server.Example("shardmap.yaml"));

        var result = await Server.RunAsync("shard", "resolve", "demo", "initech");

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith("Error from server (NotFound): ");
        result.Error.Should().Contain("tenant \"initech\" is not listed");
    }

    [Fact]
    public async Task Resolve_GeoRegion_UsesRegion()
    {
        await Server.RunWithInputAsync("""
            apiVersion: generalbots.ai/v1alpha1
            kind: ShardMap
            metadata: {name: geo}
            spec:
              strategy: geo
              shards: [{name: us, endpoint: "127.0.0.1:6001"}, {name: eu, endpoint: "127.0.0.1:6002"}]
              geo: {regions: {eu: eu}, defaultShard: us}
            """, "apply", "-f", "-");

        var eu = await Server.RunAsync("shard", "resolve", "geo", "user-7", "--region", "eu");
        var other = await Server.RunAsync("shard", "resolve", "geo", "user-7");

        eu.Output.Should().Contain("eu      127.0.0.1:6002");
        other.Output.Should().Contain("us      127.0.0.1:6001");
    }

    [Fact]
    public async Task Plan_FifthShard_MovesToNewShard()
    {
        var folder = Server.Folder;
        var newFile = Path.Combine(folder, "users-5.yaml");
        await File.WriteAllTextAsync(newFile, HashMapYaml(5));
        await Server.RunWithInputAsync(HashMapYaml(4), "apply", "-f", "-");

        var result = await Server.RunAsync("shard", "plan", "users", "-f", newFile);

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex("^FROM +TO +TENANTS +HASH KEYS +RANGES +REGIONS$");
        lines.Skip(1).Should().HaveCount(4).And.OnlyContain(line => line.Contains(" s5 ") && line.Contains('%'));
    }

    [Fact]
    public async Task Plan_FileWithoutTheMap_ReportsError()
    {
        await Server.RunWithInputAsync(HashMapYaml(4), "apply", "-f", "-");

        var result = await Server.RunAsync("shard", "plan", "users", "-f", Server.Example("botcluster.yaml"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("contains no ShardMap named \"users\"");
    }

    [Fact]
    public async Task Plan_NoStatusYet_SaysSo()
    {
        await Server.RunWithInputAsync(HashMapYaml(4), "apply", "-f", "-");

        var result = await Server.RunAsync("shard", "plan", "users");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("has no rebalancing plan yet");
    }

    private static string HashMapYaml(int shards) =>
        HashMap.Replace("SHARDS", shards.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + "\n"
        + string.Join("\n", Enumerable.Range(1, shards).Select(i => $"    - {{name: s{i}, endpoint: \"127.0.0.1:{7000 + i}\"}}")) + "\n";
}
