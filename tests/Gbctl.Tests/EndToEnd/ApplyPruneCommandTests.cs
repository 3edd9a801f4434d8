using Gbctl.Tests.Support;

namespace Gbctl.Tests.EndToEnd;

public sealed class ApplyPruneCommandTests : ServerTest
{
    [Fact]
    public async Task Prune_RemovedFile_DeletesOnlyThatObject()
    {
        var folder = WriteClusters("bots", "a", "b", "c");
        await Server.RunAsync("apply", "-f", Server.Example("shardmap.yaml"));
        var first = await Server.RunAsync("apply", "-f", folder, "--prune");
        File.Delete(Path.Combine(folder, "c.yaml"));

        var second = await Server.RunAsync("apply", "-f", folder, "--prune");
        var clusters = await Server.RunAsync("get", "bc", "-o", "name");
        var maps = await Server.RunAsync("get", "sm", "-o", "name");

        first.ExitCode.Should().Be(0, first.ToString());
        second.ExitCode.Should().Be(0, second.ToString());
        second.Output.Should().Be(
            "botcluster.generalbots.ai/a unchanged\n" +
            "botcluster.generalbots.ai/b unchanged\n" +
            "botcluster.generalbots.ai/c pruned\n");
        clusters.Output.Should().Be("botcluster.generalbots.ai/a\nbotcluster.generalbots.ai/b\n");
        maps.Output.Should().Be("shardmap.generalbots.ai/demo\n");
    }

    [Fact]
    public async Task Prune_Members_CarryLabelAndParentRecord()
    {
        var folder = WriteClusters("bots", "a");

        await Server.RunAsync("apply", "-f", folder, "--prune");
        var member = await Server.RunAsync("get", "bc", "a", "-o", "json");
        var parent = await Server.RunAsync("get", "applysets", "bots", "-o", "json");

        parent.ExitCode.Should().Be(0, parent.ToString());
        parent.Output.Should().Contain("\"applyset.kubernetes.io/contains-group-kinds\": \"BotCluster.generalbots.ai\"");
        var id = System.Text.Json.Nodes.JsonNode.Parse(parent.Output)!["metadata"]!["labels"]!["applyset.kubernetes.io/id"]!.GetValue<string>();
        member.Output.Should().Contain($"\"applyset.kubernetes.io/part-of\": \"{id}\"");
    }

    [Fact]
    public async Task Prune_OtherSet_IsLeftAlone()
    {
        var bots = WriteClusters("bots", "a");
        var others = WriteClusters("others", "x");
        await Server.RunAsync("apply", "-f", bots, "--prune");
        await Server.RunAsync("apply", "-f", others, "--prune");
        File.WriteAllText(Path.Combine(bots, "b.yaml"), Cluster("b"));

        var result = await Server.RunAsync("apply", "-f", bots, "--prune");
        var clusters = await Server.RunAsync("get", "bc", "-o", "name");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().NotContain("pruned");
        clusters.Output.Should().Be("botcluster.generalbots.ai/a\nbotcluster.generalbots.ai/b\nbotcluster.generalbots.ai/x\n");
    }

