using System.CommandLine;
using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Cli;
using Gbctl.Output;

namespace Gbctl.Commands;

/// <summary><c>gbctl get</c>: prints objects as a table, YAML, JSON or names, and optionally watches them.</summary>
internal static class GetCommand
{
    /// <summary>Page size of list requests, the same as kubectl's.</summary>
    private const int PageSize = 500;

    public static Command Create(GlobalOptions options, CliContext context)
    {
        var resources = new Argument<string[]>("resources")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Resource type and optional names: 'bc', 'bc web api', 'bc/web' or 'bc,sm'.",
        };
        var output = new Option<string?>("--output", "-o") { Description = $"Output format: {OutputFormats.Accepted}. Default: a table." };
        var allNamespaces = new Option<bool>("--all-namespaces", "-A") { Description = "List objects in every namespace." };
        var selector = new Option<string?>("--selector", "-l") { Description = "Label selector such as 'tier=web,env!=dev'." };
        var watch = new Option<bool>("--watch", "-w") { Description = "After listing, print every change until interrupted." };
        var noHeaders = new Option<bool>("--no-headers") { Description = "Leave out the header line of table output." };
        var fieldSelector = new Option<string?>("--field-selector") { Description = "Field selector of events, such as 'type=Warning,involvedObject.name=web'." };
        var showManagedFields = new Option<bool>("--show-managed-fields") { Description = "Keep metadata.managedFields in yaml and json output; left out by default, as kubectl does." };

        var command = new Command("get", "Display one or many resources.")
        {
            resources, output, allNamespaces, selector, watch, noHeaders, fieldSelector, showManagedFields,
        };

        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            (session, token) =>
            {
                var types = result.GetValue(resources) ?? [];
                if (types.Length == 1 && EventListing.IsEventType(types[0]))
                {
                    return EventListing.RunAsync(
                        session, result.GetValue(allNamespaces), result.GetValue(fieldSelector), OutputFormats.Parse(result.GetValue(output)), !result.GetValue(noHeaders), token);
                }

                if (result.GetValue(fieldSelector) is { Length: > 0 })
                {
                    throw new CliException("--field-selector is supported only for events, such as 'gbctl get events --field-selector type=Warning'; use -l to select other objects by label.");
                }

                var request = new GetRequest(
                    ResourceArguments.Parse(result.GetValue(resources) ?? [], "get"),
                    OutputFormats.Parse(result.GetValue(output)),
                    result.GetValue(allNamespaces),
                    result.GetValue(selector),
                    result.GetValue(watch),
                    !result.GetValue(noHeaders),
                    result.GetValue(showManagedFields));
                return RunAsync(session, request, token);
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandSession session, GetRequest request, CancellationToken cancellationToken)
    {
        if (request.AllNamespaces && request.Resources.Any(r => r.Names.Count > 0))
        {
            throw new CliException("a resource cannot be retrieved by name across all namespaces: drop -A or the names.");
        }

        if (request.Watch)
        {
            if (request.Resources.Count != 1)
            {
                throw new CliException("you may only watch one resource type at a time: use for example 'gbctl get bc -w'.");
            }

            return await GetWatch.RunAsync(session, request, cancellationToken);
        }

        return request.Format is OutputFormat.Table or OutputFormat.Wide
            ? await PrintTablesAsync(session, request, cancellationToken)
            : await PrintObjectsAsync(session, request, cancellationToken);
    }

    private static async Task<int> PrintTablesAsync(CommandSession session, GetRequest request, CancellationToken cancellationToken)
    {
        var exitCode = 0;
        var printedTables = 0;
        var qualify = request.Resources.Count > 1;

        foreach (var resource in request.Resources)
        {
            var (table, failed) = await FetchTableAsync(session, request, resource, cancellationToken);
            exitCode = failed ? CommandRunner.Failure : exitCode;
            if (table.Rows.Count == 0)
            {
                continue;
            }

            if (printedTables > 0)
            {
                await session.Out.WriteLineAsync();
            }

            var printed = qualify ? table.WithQualifiedNames(resource.Kind) : table;
            await session.Out.WriteAsync(TablePrinter.Render(printed, request.Format == OutputFormat.Wide, request.AllNamespaces, request.Headers));
            printedTables++;
        }

        if (printedTables == 0 && request.Resources.All(r => r.Names.Count == 0))
        {
            await session.Error.WriteLineAsync(
                request.AllNamespaces ? "No resources found" : $"No resources found in {session.Namespace} namespace.");
        }

        return exitCode;
    }

