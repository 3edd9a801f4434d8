using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Patching;

/// <summary>JSON merge patch (RFC 7386): objects merge recursively, <c>null</c> removes a member, anything else replaces.</summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }

            var merged = Apply(result[name]?.DeepClone(), value);
            result[name] = merged;
        }

        return result;
    }
}
