using System.Text.Json;

namespace GbOperator.Controllers.Autoscaling;

/// <summary>The <c>metrics</c> object of a botserver health response, such as <c>{"metrics":{"cpu":45.2,"queue_depth":3}}</c>.</summary>
/// <remarks>
/// Every field is optional: botserver versions differ in what they report. A field that is absent, or that is not a
/// number of zero or more, is <c>null</c> and named in <see cref="Unavailable"/>, never read as zero.
/// </remarks>
/// <param name="CpuPercent"><c>metrics.cpu</c>: CPU use in percent as the instance measures it.</param>
/// <param name="MemoryPercent"><c>metrics.memory</c>: memory use in percent as the instance measures it.</param>
/// <param name="Connections"><c>metrics.connections</c>: open client connections.</param>
/// <param name="QueueDepth"><c>metrics.queue_depth</c>: messages waiting to be processed.</param>
/// <param name="Unavailable">One entry per field the response does not carry as a number, naming the metric and why.</param>
internal sealed record HealthReport(
    double? CpuPercent, double? MemoryPercent, double? Connections, double? QueueDepth, IReadOnlyList<UnavailableField> Unavailable)
{
    /// <summary>JSON name of the queue depth inside <c>metrics</c>.</summary>
    public const string QueueDepthField = "queue_depth";

    /// <summary>Reads the health response <paramref name="json"/>.</summary>
    /// <exception cref="FormatException">The text is not a JSON object.</exception>
    public static HealthReport Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"The health response is not JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"The health response is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object.");
            }

            var unavailable = new List<UnavailableField>();
            JsonElement? metrics = document.RootElement.TryGetProperty("metrics", out var found) && found.ValueKind == JsonValueKind.Object
                ? found
                : null;
            return new HealthReport(
                Number(metrics, "cpu", "reportedCpu", unavailable),
                Number(metrics, "memory", "reportedMemory", unavailable),
                Number(metrics, "connections", "connections", unavailable),
                Number(metrics, QueueDepthField, "queueDepth", unavailable),
                unavailable);
        }
    }

    private static double? Number(JsonElement? metrics, string field, string metric, List<UnavailableField> unavailable)
    {
        if (metrics is not { } parent || !parent.TryGetProperty(field, out var value))
        {
            unavailable.Add(new UnavailableField(metric, $"metrics.{field} is absent"));
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && number >= 0 && double.IsFinite(number))
        {
            return number;
        }

        unavailable.Add(new UnavailableField(metric, $"metrics.{field} is {value.GetRawText()}, not a number of 0 or more"));
        return null;
    }
}

/// <summary>A health-response field that an instance does not report as a number.</summary>
/// <param name="Metric">Metric name, such as <c>queueDepth</c>.</param>
/// <param name="Reason">What the response contains instead, such as <c>metrics.queue_depth is absent</c>.</param>
internal sealed record UnavailableField(string Metric, string Reason);
