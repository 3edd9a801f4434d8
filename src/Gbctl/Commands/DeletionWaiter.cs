using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Cli;
using Gbctl.Output;
using GbOperator.Resources;

namespace Gbctl.Commands;

/// <summary>Waits until an object whose deletion finalizers hold back is really gone, by watching it.</summary>
internal static class DeletionWaiter
{
    /// <summary>Watches the object from <paramref name="deleting"/>'s resourceVersion until a DELETED event arrives.</summary>
    /// <param name="timeout">Longest wait. <see cref="TimeSpan.Zero"/> waits without limit.</param>
    /// <exception cref="CliException">The timeout passed first.</exception>
    public static async Task WaitAsync(
        CommandSession session,
        ResourceKind kind,
        string @namespace,
        string name,
        JsonObject deleting,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout > TimeSpan.Zero)
        {
            deadline.CancelAfter(timeout);
        }

        var resourceVersion = (string?)deleting["metadata"]?["resourceVersion"];
        try
        {
            // A watch stream may end before the event arrives, so each pass resumes from the last version seen.
            while (true)
            {
                var path = ResourcePaths.WithQuery(
                    ResourcePaths.Collection(kind, @namespace),
                    ("watch", "true"),
                    ("fieldSelector", $"metadata.name={name}"),
                    ("resourceVersion", resourceVersion));

                await foreach (var watchEvent in session.Client.WatchAsync(path, MediaTypes.Json, deadline.Token))
                {
                    if ((string?)watchEvent["type"] == "DELETED")
                    {
                        return;
                    }

                    resourceVersion = (string?)watchEvent["object"]?["metadata"]?["resourceVersion"] ?? resourceVersion;
                }

                var current = await session.Client.GetOrNullAsync(ResourcePaths.Item(kind, @namespace, name), deadline.Token);
                if (current is null)
                {
                    return;
                }

                resourceVersion = (string?)current["metadata"]?["resourceVersion"] ?? resourceVersion;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The deadline fired: reported below.
        }

        var finalizers = deleting["metadata"]?["finalizers"]?.ToJsonString() ?? "[]";
        throw new CliException(
            $"timed out after {timeout.TotalSeconds:0}s waiting for {ObjectNames.Quoted(kind, name)} to be deleted: finalizers {finalizers} still hold it. Check the controller, or pass --wait=false to return at once.");
    }
}
