using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Cli;
using Gbctl.Output;

namespace Gbctl.Commands;

/// <summary>
/// <c>gbctl get -w</c>: lists one kind, then prints each change the server streams until the stream
/// ends or the command is interrupted.
/// </summary>
internal static class GetWatch
{
    public static async Task<int> RunAsync(CommandSession session, GetRequest request, CancellationToken cancellationToken)
    {
        var resource = request.Resources[0];
        if (resource.Names.Count > 1)
        {
            throw new CliException("you may only watch one object by name: use 'gbctl get bc NAME -w' or drop the names.");
        }

        var tableOutput = request.Format is OutputFormat.Table or OutputFormat.Wide;
        var accept = tableOutput ? MediaTypes.TableOrJson : MediaTypes.Json;
        var fieldSelector = resource.Names.Count == 1 ? $"metadata.name={resource.Names[0]}" : null;
        var @namespace = request.AllNamespaces ? null : session.Namespace;
        var printer = new WatchPrinter(session, request, resource.Kind);

        var listPath = ResourcePaths.WithQuery(
            ResourcePaths.Collection(resource.Kind, @namespace),
            ("labelSelector", request.Selector),
            ("fieldSelector", fieldSelector));
        var list = await session.Client.GetAsync(listPath, cancellationToken, accept);
        await printer.PrintAsync(list);

        var watchPath = ResourcePaths.WithQuery(
            ResourcePaths.Collection(resource.Kind, @namespace),
            ("watch", "true"),
            ("resourceVersion", (string?)list["metadata"]?["resourceVersion"]),
            ("labelSelector", request.Selector),
            ("fieldSelector", fieldSelector));

        try
        {
            await foreach (var watchEvent in session.Client.WatchAsync(watchPath, accept, cancellationToken))
            {
                if ((string?)watchEvent["type"] == "BOOKMARK" || watchEvent["object"] is not JsonObject changed)
                {
                    continue;
                }

                await printer.PrintAsync(changed);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interruption is the normal end of a watch.
        }

        return 0;
    }

    /// <summary>Prints the initial list and each changed object in the requested format, remembering the table columns.</summary>
    private sealed class WatchPrinter(CommandSession session, GetRequest request, GbOperator.Resources.ResourceKind kind)
    {
        private IReadOnlyList<TableColumn>? _columns;
        private bool _headerPrinted;
        private int[] _widths = [];

        public async Task PrintAsync(JsonObject response)
        {
            if (request.Format is OutputFormat.Table or OutputFormat.Wide)
            {
                await PrintRowsAsync(response);
                return;
            }

            foreach (var item in GetCommand.ListItems(response))
            {
                var text = request.Format switch
                {
                    OutputFormat.Name => ObjectNames.Slashed(kind, ObjectNames.NameOf(item)) + "\n",
                    OutputFormat.Yaml => "---\n" + YamlWriter.Write(item),
                    _ => JsonOutput.Write(item),
                };
                await session.Out.WriteAsync(text);
            }

            await session.Out.FlushAsync();
        }

        private async Task PrintRowsAsync(JsonObject response)
        {
            var table = ResourceTable.IsTable(response)
                ? ResourceTable.FromServerTable(response, _columns)
                : ResourceTable.FromObjects(kind, GetCommand.ListItems(response), DateTimeOffset.UtcNow);
            _columns = table.Columns;
            if (table.Rows.Count == 0)
            {
                return;
            }

            var headers = request.Headers && !_headerPrinted;
            var cells = TablePrinter.Cells(table, request.Format == OutputFormat.Wide, request.AllNamespaces, headers);

            // Each change is printed on its own, so rows keep at least the widths of the lines above them.
            var widths = TextTable.Widths(cells);
            for (var i = 0; i < Math.Min(widths.Length, _widths.Length); i++)
            {
                widths[i] = Math.Max(widths[i], _widths[i]);
            }

            _widths = widths;
            await session.Out.WriteAsync(TextTable.Format(cells, widths));
            await session.Out.FlushAsync();
            _headerPrinted |= headers;
        }
    }
}
