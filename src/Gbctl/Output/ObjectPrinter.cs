using System.Text.Json.Nodes;
using Gbctl.Commands;
using GbOperator.Resources;

namespace Gbctl.Output;

/// <summary>Prints objects for <c>-o yaml</c>, <c>-o json</c> and <c>-o name</c>.</summary>
internal static class ObjectPrinter
{
    /// <summary>
    /// Prints <paramref name="items"/>: one object alone when <paramref name="single"/> is set, otherwise
    /// a <c>List</c> as kubectl does.
    /// </summary>
    public static string Print(IReadOnlyList<(ResourceKind Kind, JsonObject Item)> items, OutputFormat format, bool single)
    {
        if (format == OutputFormat.Name)
        {
            return string.Concat(items.Select(i => ObjectNames.Slashed(i.Kind, ObjectNames.NameOf(i.Item)) + "\n"));
        }

        JsonNode document = single && items.Count == 1
            ? items[0].Item
            : new JsonObject
            {
                ["apiVersion"] = "v1",
                ["items"] = new JsonArray(items.Select(i => (JsonNode)i.Item.DeepClone()).ToArray()),
                ["kind"] = "List",
                ["metadata"] = new JsonObject { ["resourceVersion"] = string.Empty },
            };

        return Serialize(document, format);
    }

    /// <summary>Returns <paramref name="document"/> as YAML or JSON.</summary>
    public static string Serialize(JsonNode document, OutputFormat format) =>
        format == OutputFormat.Json ? JsonOutput.Write(document) : YamlWriter.Write(document);
}
