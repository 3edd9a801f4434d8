using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Cli;
using Gbctl.Output;

namespace Gbctl.Commands;

/// <summary><c>gbctl get events</c>: lists core/v1 Events with kubectl's columns, oldest last occurrence first.</summary>
internal static class EventListing
{
    private static readonly string[] TypeNames = ["events", "event", "ev"];

    /// <summary>Returns whether <paramref name="resourceType"/> names the Event type, such as <c>ev</c>.</summary>
    public static bool IsEventType(string resourceType) =>
        TypeNames.Contains(resourceType, StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(
        CommandSession session, bool allNamespaces, string? fieldSelector, OutputFormat format, bool headers, CancellationToken cancellationToken)
    {
        var collection = allNamespaces ? "/api/v1/events" : ResourcePaths.Events(session.Namespace);
        var path = ResourcePaths.WithQuery(collection, ("fieldSelector", string.IsNullOrEmpty(fieldSelector) ? null : fieldSelector));
        var list = await session.Client.GetAsync(path, cancellationToken);
        var events = GetCommand.ListItems(list)
            .OrderBy(item => (string?)item["lastTimestamp"] ?? (string?)item["eventTime"], StringComparer.Ordinal)
            .ToList();

        if (format is OutputFormat.Json or OutputFormat.Yaml)
        {
            var document = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "List",
                ["metadata"] = new JsonObject { ["resourceVersion"] = string.Empty },
                ["items"] = new JsonArray(events.Select(item => (JsonNode?)item.DeepClone()).ToArray()),
            };
            await session.Out.WriteAsync(ObjectPrinter.Serialize(document, format));
            return 0;
        }

        if (events.Count == 0)
        {
            var where = allNamespaces ? "any namespace" : $"{session.Namespace} namespace";
            await session.Error.WriteLineAsync($"No events found in {where}.");
            return 0;
        }

        var now = DateTimeOffset.UtcNow;
        var rows = new List<IReadOnlyList<string>>();
        if (headers)
        {
            rows.Add(allNamespaces
                ? ["NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
                : ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]);
        }

        foreach (var item in events)
        {
            var involved = item["involvedObject"];
            var cells = new List<string>();
            if (allNamespaces)
            {
                cells.Add(DescribeWriter.Scalar(item["metadata"]?["namespace"]));
            }

            cells.Add(AgeFormatter.FromTimestamp((string?)item["lastTimestamp"] ?? (string?)item["eventTime"], now));
            cells.Add(DescribeWriter.Scalar(item["type"]));
            cells.Add(DescribeWriter.Scalar(item["reason"]));
            cells.Add($"{DescribeWriter.Scalar(involved?["kind"]).ToLowerInvariant()}/{DescribeWriter.Scalar(involved?["name"])}");
            cells.Add(DescribeWriter.Scalar(item["message"]).Trim());
            rows.Add(cells);
        }

        await session.Out.WriteAsync(TextTable.Format(rows));
        return 0;
    }
}
