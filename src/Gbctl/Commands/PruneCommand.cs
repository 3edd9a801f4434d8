using Gbctl.Api;
using Gbctl.Apply;
using Gbctl.Cli;
using Gbctl.Output;
using Gbctl.Prune;

namespace Gbctl.Commands;

/// <summary>The prune step of <c>gbctl apply --prune</c>: deletes the members of the apply set that left the source.</summary>
internal static class PruneCommand
{
    /// <summary>Deletes the prunable members when the prune rules allow it, then records the set's current kinds and namespaces.</summary>
    /// <returns>0 on success, 1 when the prune was rejected or a delete failed.</returns>
    public static async Task<int> PruneAsync(
        CommandSession session, ApplySetParent parent, IReadOnlyList<ManifestObject> targets, PruneSettings settings, bool dryRun, CancellationToken cancellationToken)
    {
        var plan = await PrunePlan.CreateAsync(parent, targets, settings, cancellationToken);
        if (!plan.Decision.Allowed)
        {
            var names = string.Join(", ", plan.Prunable.Select(member => ObjectNames.Slashed(member.Kind, member.Name)));
            await session.Error.WriteLineAsync(
                $"error: prune rejected for applyset {parent.Namespace}/{parent.Name}: {plan.Decision.Reason}. "
                + $"Would delete: {names}. --force-prune deletes them, --prune-max-percent sets the maximum.");
            return CommandRunner.Failure;
        }

        var exitCode = 0;
        foreach (var member in plan.Prunable)
        {
            var path = ResourcePaths.WithQuery(ResourcePaths.Item(member.Kind, member.Namespace, member.Name), ("dryRun", dryRun ? "All" : null));
            try
            {
                await session.Client.SendAsync(HttpMethod.Delete, path, null, null, MediaTypes.Json, cancellationToken);
                await session.Out.WriteLineAsync($"{ObjectNames.Slashed(member.Kind, member.Name)} pruned{(dryRun ? " (server dry run)" : string.Empty)}");
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Deleted by someone else since the list: nothing left to prune.
            }
            catch (ApiException e)
            {
                await ErrorReporter.WriteAsync(session.Error, e, "pruning", $"{member.Namespace}/{member.Name}");
                exitCode = CommandRunner.Failure;
            }
        }

        if (exitCode == 0 && !dryRun)
        {
            await parent.RecordAsync(targets.Select(target => target.Kind), targets.Select(target => target.Namespace), cancellationToken);
        }

        return exitCode;
    }
}
