using GbOperator.Controllers.BotClusters;
using GbOperator.Infrastructure.Lxd;
using GbOperator.Resources.BotClusters;
using GbOperator.Resources.ShardMaps;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.ShardMaps;

/// <summary>
/// Writes the routing table into every instance of the BotClusters that reference a ShardMap, at
/// <see cref="RoutingTable.FilePath"/>, and reports the version each cluster has.
/// </summary>
/// <remarks>
/// The pass reads the file back from each instance and writes it only when its content differs, so the file in the
/// container, not a note kept by the operator, decides what is current. Stopped instances get the file too, since the
/// LXD file API works on them and botserver reads the file when it starts.
/// </remarks>
internal sealed class RoutingFilePublisher(ILxdClient lxd, string project, ILogger logger)
{
    private const string ConfigFolder = "/opt/gbo/conf";

    private static readonly LxdFileOwnership FolderOwnership = new(0, 0, Convert.ToInt32("755", 8));

    /// <returns>One status per cluster, ordered by name, and the instances this pass wrote to.</returns>
    public async Task<(IReadOnlyList<ClusterRoutingStatus> Clusters, IReadOnlyList<string> Written)> PublishAsync(
        RoutingTable table, IReadOnlyList<BotCluster> clusters, CancellationToken cancellationToken)
    {
        if (clusters.Count == 0)
        {
            return ([], []);
        }

        var instances = await lxd.ListInstancesAsync(project, includeState: false, cancellationToken);
        var statuses = new List<ClusterRoutingStatus>();
        var written = new List<string>();
        foreach (var cluster in clusters.OrderBy(cluster => cluster.Metadata.Name, StringComparer.Ordinal))
        {
            var owned = instances.Where(instance => InstanceOwner.Read(instance) is { } owner
                    && owner.IsNamed(cluster.Metadata.NamespaceProperty, cluster.Metadata.Name)
                    && owner.Uid == cluster.Metadata.Uid)
                .OrderBy(instance => instance.Name, StringComparer.Ordinal)
                .ToList();
            var upToDate = 0;
            var problems = new List<string>();
            foreach (var instance in owned)
            {
                try
                {
                    if (await WriteIfChangedAsync(instance.Name, table, cancellationToken))
                    {
                        written.Add(instance.Name);
                        ShardMapLog.RoutingFileWritten(logger, instance.Name, table.Version);
                    }

                    upToDate++;
                }
                catch (LxdException exception) when (exception is not LxdUnavailableException)
                {
                    // The instance may be deleted during the pass, and the next pass reads the new instance list.
                    ShardMapLog.RoutingFileFailed(logger, exception, instance.Name);
                    problems.Add($"{instance.Name}: {exception.Message}");
                }
            }

            statuses.Add(new ClusterRoutingStatus
            {
                Name = cluster.Metadata.Name,
                Version = upToDate == owned.Count ? table.Version : null,
                UpToDateInstances = upToDate,
                Instances = owned.Count,
                Message = problems.Count == 0 ? null : "writing the routing file failed on " + string.Join("; ", problems),
            });
        }

        return (statuses, written);
    }

    /// <returns>Whether the file was written; <c>false</c> when the instance had the same content.</returns>
    private async Task<bool> WriteIfChangedAsync(string instance, RoutingTable table, CancellationToken cancellationToken)
    {
        try
        {
            var current = await lxd.ReadFileAsync(project, instance, RoutingTable.FilePath, cancellationToken);
            if (current.AsSpan().SequenceEqual(table.Content))
            {
                return false;
            }
        }
        catch (LxdNotFoundException)
        {
            // No file yet.
        }

        await lxd.CreateDirectoryAsync(project, instance, ConfigFolder, FolderOwnership, cancellationToken);
        await lxd.PushFileAsync(project, instance, RoutingTable.FilePath, table.Content, LxdFileOwnership.RootReadable, cancellationToken);
        return true;
    }
}
