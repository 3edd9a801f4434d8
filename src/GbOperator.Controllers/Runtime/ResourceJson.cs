using System.Net;
using System.Text.Json;
using GbOperator.Resources;

namespace GbOperator.Controllers.Runtime;

/// <summary>JSON conversion of typed resources and Status objects for <see cref="HttpResourceClient{T}"/>.</summary>
/// <remarks>
/// Objects use <see cref="ResourceCodec.SerializerOptions"/>, the API server's own settings, so a field
/// that the client's type lacks fails decoding instead of being dropped. The operator's controllers talk to
/// the API server of the same build, where such a field is a bug to report.
/// </remarks>
internal static class ResourceJson
{
    public static T DeserializeObject<T>(JsonElement element, string context)
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"{context}: expected a JSON object, found {element.ValueKind}.");
        }

        try
        {
            return element.Deserialize<T>(ResourceCodec.SerializerOptions)
                ?? throw new JsonException($"{context}: the object decoded to null.");
        }
        catch (JsonException exception) when (exception.Path is not null)
        {
            throw new JsonException($"{context}: invalid value at {exception.Path}: {exception.Message}", exception);
        }
    }

    public static string Serialize<T>(T resource)
        where T : class => JsonSerializer.Serialize(resource, ResourceCodec.SerializerOptions);

    /// <summary>Builds the exception for a Status object, falling back to the HTTP status when the body is not one.</summary>
    public static ApiStatusException ToStatusException(HttpStatusCode fallbackCode, string body)
    {
        var code = fallbackCode;
        var reason = string.Empty;
        var message = body.Length > 0 ? body : fallbackCode.ToString();

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("code", out var codeElement) && codeElement.TryGetInt32(out var number) && number > 0)
                {
                    code = (HttpStatusCode)number;
                }

                if (root.TryGetProperty("reason", out var reasonElement) && reasonElement.ValueKind == JsonValueKind.String)
                {
                    reason = reasonElement.GetString() ?? string.Empty;
                }

                if (root.TryGetProperty("message", out var messageElement) && messageElement.ValueKind == JsonValueKind.String)
                {
                    message = messageElement.GetString() ?? message;
                }
            }
        }
        catch (JsonException)
        {
            // The body is not JSON, so the HTTP status and the raw body describe the failure.
        }

        return new ApiStatusException(code, reason, message);
    }
}
