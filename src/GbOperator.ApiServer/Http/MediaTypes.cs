namespace GbOperator.ApiServer.Http;

/// <summary>Media types the API server reads and writes.</summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string Yaml = "application/yaml";
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatch = "application/json-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    public static readonly string[] ObjectBodyTypes = [Json, Yaml];

    public static readonly string[] PatchBodyTypes = [JsonPatch, MergePatch];

    /// <summary>Patch types of the main resource, which adds server-side apply to <see cref="PatchBodyTypes"/>.</summary>
    public static readonly string[] ResourcePatchBodyTypes = [JsonPatch, MergePatch, ApplyPatch];

    /// <summary>Returns the media type without parameters, lower-cased; <c>null</c> when the header is absent.</summary>
    public static string? Essence(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var separator = contentType.IndexOf(';', StringComparison.Ordinal);
        var essence = separator < 0 ? contentType : contentType[..separator];
        return essence.Trim().ToLowerInvariant();
    }

    public static bool IsYaml(string? essence) =>
        essence is Yaml or "application/x-yaml" or "text/yaml" or "text/x-yaml";
}
