using Gbctl.Api;
using Gbctl.Output;

namespace Gbctl.Apply;

/// <summary>Server-side apply of one object: the server merges the manifest and records <c>fieldManager</c> as the owner of its fields.</summary>
internal sealed class ServerSideApplier(ApiClient client, string fieldManager, bool forceConflicts)
{
    /// <summary>Field manager of <c>gbctl apply --server-side</c> unless <c>--field-manager</c> names another.</summary>
    public const string DefaultFieldManager = "gbctl";

    /// <summary>Applies <paramref name="manifest"/>; with <paramref name="dryRun"/> the server stores nothing.</summary>
    /// <exception cref="ApplyException">The server rejected the apply, such as with a 409 naming fields that other managers own.</exception>
    public async Task<ApplyOutcome> ApplyAsync(ManifestObject manifest, bool dryRun, CancellationToken cancellationToken)
    {
        var itemPath = ResourcePaths.Item(manifest.Kind, manifest.Namespace, manifest.Name);
        var live = await client.GetOrNullAsync(itemPath, cancellationToken);
        var path = ResourcePaths.WithQuery(
            itemPath,
            ("fieldManager", fieldManager),
            ("force", forceConflicts ? "true" : null),
            ("dryRun", dryRun ? "All" : null));
        try
        {
            var result = await client.SendAsync(HttpMethod.Patch, path, manifest.Object, MediaTypes.ApplyPatch, MediaTypes.Json, cancellationToken);
            var action = live is null
                ? ApplyAction.Created
                : (string?)live["metadata"]?["resourceVersion"] == (string?)result["metadata"]?["resourceVersion"] ? ApplyAction.Unchanged : ApplyAction.Configured;
            return new ApplyOutcome(action, live, result);
        }
        catch (ApiException e)
        {
            throw new ApplyException("applying", e);
        }
    }

    /// <summary>Returns the line apply prints for one object, such as <c>botcluster.generalbots.ai/web serverside-applied</c>, as kubectl prints it.</summary>
    public static string Describe(ManifestObject manifest, bool dryRun) =>
        $"{ObjectNames.Slashed(manifest.Kind, manifest.Name)} serverside-applied{(dryRun ? " (server dry run)" : string.Empty)}";
}