    [Fact]
    public async Task Prune_EveryObject_IsRejectedWithoutForce()
    {
        var folder = WriteClusters("bots", "a", "b");
        await Server.RunAsync("apply", "-f", folder, "--prune");
        File.Delete(Path.Combine(folder, "a.yaml"));
        File.Delete(Path.Combine(folder, "b.yaml"));

        var rejected = await Server.RunAsync("apply", "-f", folder, "--prune");
        var remaining = await Server.RunAsync("get", "bc", "-o", "name");
        var forced = await Server.RunAsync("apply", "-f", folder, "--prune", "--force-prune");
        var after = await Server.RunAsync("get", "bc", "-o", "name");

        rejected.ExitCode.Should().Be(1, rejected.ToString());
        rejected.Error.Should().Contain("prune rejected for applyset default/bots: the source has no objects");
        rejected.Error.Should().Contain("--force-prune");
        remaining.Output.Should().Be("botcluster.generalbots.ai/a\nbotcluster.generalbots.ai/b\n");
        forced.ExitCode.Should().Be(0, forced.ToString());
        forced.Output.Should().Be("botcluster.generalbots.ai/a pruned\nbotcluster.generalbots.ai/b pruned\n");
        after.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Prune_AboveShare_IsRejected()
    {
        var folder = WriteClusters("bots", "a", "b", "c", "d");
        await Server.RunAsync("apply", "-f", folder, "--prune");
        foreach (var name in new[] { "b", "c", "d" })
        {
            File.Delete(Path.Combine(folder, name + ".yaml"));
        }

        var rejected = await Server.RunAsync("apply", "-f", folder, "--prune");
        var allowed = await Server.RunAsync("apply", "-f", folder, "--prune", "--prune-max-percent", "75");
        var after = await Server.RunAsync("get", "bc", "-o", "name");

        rejected.ExitCode.Should().Be(1, rejected.ToString());
        rejected.Error.Should().Contain("delete 3 of 4 members").And.Contain("maximum of 50%");
        allowed.ExitCode.Should().Be(0, allowed.ToString());
        after.Output.Should().Be("botcluster.generalbots.ai/a\n");
    }

    [Fact]
    public async Task Prune_FailedManifest_SkipsPrune()
    {
        var folder = WriteClusters("bots", "a", "b");
        await Server.RunAsync("apply", "-f", folder, "--prune");
        File.Delete(Path.Combine(folder, "b.yaml"));
        File.WriteAllText(Path.Combine(folder, "a.yaml"), Cluster("a").Replace("replicas: 1", "replicas: -1", StringComparison.Ordinal));

        var result = await Server.RunAsync("apply", "-f", folder, "--prune");
        var after = await Server.RunAsync("get", "bc", "-o", "name");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("prune skipped");
        after.Output.Should().Be("botcluster.generalbots.ai/a\nbotcluster.generalbots.ai/b\n");
    }

    [Fact]
    public async Task Prune_WithoutSetName_NeedsFolderOrFlag()
    {
        var result = await Server.RunWithInputAsync(Cluster("a"), "apply", "-f", "-", "--prune");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("--applyset NAME");
    }

    [Fact]
    public async Task Prune_MaxPercentOutOfRange_IsRejected()
    {
        var folder = WriteClusters("bots", "a");

        var result = await Server.RunAsync("apply", "-f", folder, "--prune", "--prune-max-percent", "101");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("--prune-max-percent");
    }

    [Fact]
    public async Task Diff_WithPrune_ShowsCreationChangeAndPrune()
    {
        var folder = WriteClusters("bots", "a", "b");
        await Server.RunAsync("apply", "-f", folder, "--prune");
        File.Delete(Path.Combine(folder, "b.yaml"));
        File.WriteAllText(Path.Combine(folder, "a.yaml"), Cluster("a").Replace("replicas: 1", "replicas: 2", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "c.yaml"), Cluster("c"));

        var result = await Server.RunAsync("diff", "-f", folder, "--prune");
        var clusters = await Server.RunAsync("get", "bc", "-o", "name");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("-  replicas: 1\n+  replicas: 2");
        result.Output.Should().Contain("diff -u -N live/generalbots.ai.v1alpha1.BotCluster.default.b merged/generalbots.ai.v1alpha1.BotCluster.default.b\n");
        result.Output.Should().Contain("-  name: b\n");
        result.Output.Should().Contain("+  name: c\n");
        clusters.Output.Should().Be("botcluster.generalbots.ai/a\nbotcluster.generalbots.ai/b\n");
    }

    [Fact]
    public async Task ServerSide_Conflict_NeedsForceConflicts()
    {
        var folder = WriteClusters("bots", "a");
        await Server.RunAsync("apply", "-f", folder, "--server-side", "--field-manager", "git");
        File.WriteAllText(Path.Combine(folder, "a.yaml"), Cluster("a").Replace("replicas: 1", "replicas: 4", StringComparison.Ordinal));

        var conflict = await Server.RunAsync("apply", "-f", folder, "--server-side", "--field-manager", "editor");
        var forced = await Server.RunAsync("apply", "-f", folder, "--server-side", "--field-manager", "editor", "--force-conflicts");
        var live = await Server.RunAsync("get", "bc", "a", "-o", "json");

        conflict.ExitCode.Should().Be(1, conflict.ToString());
        conflict.Error.Should().Contain("conflict with \"git\": .spec.replicas");
        forced.Output.Should().Be("botcluster.generalbots.ai/a serverside-applied\n", forced.ToString());
        live.Output.Should().Contain("\"replicas\": 4");
    }

    private string WriteClusters(string folderName, params string[] names)
    {
        var folder = Path.Combine(Server.Folder, folderName);
        Directory.CreateDirectory(folder);
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(folder, name + ".yaml"), Cluster(name));
        }

        return folder;
    }

    private static string Cluster(string name) => $"""
        apiVersion: generalbots.ai/v1alpha1
        kind: BotCluster
        metadata:
          name: {name}
        spec:
          image: botserver-standin
          replicas: 1

        """;
}
