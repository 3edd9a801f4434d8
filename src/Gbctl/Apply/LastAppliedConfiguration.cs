using System.Text.Json;
using System.Text.Json.Nodes;
using Gbctl.Output;

namespace Gbctl.Apply;

/// <summary>
/// The <c>kubectl.kubernetes.io/last-applied-configuration</c> annotation: the manifest of the last
/// apply, kept on the object so the next apply can tell which fields it should remove.
/// </summary>
internal static class LastAppliedConfiguration
{
    /// <summary>Annotation key, shared with kubectl so both tools see each other's applies.</summary>
    public const string AnnotationKey = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>
    /// Returns a copy of <paramref name="manifest"/> carrying the annotation, whose value is the
    /// manifest without the annotation, as compact JSON with sorted keys and a final newline (kubectl's format).
    /// </summary>
    public static JsonObject Annotate(JsonObject manifest)
    {
        var withoutAnnotation = (JsonObject)manifest.DeepClone();
        var metadata = (JsonObject)withoutAnnotation["metadata"]!;
        if (metadata["annotations"] is not JsonObject annotations)
        {
            annotations = new JsonObject();
            metadata["annotations"] = annotations;
        }

        annotations.Remove(AnnotationKey);
        var serialized = JsonOutput.WriteCompact(withoutAnnotation) + "\n";

        var annotated = (JsonObject)withoutAnnotation.DeepClone();
        ((JsonObject)annotated["metadata"]!["annotations"]!)[AnnotationKey] = serialized;
        return annotated;
    }

    /// <summary>Returns the manifest stored in the annotation of <paramref name="live"/>, or <c>null</c> when there is none or it is not a JSON object.</summary>
    public static JsonObject? Read(JsonObject live)
    {
        if (live["metadata"]?["annotations"]?[AnnotationKey] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
