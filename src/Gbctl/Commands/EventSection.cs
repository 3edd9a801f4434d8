using System.Text;
using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Cli;
using Gbctl.Output;
using GbOperator.Resources;

namespace Gbctl.Commands;

/// <summary>The Events part of describe, read from the core events API when the server serves it.</summary>
internal static class EventSection
{
    private static readonly string[] Headers = ["Type", "Reason", "Age", "From", "Message"];

    private static readonly string[] Underlines = ["----", "------", "----", "----", "-------"];

    /// <summary>
    /// Returns the Events section of <paramref name="item"/>, or <c>null</c> when the server has no
    /// events API or recorded no event for the object.
    /// </summary>
    public static async Task<string?> ReadAsync(CommandSession session, ResourceKind kind, JsonObject item, CancellationToken cancellationToken)
    {
        var name = ObjectNames.NameOf(item);
        var @namespace = ObjectNames.NamespaceOf(item) ?? session.Namespace;
        var path = ResourcePaths.WithQuery(
            ResourcePaths.Events(@namespace),
            ("fieldSelector", $"involvedObject.name={name},involvedObject.kind={kind.Kind}"));

        JsonObject list;
        try
        {
            list = await session.Client.GetAsync(path, cancellationToken);
        }
        catch (ApiException e) when (e.Code is 404 or 405 or 400)
        {
            // The server records no events (404/405) or cannot filter them (400): describe leaves the section out.
            return null;
        }

        var events = GetCommand.ListItems(list)
            .Where(e => (string?)e["involvedObject"]?["uid"] is null || (string?)e["involvedObject"]?["uid"] == (string?)item["metadata"]?["uid"])
            .OrderBy(e => (string?)e["lastTimestamp"] ?? (string?)e["eventTime"], StringComparer.Ordinal)
            .ToList();
        if (events.Count == 0)
        {
            return null;
        }

        var now = DateTimeOffset.UtcNow;
        var lines = new List<IReadOnlyList<string>> { Headers, Underlines };
        lines.AddRange(events.Select(e => (IReadOnlyList<string>)
        [
            DescribeWriter.Scalar(e["type"]),
            DescribeWriter.Scalar(e["reason"]),
            Age(e, now),
            DescribeWriter.Scalar(e["source"]?["component"] ?? e["reportingComponent"]),
            DescribeWriter.Scalar(e["message"]),
        ]));

        var builder = new StringBuilder("Events:\n");
        foreach (var line in TextTable.Format(lines).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append("  ").Append(line).Append('\n');
        }

        return builder.ToString();
    }

    private static string Age(JsonObject item, DateTimeOffset now)
    {
        var last = AgeFormatter.FromTimestamp((string?)item["lastTimestamp"] ?? (string?)item["eventTime"], now);
        var count = (int?)item["count"] ?? 1;
        var first = (string?)item["firstTimestamp"];
        return count > 1 && first is not null ? $"{last} (x{count} over {AgeFormatter.FromTimestamp(first, now)})" : last;
    }
}
