using System.Text.Json.Nodes;
using Gbctl.Cli;
using GbOperator.Resources;

namespace Gbctl.Apply;

/// <summary>A manifest document checked for a served kind and a name, with its namespace filled in.</summary>
/// <param name="Kind">The served kind of the document.</param>
/// <param name="Namespace">Namespace of the object: its own, else the command's.</param>
/// <param name="Name">Value of <c>metadata.name</c>.</param>
/// <param name="Object">A copy of the document with <c>metadata.namespace</c> set.</param>
/// <param name="Source">File the document came from, or <c>-</c>.</param>
internal sealed record ManifestObject(ResourceKind Kind, string Namespace, string Name, JsonObject Object, string Source)
{
    /// <summary>
    /// Checks <paramref name="manifest"/> and fills in its namespace.
    /// </summary>
    /// <param name="defaultNamespace">Namespace of objects that name none.</param>
    /// <param name="namespaceExplicit">Whether <c>-n</c> was passed, so a document naming another namespace is an error.</param>
    /// <exception cref="CliException">The document lacks apiVersion, kind or name, names an unserved kind, or conflicts with <c>-n</c>.</exception>
    public static ManifestObject From(Manifest manifest, string defaultNamespace, bool namespaceExplicit)
    {
        var document = (JsonObject)manifest.Object.DeepClone();
        var where = $"{manifest.Source}:{manifest.Line}";
        var apiVersion = StringField(document["apiVersion"]);
        var kindName = StringField(document["kind"]);

        var missing = new List<string>();
        if (string.IsNullOrEmpty(apiVersion))
        {
            missing.Add("apiVersion not set");
        }

        if (string.IsNullOrEmpty(kindName))
        {
            missing.Add("kind not set");
        }

        if (missing.Count > 0)
        {
            throw new CliException($"error validating \"{where}\": {string.Join(", ", missing)}. Every document needs apiVersion: {ApiGroup.ApiVersion} and a kind such as BotCluster.");
        }

        var kind = ResourceCatalog.All.FirstOrDefault(k => k.Kind == kindName);
        if (apiVersion != ApiGroup.ApiVersion || kind is null)
        {
            throw new CliException(
                $"unable to recognize \"{where}\": no matches for kind \"{kindName}\" in version \"{apiVersion}\". Served kinds: {string.Join(", ", ResourceCatalog.All.Select(k => k.Kind))} in {ApiGroup.ApiVersion}.");
        }

        if (document["metadata"] is not JsonObject metadata)
        {
            if (document["metadata"] is not null)
            {
                throw new CliException($"error validating \"{where}\": metadata must be a mapping with at least a name.");
            }

            metadata = new JsonObject();
            document["metadata"] = metadata;
        }

        var name = StringField(metadata["name"]);
        if (string.IsNullOrEmpty(name))
        {
            throw new CliException($"error validating \"{where}\": metadata.name not set. Give the {kind.Kind} a name.");
        }

        var @namespace = StringField(metadata["namespace"]);
        if (string.IsNullOrEmpty(@namespace))
        {
            @namespace = defaultNamespace;
            metadata["namespace"] = @namespace;
        }
        else if (namespaceExplicit && @namespace != defaultNamespace)
        {
            throw new CliException(
                $"the namespace from the provided object \"{@namespace}\" does not match the namespace \"{defaultNamespace}\" in \"{where}\". You must pass '--namespace={@namespace}' to perform this operation.");
        }

        return new ManifestObject(kind, @namespace, name, document, manifest.Source);
    }

    private static string? StringField(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
