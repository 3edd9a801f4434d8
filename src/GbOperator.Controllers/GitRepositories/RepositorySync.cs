using System.Text.Json.Nodes;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources;
using GbOperator.Resources.ApplySets;
using GbOperator.Resources.GitRepositories;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.GitRepositories;

/// <summary>Applies the objects of one commit with server-side apply and prunes the objects that left it.</summary>
/// <remarks>
/// Each object is applied under <see cref="FieldManager"/> with the <see cref="ApplySetLabels.PartOf"/> label of its
/// GitRepository. When the apply conflicts only with managers outside <paramref name="protectedManagers"/>, such as a
/// person who edited the object through the API, it is applied again with force, which sets those fields back. A
/// conflict with a protected manager, such as the autoscaler owning <c>spec.replicas</c>, is reported and not forced.
/// </remarks>
internal sealed class RepositorySync(ApplyClient client, IReadOnlySet<string> protectedManagers, ILogger logger)
{
    /// <summary>The field manager of every object a GitRepository applies.</summary>
    public const string FieldManager = "gb-gitops";

    public async Task<SyncOutcome> SyncAsync(GitRepository repository, IReadOnlyList<SourceObject> sources, CancellationToken cancellationToken)
    {
        var @namespace = repository.Metadata.NamespaceProperty!;
        var id = ApplySetLabels.ParentId(GitRepository.KindName, @namespace, repository.Metadata.Name!);
        var errors = new List<string>();
        var repaired = 0;
        foreach (var source in sources)
        {
            try
            {
                if (await ApplyAsync(source, Labelled(source.Object, id), cancellationToken))
                {
                    repaired++;
                }
            }
            catch (FieldConflictException exception)
            {
                errors.Add($"{source.Location}: {source.Kind.Kind} {source.Name}: {exception.Message}");
            }
            catch (ApiStatusException exception)
            {
                errors.Add($"{source.Location}: {source.Kind.Kind} {source.Name}: {exception.Message}");
            }
        }

        if (errors.Count > 0 || !repository.Spec.Prune)
        {
            return new SyncOutcome(errors, null, 0, repaired);
        }

        return await PruneAsync(repository, id, sources, repaired, cancellationToken);
    }

    /// <summary>Applies one object; returns whether fields changed by unprotected managers were taken back.</summary>
    private async Task<bool> ApplyAsync(SourceObject source, JsonObject configuration, CancellationToken cancellationToken)
    {
        try
        {
            await client.ApplyAsync(source.Kind, source.Namespace, source.Name, configuration, FieldManager, force: false, cancellationToken);
            return false;
        }
        catch (FieldConflictException exception) when (!exception.Conflicts.Any(conflict => protectedManagers.Contains(conflict.Manager)))
        {
            var fields = string.Join(", ", exception.Conflicts.Select(conflict => conflict.Field));
            var managers = string.Join(", ", exception.Conflicts.Select(conflict => conflict.Manager).Distinct());
            GitRepositoryLog.DriftRepaired(logger, source.Kind.Kind, source.Namespace, source.Name, fields, managers);
            await client.ApplyAsync(source.Kind, source.Namespace, source.Name, configuration, FieldManager, force: true, cancellationToken);
            return true;
        }
    }

    private async Task<SyncOutcome> PruneAsync(
        GitRepository repository, string id, IReadOnlyList<SourceObject> sources, int repaired, CancellationToken cancellationToken)
    {
        var namespaces = sources.Select(source => source.Namespace)
            .Concat(repository.Status?.Inventory?.Select(entry => entry.Namespace) ?? [])
            .Append(repository.Metadata.NamespaceProperty!)
            .Distinct()
            .ToList();
        var members = new List<(ResourceKind Kind, string Namespace, string Name)>();
        foreach (var kind in ResourceCatalog.All)
        {
            foreach (var @namespace in namespaces)
            {
                var names = await client.ListNamesAsync(kind, @namespace, $"{ApplySetLabels.PartOf}={id}", cancellationToken);
                members.AddRange(names.Select(name => (kind, @namespace, name)));
            }
        }

        var expected = sources.Select(source => (source.Kind, source.Namespace, source.Name)).ToHashSet();
        var prunable = members.Where(member => !expected.Contains(member)).ToList();
        var spec = repository.Spec;
        var decision = PruneDecision.Decide(sources.Count, members.Count, prunable.Count, spec.MaxPrunePercent, spec.ForcePrune);
        if (!decision.Allowed)
        {
            var names = string.Join(", ", prunable.Select(member => $"{member.Kind.Kind} {member.Namespace}/{member.Name}"));
            return new SyncOutcome([], $"{decision.Reason} (spec.forcePrune forces it, spec.maxPrunePercent sets the maximum); would delete {names}", 0, repaired);
        }

        foreach (var (kind, @namespace, name) in prunable)
        {
            if (await client.DeleteAsync(kind, @namespace, name, cancellationToken))
            {
                GitRepositoryLog.Pruned(logger, kind.Kind, @namespace, name);
            }
        }

        return new SyncOutcome([], null, prunable.Count, repaired);
    }

    private static JsonObject Labelled(JsonObject source, string id)
    {
        var configuration = source.DeepClone().AsObject();
        var metadata = configuration["metadata"]!.AsObject();
        if (metadata["labels"] is not JsonObject labels)
        {
            labels = [];
            metadata["labels"] = labels;
        }

        labels[ApplySetLabels.PartOf] = id;
        return configuration;
    }
}