    /// <summary>Fetches one kind as a table. A missing named object is reported and marks the result failed.</summary>
    internal static async Task<(ResourceTable Table, bool Failed)> FetchTableAsync(
        CommandSession session,
        GetRequest request,
        ResourceRequest resource,
        CancellationToken cancellationToken)
    {
        var @namespace = request.AllNamespaces ? null : session.Namespace;
        var responses = new List<JsonObject>();
        var failed = false;

        if (resource.Names.Count == 0)
        {
            responses.AddRange(await ListPagesAsync(session, request, resource, @namespace, MediaTypes.TableOrJson, cancellationToken));
        }
        else
        {
            foreach (var name in resource.Names)
            {
                try
                {
                    var path = ResourcePaths.Item(resource.Kind, session.Namespace, name);
                    responses.Add(await session.Client.GetAsync(path, cancellationToken, MediaTypes.TableOrJson));
                }
                catch (ApiException e) when (e.IsNotFound)
                {
                    await session.Error.WriteLineAsync(e.Describe());
                    failed = true;
                }
            }
        }

        return (MergeTables(resource.Kind, responses), failed);
    }

    private static async Task<int> PrintObjectsAsync(CommandSession session, GetRequest request, CancellationToken cancellationToken)
    {
        var items = new List<(GbOperator.Resources.ResourceKind, JsonObject)>();
        var exitCode = 0;
        var @namespace = request.AllNamespaces ? null : session.Namespace;

        foreach (var resource in request.Resources)
        {
            if (resource.Names.Count == 0)
            {
                var pages = await ListPagesAsync(session, request, resource, @namespace, MediaTypes.Json, cancellationToken);
                items.AddRange(pages.SelectMany(ListItems).Select(i => (resource.Kind, i)));
                continue;
            }

            foreach (var name in resource.Names)
            {
                try
                {
                    var item = await session.Client.GetAsync(ResourcePaths.Item(resource.Kind, session.Namespace, name), cancellationToken);
                    items.Add((resource.Kind, item));
                }
                catch (ApiException e) when (e.IsNotFound)
                {
                    await session.Error.WriteLineAsync(e.Describe());
                    exitCode = CommandRunner.Failure;
                }
            }
        }

        var single = request.Resources.Count == 1 && request.Resources[0].Names.Count == 1;
        if (items.Count > 0 || !single)
        {
            var printed = request.ShowManagedFields ? items : items.Select(item => (item.Item1, WithoutManagedFields(item.Item2))).ToList();
            await session.Out.WriteAsync(ObjectPrinter.Print(printed, request.Format, single));
        }

        return exitCode;
    }

    /// <summary>Lists a kind page by page, following <c>metadata.continue</c>.</summary>
    internal static async Task<List<JsonObject>> ListPagesAsync(
        CommandSession session,
        GetRequest request,
        ResourceRequest resource,
        string? @namespace,
        string accept,
        CancellationToken cancellationToken)
    {
        var pages = new List<JsonObject>();
        string? continueToken = null;
        do
        {
            var path = ResourcePaths.WithQuery(
                ResourcePaths.Collection(resource.Kind, @namespace),
                ("labelSelector", request.Selector),
                ("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("continue", continueToken));
            var page = await session.Client.GetAsync(path, cancellationToken, accept);
            pages.Add(page);
            continueToken = (string?)page["metadata"]?["continue"];
        }
        while (!string.IsNullOrEmpty(continueToken));

        return pages;
    }

    /// <summary>Returns a copy of <paramref name="item"/> without <c>metadata.managedFields</c>.</summary>
    private static JsonObject WithoutManagedFields(JsonObject item)
    {
        var copy = item.DeepClone().AsObject();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    /// <summary>Returns the items of a list response, or the response itself when it is a single object.</summary>
    internal static IEnumerable<JsonObject> ListItems(JsonObject response) =>
        response["items"] is JsonArray items ? items.OfType<JsonObject>() : [response];

    private static ResourceTable MergeTables(GbOperator.Resources.ResourceKind kind, IReadOnlyList<JsonObject> responses)
    {
        IReadOnlyList<TableColumn>? columns = null;
        var rows = new List<TableRow>();
        var plain = new List<JsonObject>();

        foreach (var response in responses)
        {
            if (ResourceTable.IsTable(response))
            {
                var table = ResourceTable.FromServerTable(response, columns);
                columns = table.Columns;
                rows.AddRange(table.Rows);
            }
            else
            {
                plain.AddRange(ListItems(response));
            }
        }

        if (plain.Count > 0)
        {
            var fallback = ResourceTable.FromObjects(kind, plain, DateTimeOffset.UtcNow);
            columns ??= fallback.Columns;
            rows.AddRange(fallback.Rows);
        }

        return new ResourceTable(columns ?? [], rows);
    }
}

/// <summary>The parsed arguments of one <c>gbctl get</c>.</summary>
internal sealed record GetRequest(
    IReadOnlyList<ResourceRequest> Resources,
    OutputFormat Format,
    bool AllNamespaces,
    string? Selector,
    bool Watch,
    bool Headers,
    bool ShowManagedFields = false);
