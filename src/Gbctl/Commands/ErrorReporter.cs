using Gbctl.Api;

namespace Gbctl.Commands;

/// <summary>Prints server errors about objects from manifests as kubectl does.</summary>
internal static class ErrorReporter
{
    /// <summary>
    /// Prints <c>Error from server (Reason): error when VERB "SOURCE": message</c>, followed by each
    /// field cause that the message does not already name.
    /// </summary>
    public static async Task WriteAsync(TextWriter error, ApiException exception, string verb, string source)
    {
        await error.WriteLineAsync(exception.Describe($"error when {verb} \"{source}\""));

        foreach (var cause in exception.Causes?.OfType<System.Text.Json.Nodes.JsonObject>() ?? [])
        {
            var field = (string?)cause["field"];
            var message = (string?)cause["message"];
            if (!string.IsNullOrEmpty(field) && !exception.Message.Contains(field, StringComparison.Ordinal))
            {
                await error.WriteLineAsync($"  {field}: {message}");
            }
        }
    }
}
