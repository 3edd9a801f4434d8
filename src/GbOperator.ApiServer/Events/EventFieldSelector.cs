using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;
using GbOperator.ApiServer.Selectors;

namespace GbOperator.ApiServer.Events;

/// <summary>A parsed <c>fieldSelector</c> over the fields that kube-apiserver supports for core/v1 Events.</summary>
internal sealed class EventFieldSelector
{
    private static readonly string[] SupportedFields =
    [
        "metadata.name", "metadata.namespace",
        "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
        "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
        "reason", "reportingComponent", "source", "type",
    ];

    private readonly IReadOnlyList<(string Field, string Value, bool Equal)> _terms;

    private EventFieldSelector(IReadOnlyList<(string Field, string Value, bool Equal)> terms) => _terms = terms;

    /// <summary>Parses <c>field=value</c>, <c>field==value</c> and <c>field!=value</c> terms separated by commas.</summary>
    /// <exception cref="ApiException">400 BadRequest for a malformed term or an unsupported field.</exception>
    public static EventFieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new EventFieldSelector([]);
        }

        var terms = FieldSelectorTerms.Parse(text, SupportedFields);
        return new EventFieldSelector(terms);
    }

    /// <summary>Returns whether every term holds for the event.</summary>
    public bool Matches(JsonObject json)
    {
        foreach (var (field, value, equal) in _terms)
        {
            var actual = ReadField(json, field);
            if (string.Equals(actual, value, StringComparison.Ordinal) != equal)
            {
                return false;
            }
        }

        return true;
    }

    private static string ReadField(JsonObject json, string field)
    {
        if (field == "source")
        {
            // kube-apiserver matches "source" against source.component.
            return (json["source"]?["component"] as JsonValue)?.ToString() ?? string.Empty;
        }

        JsonNode? node = json;
        foreach (var part in field.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node is JsonValue scalar ? scalar.ToString() : string.Empty;
    }
}
