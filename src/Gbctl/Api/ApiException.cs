using System.Text.Json.Nodes;

namespace Gbctl.Api;

/// <summary>An error response of the API server, carrying its Kubernetes <c>Status</c> fields.</summary>
internal sealed class ApiException(int code, string reason, string message, JsonArray? causes)
    : Exception(message)
{
    /// <summary>HTTP status code.</summary>
    public int Code { get; } = code;

    /// <summary>Kubernetes reason such as <c>NotFound</c> or <c>Invalid</c>.</summary>
    public string Reason { get; } = reason;

    /// <summary>The <c>details.causes</c> array of the Status, when present.</summary>
    public JsonArray? Causes { get; } = causes;

    /// <summary>Whether the server reported that the object does not exist.</summary>
    public bool IsNotFound => Code == 404 && Reason == "NotFound";

    /// <summary>Formats the error as kubectl does: <c>Error from server (Reason): message</c>.</summary>
    public string Describe(string? prefix = null) =>
        prefix is null ? $"Error from server ({Reason}): {Message}" : $"Error from server ({Reason}): {prefix}: {Message}";

    /// <summary>Builds the exception from an error response body, falling back to the HTTP status when it is no Status.</summary>
    public static ApiException FromResponse(int code, string body)
    {
        JsonObject? status = null;
        try
        {
            status = JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the fallback below reports the HTTP status and the raw text.
        }

        if (status is not null && (string?)status["kind"] == "Status")
        {
            var reason = (string?)status["reason"];
            var message = (string?)status["message"];
            var causes = status["details"]?["causes"] as JsonArray;
            return new ApiException(code, string.IsNullOrEmpty(reason) ? ReasonOf(code) : reason, message ?? body, causes);
        }

        var text = body.Trim();
        return new ApiException(code, ReasonOf(code), text.Length == 0 ? $"the server returned HTTP {code}" : text, null);
    }

    private static string ReasonOf(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        409 => "Conflict",
        410 => "Expired",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        429 => "TooManyRequests",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "Unknown",
    };
}
