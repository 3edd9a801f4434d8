using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Output;

namespace Gbctl.Apply;

/// <summary>
/// Client-side apply of one object: create it when missing, otherwise send the three-way merge patch
/// guarded by a <c>resourceVersion</c>.
/// </summary>
/// <remarks>
/// As in kubectl, a <c>metadata.resourceVersion</c> in the manifest guards the patch, so the server rejects it
/// with 409 Conflict when the object changed since that version, and the conflict is reported without a retry.
/// A manifest without one is guarded by the live <c>resourceVersion</c>, and a conflict is retried with a fresh read.
/// </remarks>
internal sealed class ObjectApplier(ApiClient client, TextWriter warnings)
{
    /// <summary>Field manager recorded by the server for gbctl's writes.</summary>
    public const string FieldManager = "gbctl-client-side-apply";

    /// <summary>Attempts before a conflict is reported, as many as kubectl makes.</summary>
    private const int MaxAttempts = 5;

    /// <summary>Applies <paramref name="manifest"/>. With <paramref name="dryRun"/> the server validates and returns the result without storing it.</summary>
    /// <exception cref="ApplyException">The server rejected the create or patch, or a conflict persisted through every attempt.</exception>
    /// <exception cref="ApiException">The server rejected the read.</exception>
    public async Task<ApplyOutcome> ApplyAsync(ManifestObject manifest, bool dryRun, CancellationToken cancellationToken)
    {
        var desired = LastAppliedConfiguration.Annotate(manifest.Object);
        var itemPath = ResourcePaths.Item(manifest.Kind, manifest.Namespace, manifest.Name);
        var dryRunValue = dryRun ? "All" : null;
        var manifestResourceVersion = (string?)manifest.Object["metadata"]?["resourceVersion"];

        for (var attempt = 1; ; attempt++)
        {
            var live = await client.GetOrNullAsync(itemPath, cancellationToken);
            if (live is null)
            {
                var createPath = ResourcePaths.WithQuery(
                    ResourcePaths.Collection(manifest.Kind, manifest.Namespace),
                    ("fieldManager", FieldManager),
                    ("dryRun", dryRunValue));
                try
                {
                    var created = await client.SendAsync(HttpMethod.Post, createPath, desired, MediaTypes.Json, MediaTypes.Json, cancellationToken);
                    return new ApplyOutcome(ApplyAction.Created, null, created);
                }
                catch (ApiException e) when (e.Code == 409 && e.Reason == "AlreadyExists" && attempt < MaxAttempts)
                {
                    // Another writer created the object after the read: read it again and patch it instead.
                    continue;
                }
                catch (ApiException e)
                {
                    throw new ApplyException("creating", e);
                }
            }

            var original = LastAppliedConfiguration.Read(live);
            if (original is null && attempt == 1)
            {
                await warnings.WriteLineAsync(
                    $"Warning: {manifest.Kind.Plural}/{manifest.Name} is missing the {LastAppliedConfiguration.AnnotationKey} annotation, "
                    + "so fields removed from the manifest stay on the object. This apply adds the annotation, and later applies remove such fields.");
            }

            var patch = ThreeWayMergePatch.Create(original, desired, live);

            // Status belongs to the controllers and the main endpoint ignores it, so a status in the manifest is not compared.
            patch.Remove("status");
            if (patch.Count == 0)
            {
                return new ApplyOutcome(ApplyAction.Unchanged, live, live);
            }

            SetResourceVersionPrecondition(patch, manifestResourceVersion ?? (string?)live["metadata"]?["resourceVersion"]);
            var patchPath = ResourcePaths.WithQuery(itemPath, ("fieldManager", FieldManager), ("dryRun", dryRunValue));
            try
            {
                var patched = await client.SendAsync(HttpMethod.Patch, patchPath, patch, MediaTypes.MergePatch, MediaTypes.Json, cancellationToken);
                return new ApplyOutcome(ApplyAction.Configured, live, patched);
            }
            catch (ApiException e) when (e.Code == 409 && manifestResourceVersion is null && attempt < MaxAttempts)
            {
                // Another writer changed the object after it was read: read it again and recompute the patch.
            }
            catch (ApiException e)
            {
                throw new ApplyException("patching", e);
            }
        }
    }

    /// <summary>Adds <paramref name="resourceVersion"/> to the patch, so the server rejects it with 409 if the object has changed since that version.</summary>
    private static void SetResourceVersionPrecondition(JsonObject patch, string? resourceVersion)
    {
        if (resourceVersion is null)
        {
            return;
        }

        if (patch["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            patch["metadata"] = metadata;
        }

        metadata["resourceVersion"] = resourceVersion;
    }

    /// <summary>Returns the line apply prints for one object, such as <c>botcluster.generalbots.ai/web created</c>.</summary>
    public static string Describe(ManifestObject manifest, ApplyAction action, bool dryRun)
    {
        var word = action switch
        {
            ApplyAction.Created => "created",
            ApplyAction.Configured => "configured",
            _ => "unchanged",
        };
        return $"{ObjectNames.Slashed(manifest.Kind, manifest.Name)} {word}{(dryRun ? " (server dry run)" : string.Empty)}";
    }
}
