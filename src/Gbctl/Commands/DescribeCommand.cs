using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Apply;
using Gbctl.Cli;
using Gbctl.Output;
using GbOperator.Resources;

namespace Gbctl.Commands;

/// <summary><c>gbctl describe</c>: prints an object's metadata, spec, status, conditions and, where the server records them, its events.</summary>
internal static class DescribeCommand
{
    private const int HeaderWidth = 14;

    private static readonly string[] MetadataFields =
        ["creationTimestamp", "deletionTimestamp", "finalizers", "generation", "resourceVersion", "uid", "ownerReferences"];

    private static readonly string[] ConditionHeaders = ["Type", "Status", "Reason", "Last Transition Time", "Message"];

    public static Command Create(GlobalOptions options, CliContext context)
    {
        var resources = new Argument<string[]>("resources")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Resource type and names: 'bc web' or 'bc/web'. Without names, every object of the type.",
        };
        var selector = new Option<string?>("--selector", "-l") { Description = "Describe the objects whose labels match, such as 'tier=web'." };

        var command = new Command("describe", "Show details of a resource or group of resources.") { resources, selector };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            (session, token) => RunAsync(session, ResourceArguments.Parse(result.GetValue(resources) ?? [], "describe"), result.GetValue(selector), token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandSession session, IReadOnlyList<ResourceRequest> requests, string? selector, CancellationToken cancellationToken)
    {
        var exitCode = 0;
        var objects = new List<(ResourceKind Kind, JsonObject Item)>();

        foreach (var request in requests)
        {
            if (request.Names.Count == 0)
            {
                var path = ResourcePaths.WithQuery(ResourcePaths.Collection(request.Kind, session.Namespace), ("labelSelector", selector));
                var list = await session.Client.GetAsync(path, cancellationToken);
                objects.AddRange(GetCommand.ListItems(list).Select(i => (request.Kind, i)));
                continue;
            }

            foreach (var name in request.Names)
            {
                try
                {
                    objects.Add((request.Kind, await session.Client.GetAsync(ResourcePaths.Item(request.Kind, session.Namespace, name), cancellationToken)));
                }
                catch (ApiException e) when (e.IsNotFound)
                {
                    await session.Error.WriteLineAsync(e.Describe());
                    exitCode = CommandRunner.Failure;
                }
            }
        }

        if (objects.Count == 0 && exitCode == 0)
        {
            await session.Error.WriteLineAsync($"No resources found in {session.Namespace} namespace.");
        }

        for (var i = 0; i < objects.Count; i++)
        {
            if (i > 0)
            {
                await session.Out.WriteLineAsync();
                await session.Out.WriteLineAsync();
            }

            var (kind, item) = objects[i];
            var events = await EventSection.ReadAsync(session, kind, item, cancellationToken);
            await session.Out.WriteAsync(Render(item, events));
        }

        return exitCode;
    }

    /// <summary>Returns the describe text of <paramref name="item"/>, followed by <paramref name="events"/> when it is not null.</summary>
    internal static string Render(JsonObject item, string? events)
    {
        var builder = new StringBuilder();
        var metadata = item["metadata"] as JsonObject ?? [];

        AppendHeader(builder, "Name", (string?)metadata["name"]);
        AppendHeader(builder, "Namespace", (string?)metadata["namespace"]);
        AppendMap(builder, "Labels", metadata["labels"] as JsonObject, skipKey: null);
        AppendMap(builder, "Annotations", metadata["annotations"] as JsonObject, LastAppliedConfiguration.AnnotationKey);
        AppendHeader(builder, "API Version", (string?)item["apiVersion"]);
        AppendHeader(builder, "Kind", (string?)item["kind"]);

        var shownMetadata = new JsonObject();
        foreach (var key in MetadataFields)
        {
            if (metadata[key] is { } value)
            {
                shownMetadata[key] = value.DeepClone();
            }
        }

        builder.Append("Metadata:\n");
        DescribeWriter.WriteFields(builder, shownMetadata, 2);

        if (item["spec"] is JsonObject { Count: > 0 } spec)
        {
            builder.Append("Spec:\n");
            DescribeWriter.WriteFields(builder, spec, 2);
        }

        if (item["status"] is JsonObject { Count: > 0 } status)
        {
            builder.Append("Status:\n");
            var withoutConditions = (JsonObject)status.DeepClone();
            withoutConditions.Remove("conditions");
            DescribeWriter.WriteFields(builder, withoutConditions, 2);
            AppendConditions(builder, status["conditions"] as JsonArray);
        }

        builder.Append(events);
        return builder.ToString();
    }

    private static void AppendHeader(StringBuilder builder, string label, string? value)
    {
        builder.Append((label + ":").PadRight(HeaderWidth)).Append(string.IsNullOrEmpty(value) ? "<none>" : value).Append('\n');
    }

    private static void AppendMap(StringBuilder builder, string label, JsonObject? map, string? skipKey)
    {
        var entries = (map ?? [])
            .Where(p => p.Key != skipKey)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={DescribeWriter.Scalar(p.Value)}")
            .ToList();

        builder.Append((label + ":").PadRight(HeaderWidth)).Append(entries.Count == 0 ? "<none>" : entries[0]).Append('\n');
        foreach (var entry in entries.Skip(1))
        {
            builder.Append(' ', HeaderWidth).Append(entry).Append('\n');
        }
    }

    private static void AppendConditions(StringBuilder builder, JsonArray? conditions)
    {
        var rows = conditions?.OfType<JsonObject>().ToList() ?? [];
        if (rows.Count == 0)
        {
            return;
        }

        var lines = new List<IReadOnlyList<string>> { ConditionHeaders };
        lines.AddRange(rows.Select(c => (IReadOnlyList<string>)
        [
            DescribeWriter.Scalar(c["type"]),
            DescribeWriter.Scalar(c["status"]),
            DescribeWriter.Scalar(c["reason"]),
            DescribeWriter.Scalar(c["lastTransitionTime"]),
            DescribeWriter.Scalar(c["message"]),
        ]));

        builder.Append("  Conditions:\n");
        foreach (var line in TextTable.Format(lines).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append("    ").Append(line).Append('\n');
        }
    }
}
