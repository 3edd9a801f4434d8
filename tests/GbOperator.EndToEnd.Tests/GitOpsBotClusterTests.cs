using System.Diagnostics;
using GbOperator.Controllers.GitRepositories;
using GbOperator.Controllers.Runtime;
using GbOperator.Infrastructure.Tests;
using GbOperator.Resources;
using GbOperator.Resources.GitRepositories;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbOperator.EndToEnd.Tests;

/// <summary>A BotCluster kept in a Git repository on local disk, applied by the GitRepository controller and launched on real LXD.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class GitOpsBotClusterTests(EndToEndFixture services)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task GitOps_CommitChangeRemove_FollowsRepository()
    {
        await using var environment = await OperatorTestEnvironment.StartAsync(services);
        var folder = Directory.CreateTempSubdirectory("gbo-e2e-git-").FullName;
        var gitOps = await GitRepositoryControllerHost.StartAsync(
            environment.ApiServer,
            new GitRepositoryReconcilerOptions { CacheFolder = Path.Combine(folder, "cache") },
            NullLoggerFactory.Instance,
            CancellationToken.None);
        environment.TrackCaddyServer("default", "web");
        try
        {
            await using var alias = await LxdImageAlias.CreateAsync(services.LxdSocket, "botserver-standin", $"gitops-e2e-{Guid.NewGuid():N}"[..20]);
            using var http = new HttpClient { BaseAddress = environment.ApiServer };
            var repositories = new HttpResourceClient<GitRepository>(http, ResourceCatalog.GitRepositories.Plural);
            var repository = Path.Combine(folder, "repo");
            int listenPort = FreePort.Next();

            // Commit a BotCluster and a ShardMap; the cluster comes up on LXD.
            Git(folder, "init", "--quiet", "--initial-branch", "main", repository);
            WriteFile(repository, "clusters/web.yaml", Cluster("botserver-standin", listenPort));
            WriteFile(repository, "clusters/shardmap.yaml", ShardMap);
            Commit(repository, "add web");
            await repositories.CreateAsync(
                new GitRepository
                {
                    Metadata = new V1ObjectMeta { Name = "bots", NamespaceProperty = "default" },
                    Spec = new GitRepositorySpec { Url = repository, Path = "clusters", Interval = "2s", Prune = true },
                },
                CancellationToken.None);
            await environment.WaitForStatusAsync("web", c => OperatorTestEnvironment.IsReady(c, 1), Deadline, "web is ready");
            var first = await environment.ListInstancesAsync();
            first.Should().ContainSingle().Which.IsRunning.Should().BeTrue();
            var managers = (await environment.Clusters.GetAsync("default", "web", CancellationToken.None))!.Metadata.ManagedFields
                .Select(entry => $"{entry.Manager} {entry.Operation} {entry.Subresource}".TrimEnd())
                .ToList();
            managers.Should().Contain("gb-gitops Apply");
            managers.Should().Contain("gb-botcluster-controller Update status");

            // Change the image in a new commit: the instance is replaced.
            WriteFile(repository, "clusters/web.yaml", Cluster(alias.Name, listenPort));
            Commit(repository, "change image");
            await environment.WaitForStatusAsync(
                "web",
                c => c.Spec.Image == alias.Name && OperatorTestEnvironment.IsReady(c, 1),
                Deadline,
                "web runs the new image");
            await Wait.UntilAsync(
                async () => (await environment.ListInstancesAsync()) is [{ } instance] && instance.Name != first[0].Name,
                Deadline,
                "the old instance is replaced");

            // Remove the file: the BotCluster is pruned and its instance deleted.
            File.Delete(Path.Combine(repository, "clusters", "web.yaml"));
            Commit(repository, "remove web");
            await Wait.UntilAsync(
                async () => await environment.Clusters.GetAsync("default", "web", CancellationToken.None) is null,
                Deadline,
                "web is pruned");
            await Wait.UntilAsync(async () => (await environment.ListInstancesAsync()).Count == 0, Deadline, "the instance is deleted");
            var status = (await repositories.GetAsync("default", "bots", CancellationToken.None))!.Status!;
            status.Inventory.Should().ContainSingle().Which.Kind.Should().Be("ShardMap");
        }
        finally
        {
            await gitOps.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Cluster(string image, int listenPort) => $"""
        apiVersion: generalbots.ai/v1alpha1
        kind: BotCluster
        metadata:
          name: web
        spec:
          image: {image}
          replicas: 1
          port: 8080
          limits:
            cpu: "1"
            memory: 256MiB
          healthCheck:
            path: /health
            interval: 2s
            timeout: 2s
            retries: 2
          drainTimeout: 5s
          routing:
            listenAddress: 127.0.0.1:{listenPort}

        """;

    private const string ShardMap = """
        apiVersion: generalbots.ai/v1alpha1
        kind: ShardMap
        metadata:
          name: tenants
        spec:
          strategy: tenant
          shards:
            - name: shard1
              endpoint: 127.0.0.1:5432

        """;

    private static void WriteFile(string repository, string relativePath, string text)
    {
        var path = Path.Combine(repository, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static void Commit(string repository, string message)
    {
        Git(repository, "add", "--all");
        Git(repository, "-c", "user.name=GbOperator tests", "-c", "user.email=tests@localhost", "commit", "--quiet", "-m", message);
    }

    private static void Git(string folder, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
        }
    }
}
