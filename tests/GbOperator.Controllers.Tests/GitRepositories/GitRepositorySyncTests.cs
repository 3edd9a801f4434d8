using GbOperator.Controllers.Tests.TestSupport;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.GitRepositories;
using k8s.Models;

namespace GbOperator.Controllers.Tests.GitRepositories;

/// <summary>The GitRepository controller against real Git repositories on local disk and a real API server.</summary>
public sealed class GitRepositorySyncTests(GitOpsServer server) : IClassFixture<GitOpsServer>, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _namespace = "git-" + Guid.NewGuid().ToString("N")[..10];
    private readonly LocalGitRepository _git = LocalGitRepository.Create(server.Folder);

    public void Dispose() => _git.Dispose();

    [Fact]
    public async Task Sync_Commit_AppliesObjectAndRecordsStatus()
    {
        var commit = _git.Write("clusters/web.yaml", Cluster("web", "image-v1")).Commit("add web");

        await CreateRepositoryAsync(spec => spec with { Path = "clusters" });
        var status = await WaitForStatusAsync(status => status.LastAppliedCommit == commit, "the commit is applied");
        var cluster = await server.Clusters.GetAsync(_namespace, "web", CancellationToken.None);
        var json = await server.GetJsonAsync(ClusterPath("web"));

        cluster.Should().NotBeNull();
        cluster!.Spec.Image.Should().Be("image-v1");
        Ready(status).Status.Should().Be("True");
        Ready(status).Reason.Should().Be("Synced");
        status.LastError.Should().BeNull();
        status.Inventory.Should().ContainSingle().Which.Should().Be(new InventoryEntry { Kind = "BotCluster", Namespace = _namespace, Name = "web" });
        json!["metadata"]!["managedFields"]!.AsArray().Select(entry => (string?)entry!["manager"]).Should().Contain("gb-gitops");
        json["metadata"]!["labels"]!["applyset.kubernetes.io/part-of"]!.GetValue<string>().Should().StartWith("applyset-");
        await Wait.UntilAsync(async () => (await server.ListEventReasonsAsync(_namespace, "bots")).Contains("Synced"), "a Synced event is recorded", Deadline);
    }

    [Fact]
    public async Task Sync_NewCommit_AppliesChange()
    {
        _git.Write("web.yaml", Cluster("web", "image-v1")).Commit("add web");
        await CreateRepositoryAsync(spec => spec with { Interval = "1s" });
        await WaitForClusterAsync("web", cluster => cluster.Spec.Image == "image-v1", "the first image is applied");

        var second = _git.Write("web.yaml", Cluster("web", "image-v2")).Commit("change image");

        await WaitForClusterAsync("web", cluster => cluster.Spec.Image == "image-v2", "the new image is applied");
        var status = await WaitForStatusAsync(status => status.LastAppliedCommit == second, "the second commit is recorded");
        status.LastAppliedCommit.Should().Be(second);
    }

    [Fact]
    public async Task Sync_RemovedFile_PrunesOnlyThatObject()
    {
        _git.Write("a.yaml", Cluster("a", "image")).Write("b.yaml", Cluster("b", "image")).Commit("add a and b");
        await CreateRepositoryAsync(spec => spec with { Interval = "1s", Prune = true });
        await WaitForClusterAsync("b", _ => true, "b is applied");
        await server.Clusters.CreateAsync(UnmanagedCluster("hand-made"), CancellationToken.None);

        var commit = _git.Delete("b.yaml").Commit("remove b");

        await WaitForStatusAsync(status => status.LastAppliedCommit == commit, "the removal is applied");
        (await server.Clusters.GetAsync(_namespace, "b", CancellationToken.None)).Should().BeNull();
        (await server.Clusters.GetAsync(_namespace, "a", CancellationToken.None)).Should().NotBeNull();
        (await server.Clusters.GetAsync(_namespace, "hand-made", CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Sync_HandEdit_IsSetBack()
    {
        _git.Write("web.yaml", Cluster("web", "image-from-git")).Commit("add web");
        await CreateRepositoryAsync(spec => spec with { Interval = "1s" });
        await WaitForClusterAsync("web", cluster => cluster.Spec.Image == "image-from-git", "the image is applied");

        await server.MergePatchAsync(ClusterPath("web"), """{"spec":{"image":"hand-edited"}}""", "editor");

        await WaitForClusterAsync("web", cluster => cluster.Spec.Image == "image-from-git", "the image is set back");
        await Wait.UntilAsync(async () => (await server.ListEventReasonsAsync(_namespace, "bots")).Count(reason => reason == "Synced") >= 2, "a second Synced event for the repair", Deadline);
    }

    [Fact]
    public async Task Sync_ForcedApply_IsSetBack()
    {
        _git.Write("web.yaml", Cluster("web", "image-from-git")).Commit("add web");
        await CreateRepositoryAsync(spec => spec with { Interval = "1s" });
        await WaitForClusterAsync("web", cluster => cluster.Spec.Image == "image-from-git", "the image is applied");

        await server.ApplyAsync(ClusterPath("web"), Cluster("web", "image-from-gbctl"), "gbctl", force: true);

        await WaitForClusterAsync("web", cluster => cluster.Spec.Image == "image-from-git", "the image is set back");
        var json = await server.GetJsonAsync(ClusterPath("web"));
        var owners = json!["metadata"]!["managedFields"]!.AsArray()
            .Where(entry => entry!["fieldsV1"]?["f:spec"]?["f:image"] is not null)
            .Select(entry => (string?)entry!["manager"]);
        owners.Should().Equal("gb-gitops");
    }

    [Fact]
    public async Task Sync_AutoscalerReplicas_AreLeftAlone()
    {
        _git.Write("web.yaml", Cluster("web", "image")).Commit("add web without replicas");
        await CreateRepositoryAsync(spec => spec with { Interval = "1s" });
        await WaitForClusterAsync("web", _ => true, "web is applied");

        await server.MergePatchAsync(ClusterPath("web"), """{"spec":{"replicas":4}}""", "gb-autoscaler");
        var patchedAt = DateTime.UtcNow;
        await WaitForStatusAsync(status => status.LastSyncTime > patchedAt.AddSeconds(1), "a sync after the scale");
        var cluster = await server.Clusters.GetAsync(_namespace, "web", CancellationToken.None);

        cluster!.Spec.Replicas.Should().Be(4);
    }

    [Fact]
    public async Task Sync_ReplicasOwnedByAutoscaler_ReportsConflict()
    {
        _git.Write("web.yaml", Cluster("web", "image", replicas: 2)).Commit("add web with replicas");
        await CreateRepositoryAsync(spec => spec with { Interval = "1s" });
        await WaitForClusterAsync("web", _ => true, "web is applied");

        await server.MergePatchAsync(ClusterPath("web"), """{"spec":{"replicas":4}}""", "gb-autoscaler");
        var status = await WaitForStatusAsync(status => Ready(status).Reason == "ApplyFailed", "the conflict is reported");
        var cluster = await server.Clusters.GetAsync(_namespace, "web", CancellationToken.None);

        status.LastError.Should().Contain("web.yaml:1").And.Contain("gb-autoscaler").And.Contain(".spec.replicas");
        cluster!.Spec.Replicas.Should().Be(4);
    }

    [Fact]
    public async Task Sync_BrokenCommit_AppliesNothing()
    {
        var good = _git.Write("a.yaml", Cluster("a", "image-v1")).Commit("add a");
        await CreateRepositoryAsync(spec => spec with { Interval = "1s" });
        await WaitForStatusAsync(status => status.LastAppliedCommit == good, "the good commit is applied");

        var broken = _git.Write("a.yaml", Cluster("a", "image-v2"))
            .Write("b.yaml", Cluster("b", "image"))
            .Write("z-broken.yaml", "apiVersion: generalbots.ai/v1alpha1\nkind: BotCluster\nmetadata: {name: broken\nspec: [\n")
            .Commit("break");

        var status = await WaitForStatusAsync(status => status.LastAttemptedCommit == broken, "the broken commit is attempted");
        var a = await server.Clusters.GetAsync(_namespace, "a", CancellationToken.None);
        var b = await server.Clusters.GetAsync(_namespace, "b", CancellationToken.None);

        Ready(status).Status.Should().Be("False");
        Ready(status).Reason.Should().Be("InvalidManifests");
        status.LastError.Should().StartWith("z-broken.yaml:").And.Contain("invalid YAML");
        status.LastAppliedCommit.Should().Be(good);
        a!.Spec.Image.Should().Be("image-v1");
        b.Should().BeNull();
    }

    [Fact]
    public async Task Sync_FailedValidation_NamesFileLineAndField()
    {
        var commit = _git.Write("ok.yaml", Cluster("ok", "image"))
            .Write("bad.yaml", "# a comment line\n" + Cluster("bad", "image", replicas: -1))
            .Commit("invalid replicas");

        await CreateRepositoryAsync(spec => spec);
        var status = await WaitForStatusAsync(status => status.LastAttemptedCommit == commit, "the commit is attempted");

        Ready(status).Reason.Should().Be("InvalidManifests");
        status.LastError.Should().Contain("bad.yaml:2: BotCluster bad: spec.replicas");
        (await server.Clusters.GetAsync(_namespace, "ok", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Sync_SymbolicLink_IsNotFollowed()
    {
        var outside = Path.Combine(server.Folder, "outside-" + Guid.NewGuid().ToString("N")[..8] + ".yaml");
        File.WriteAllText(outside, Cluster("outside", "secret-image"));
        _git.Write("ok.yaml", Cluster("ok", "image"));
        File.CreateSymbolicLink(Path.Combine(_git.Folder, "link.yaml"), outside);
        var commit = _git.Commit("link a file outside the repository");

        await CreateRepositoryAsync(spec => spec);
        var status = await WaitForStatusAsync(status => status.LastAttemptedCommit == commit, "the commit is attempted");

        Ready(status).Reason.Should().Be("InvalidManifests");
        status.LastError.Should().Contain("link.yaml: symbolic links are not followed");
        status.LastError.Should().NotContain("secret-image");
        (await server.Clusters.GetAsync(_namespace, "outside", CancellationToken.None)).Should().BeNull();
        (await server.Clusters.GetAsync(_namespace, "ok", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Sync_UnknownKind_IsReported()
    {
        var commit = _git.Write("map.yaml", "apiVersion: generalbots.ai/v1alpha1\nkind: ConfigMap\nmetadata:\n  name: settings\n").Commit("unknown kind");

        await CreateRepositoryAsync(spec => spec);
        var status = await WaitForStatusAsync(status => status.LastAttemptedCommit == commit, "the commit is attempted");

        Ready(status).Reason.Should().Be("InvalidManifests");
        status.LastError.Should().Contain("map.yaml:1").And.Contain("ConfigMap");
    }

    [Fact]
    public async Task Sync_MissingRepository_ReportsFetchFailed()
    {
        await CreateRepositoryAsync(spec => spec with { Url = Path.Combine(server.Folder, "no-such-repository") });

        var status = await WaitForStatusAsync(status => status.LastError is not null, "the fetch fails");
        await Wait.UntilAsync(async () => (await server.ListEventReasonsAsync(_namespace, "bots")).Contains("FetchFailed"), "a FetchFailed event is recorded", Deadline);

        Condition(status, "FetchFailed").Status.Should().Be("True");
        Ready(status).Reason.Should().Be("FetchFailed");
        status.LastError.Should().Contain("no-such-repository");
    }

    [Fact]
    public async Task Sync_MissingBranch_ReportsBranchNotFound()
    {
        _git.Write("web.yaml", Cluster("web", "image")).Commit("add web");

        await CreateRepositoryAsync(spec => spec with { Branch = "release" });
        var status = await WaitForStatusAsync(status => status.LastError is not null, "the fetch fails");

        Ready(status).Reason.Should().Be("BranchNotFound");
        status.LastError.Should().Contain("branch \"release\" not found");
    }

    [Fact]
    public async Task Sync_MissingPath_ReportsPathNotFound()
    {
        var commit = _git.Write("web.yaml", Cluster("web", "image")).Commit("add web");

        await CreateRepositoryAsync(spec => spec with { Path = "clusters/production" });
        var status = await WaitForStatusAsync(status => status.LastAttemptedCommit == commit, "the commit is attempted");

        Ready(status).Reason.Should().Be("PathNotFound");
        status.LastError.Should().Contain("clusters/production");
    }

    [Fact]
    public async Task Sync_EmptyFolder_KeepsAppliedObjects()
    {
        _git.Write("web.yaml", Cluster("web", "image")).Commit("add web");
        await CreateRepositoryAsync(spec => spec with { Interval = "1s", Prune = true });
        await WaitForClusterAsync("web", _ => true, "web is applied");

        var empty = _git.Delete("web.yaml").Write("README.md", "no manifests").Commit("remove every manifest");
        var status = await WaitForStatusAsync(status => status.LastAttemptedCommit == empty, "the empty commit is attempted");

        Ready(status).Reason.Should().Be("NoManifests");
        (await server.Clusters.GetAsync(_namespace, "web", CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Sync_PruneAboveShare_IsRejected()
    {
        _git.Write("a.yaml", Cluster("a", "image")).Write("b.yaml", Cluster("b", "image")).Write("c.yaml", Cluster("c", "image")).Commit("add three");
        await CreateRepositoryAsync(spec => spec with { Interval = "1s", Prune = true });
        await WaitForClusterAsync("c", _ => true, "c is applied");

        var commit = _git.Delete("b.yaml").Delete("c.yaml").Commit("remove two");
        var status = await WaitForStatusAsync(status => status.LastAttemptedCommit == commit, "the removal is attempted");

        Ready(status).Reason.Should().Be("PruneRejected");
        status.LastError.Should().Contain("2 of 3 members");
        (await server.Clusters.GetAsync(_namespace, "b", CancellationToken.None)).Should().NotBeNull();
        (await server.Clusters.GetAsync(_namespace, "c", CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Sync_Suspended_AppliesNothing()
    {
        _git.Write("web.yaml", Cluster("web", "image")).Commit("add web");

        await CreateRepositoryAsync(spec => spec with { Suspend = true });
        var status = await WaitForStatusAsync(status => status.Conditions?.Count > 0, "the status is written");

        Ready(status).Reason.Should().Be("Suspended");
        (await server.Clusters.GetAsync(_namespace, "web", CancellationToken.None)).Should().BeNull();
    }

    private async Task CreateRepositoryAsync(Func<GitRepositorySpec, GitRepositorySpec> change)
    {
        var repository = new GitRepository
        {
            Metadata = new V1ObjectMeta { Name = "bots", NamespaceProperty = _namespace },
            Spec = change(new GitRepositorySpec { Url = _git.Folder, Interval = "1h" }),
        };
        await server.Repositories.CreateAsync(repository, CancellationToken.None);
    }

    private async Task<GitRepositoryStatus> WaitForStatusAsync(Func<GitRepositoryStatus, bool> condition, string what)
    {
        GitRepositoryStatus? status = null;
        await Wait.UntilAsync(
            async () =>
            {
                status = (await server.Repositories.GetAsync(_namespace, "bots", CancellationToken.None))?.Status;
                return status is not null && condition(status);
            },
            what,
            Deadline);
        return status!;
    }

    private async Task WaitForClusterAsync(string name, Func<BotCluster, bool> condition, string what) =>
        await Wait.UntilAsync(
            async () => await server.Clusters.GetAsync(_namespace, name, CancellationToken.None) is { } cluster && condition(cluster),
            what,
            Deadline);

    private static V1Condition Ready(GitRepositoryStatus status) => Condition(status, "Ready");

    private static V1Condition Condition(GitRepositoryStatus status, string type) =>
        status.Conditions!.Single(condition => condition.Type == type);

    private string ClusterPath(string name) => $"/apis/generalbots.ai/v1alpha1/namespaces/{_namespace}/botclusters/{name}";

    private BotCluster UnmanagedCluster(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = _namespace },
        Spec = new BotClusterSpec { Image = "image" },
    };

    private static string Cluster(string name, string image, int? replicas = null) =>
        $"""
        apiVersion: generalbots.ai/v1alpha1
        kind: BotCluster
        metadata:
          name: {name}
        spec:
          image: {image}
        {(replicas is null ? string.Empty : $"  replicas: {replicas}\n")}
        """;
}
