using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Cli;
using GbOperator.Resources;
using GbOperator.Resources.ApplySets;

namespace Gbctl.Prune;

/// <summary>
/// The <c>ApplySet</c> object that records which kinds and namespaces the members of one <c>gbctl apply --prune</c>
/// set live in; the members themselves carry the <see cref="ApplySetLabels.PartOf"/> label with its <see cref="Id"/>.
/// </summary>
internal sealed class ApplySetParent
{
    /// <summary>Field manager of gbctl's server-side applies of the parent.</summary>
    private const string FieldManager = "gbctl";

    private readonly ApiClient _client;

    private ApplySetParent(ApiClient client, string @namespace, string name, IReadOnlyList<ResourceKind> kinds, IReadOnlyList<string> namespaces)
    {
        _client = client;
        Namespace = @namespace;
        Name = name;
        Id = ApplySetLabels.ParentId(ApplySet.KindName, @namespace, name);
        Kinds = kinds;
        Namespaces = namespaces;
    }

    public string Namespace { get; }

    public string Name { get; }

    /// <summary>The value of the members' <see cref="ApplySetLabels.PartOf"/> label.</summary>
    public string Id { get; }

    /// <summary>Kinds the members had at the last apply; empty for a new set.</summary>
    public IReadOnlyList<ResourceKind> Kinds { get; }

    /// <summary>Namespaces the members had at the last apply, the parent's own included.</summary>
    public IReadOnlyList<string> Namespaces { get; }

    /// <summary>Reads the parent, or describes a new, empty set when it does not exist yet.</summary>
    /// <exception cref="CliException">The object exists with another id, so it is not the parent of this set.</exception>
    public static async Task<ApplySetParent> LoadAsync(ApiClient client, string @namespace, string name, CancellationToken cancellationToken)
    {
        var path = ResourcePaths.Item(ResourceCatalog.ApplySets, @namespace, name);
        var live = await client.GetOrNullAsync(path, cancellationToken);
        if (live is null)
        {
            return new ApplySetParent(client, @namespace, name, [], [@namespace]);
        }

        var parent = new ApplySetParent(
            client,
            @namespace,
            name,
            ApplySetLabels.ParseGroupKinds((string?)live["metadata"]?["annotations"]?[ApplySetLabels.ContainsGroupKinds]),
            [@namespace, .. ApplySetLabels.Split((string?)live["metadata"]?["annotations"]?[ApplySetLabels.AdditionalNamespaces])]);
        var id = (string?)live["metadata"]?["labels"]?[ApplySetLabels.Id];
        if (id != parent.Id)
        {
            throw new CliException($"applyset {@namespace}/{name} has the label {ApplySetLabels.Id}={id ?? "(missing)"}, expected {parent.Id}; choose another --applyset name.");
        }

        return parent;
    }

    /// <summary>Writes the kinds and namespaces of the members to the parent, creating it when missing.</summary>
    public async Task RecordAsync(IEnumerable<ResourceKind> kinds, IEnumerable<string> namespaces, CancellationToken cancellationToken)
    {
        var groupKinds = kinds.Select(ApplySetLabels.GroupKind).Distinct().Order(StringComparer.Ordinal);
        var additional = namespaces.Where(candidate => candidate != Namespace).Distinct().Order(StringComparer.Ordinal);
        var configuration = new JsonObject
        {
            ["apiVersion"] = ApiGroup.ApiVersion,
            ["kind"] = ApplySet.KindName,
            ["metadata"] = new JsonObject
            {
                ["name"] = Name,
                ["namespace"] = Namespace,
                ["labels"] = new JsonObject { [ApplySetLabels.Id] = Id },
                ["annotations"] = new JsonObject
                {
                    [ApplySetLabels.Tooling] = $"gbctl/{VersionInfo.ClientVersion}",
                    [ApplySetLabels.ContainsGroupKinds] = string.Join(',', groupKinds),
                    [ApplySetLabels.AdditionalNamespaces] = string.Join(',', additional),
                },
            },
            ["spec"] = new JsonObject(),
        };
        var path = ResourcePaths.WithQuery(
            ResourcePaths.Item(ResourceCatalog.ApplySets, Namespace, Name),
            ("fieldManager", FieldManager),
            ("force", "true"));
        await _client.SendAsync(HttpMethod.Patch, path, configuration, MediaTypes.ApplyPatch, MediaTypes.Json, cancellationToken);
    }

    /// <summary>Lists the members of every kind and namespace in <paramref name="kinds"/> and <paramref name="namespaces"/>.</summary>
    public async Task<List<ApplySetMember>> ListMembersAsync(
        IEnumerable<ResourceKind> kinds, IEnumerable<string> namespaces, CancellationToken cancellationToken)
    {
        var members = new List<ApplySetMember>();
        var selector = $"{ApplySetLabels.PartOf}={Id}";
        foreach (var kind in kinds.Distinct())
        {
            foreach (var @namespace in namespaces.Distinct())
            {
                var path = ResourcePaths.WithQuery(ResourcePaths.Collection(kind, @namespace), ("labelSelector", selector));
                var list = await _client.GetAsync(path, cancellationToken);
                foreach (var item in list["items"]?.AsArray() ?? [])
                {
                    if ((string?)item?["metadata"]?["name"] is { } name)
                    {
                        members.Add(new ApplySetMember(kind, @namespace, name));
                    }
                }
            }
        }

        return members;
    }
}
