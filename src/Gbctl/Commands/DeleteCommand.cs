using System.CommandLine;
using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Apply;
using Gbctl.Cli;
using Gbctl.Output;
using GbOperator.Resources;

namespace Gbctl.Commands;

/// <summary><c>gbctl delete</c>: deletes objects named on the command line, selected by label, or described by manifests.</summary>
internal static class DeleteCommand
{
    private static readonly JsonObject BackgroundDeletion = new()
    {
        ["kind"] = "DeleteOptions",
        ["apiVersion"] = "v1",
        ["propagationPolicy"] = "Background",
    };

    public static Command Create(GlobalOptions options, CliContext context)
    {
        var resources = new Argument<string[]>("resources")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Resource type and names: 'bc web api' or 'bc/web'. Leave out with -f.",
        };
        var manifests = new ManifestOptions();
        var selector = new Option<string?>("--selector", "-l") { Description = "Delete the objects of the type whose labels match, such as 'tier=web'." };
        var all = new Option<bool>("--all") { Description = "Delete every object of the type in the namespace." };
        var ignoreNotFound = new Option<bool>("--ignore-not-found") { Description = "Treat a missing object as deleted instead of an error." };
        var wait = new Option<bool>("--wait")
        {
            Description = "Wait until objects held by finalizers are gone. Default: true.",
            DefaultValueFactory = _ => true,
        };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "Longest wait for finalizers, such as 30s or 00:02:00; 0 waits without limit. Default: 60s.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(60),
            CustomParser = r => DurationParser.Parse(r.Tokens.Single().Value),
        };

        var command = new Command("delete", "Delete resources by name, by label selector, or as described in manifests.")
        {
            resources, selector, all, ignoreNotFound, wait, timeout,
        };
        manifests.AddTo(command);

        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            (session, token) =>
            {
                var request = new DeleteRequest(
                    result.GetValue(resources) ?? [],
                    result.GetValue(manifests.Filenames) ?? [],
                    result.GetValue(manifests.Recursive),
                    result.GetValue(selector),
                    result.GetValue(all),
                    result.GetValue(ignoreNotFound),
                    result.GetValue(wait),
                    result.GetValue(timeout));
                return RunAsync(session, request, token);
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandSession session, DeleteRequest request, CancellationToken cancellationToken)
    {
        var targets = await CollectTargetsAsync(session, request, cancellationToken);
        var exitCode = targets.ExitCode;

        foreach (var target in targets.Objects)
        {
            if (!await DeleteOneAsync(session, request, target, cancellationToken))
            {
                exitCode = CommandRunner.Failure;
            }
        }

        if (targets.Objects.Count == 0 && targets.ExitCode == 0 && request.Paths.Count == 0)
        {
            await session.Error.WriteLineAsync($"No resources found in {session.Namespace} namespace.");
        }

        return exitCode;
    }

    private static async Task<(List<DeleteTarget> Objects, int ExitCode)> CollectTargetsAsync(
        CommandSession session,
        DeleteRequest request,
        CancellationToken cancellationToken)
    {
        var targets = new List<DeleteTarget>();

        if (request.Paths.Count > 0)
        {
            if (request.Resources.Count > 0)
            {
                throw new CliException("pass either -f or resource names, not both.");
            }

            var set = await ManifestFiles.ReadAsync(request.Paths, request.Recursive, session.Context.In, cancellationToken);
            var exitCode = await ApplyCommand.ReportSyntaxErrorsAsync(session, set, "was deleted");
            foreach (var manifest in set.Manifests)
            {
                try
                {
                    var item = ManifestObject.From(manifest, session.Namespace, session.NamespaceExplicit);
                    targets.Add(new DeleteTarget(item.Kind, item.Namespace, item.Name, item.Source));
                }
                catch (CliException e)
                {
                    await session.Error.WriteLineAsync($"error: {e.Message}");
                    exitCode = CommandRunner.Failure;
                }
            }

            return (targets, exitCode);
        }

        var requests = ResourceArguments.Parse(request.Resources, "delete");
        var selects = request.All || request.Selector is not null;
        foreach (var resource in requests)
        {
            if (resource.Names.Count > 0 && selects)
            {
                throw new CliException("names cannot be combined with --all or -l: pass either names or a selector.");
            }

            if (resource.Names.Count == 0 && !selects)
            {
                throw new CliException(
                    $"resource(s) were provided, but no name was specified: use 'gbctl delete {(resource.Kind.ShortNames.Count > 0 ? resource.Kind.ShortNames[0] : resource.Kind.Plural)} NAME', -l SELECTOR or --all.");
            }

            targets.AddRange(resource.Names.Select(n => new DeleteTarget(resource.Kind, session.Namespace, n, null)));
            if (selects)
            {
                var path = ResourcePaths.WithQuery(ResourcePaths.Collection(resource.Kind, session.Namespace), ("labelSelector", request.Selector));
                var list = await session.Client.GetAsync(path, cancellationToken);
                targets.AddRange(GetCommand.ListItems(list).Select(i => new DeleteTarget(resource.Kind, session.Namespace, ObjectNames.NameOf(i), null)));
            }
        }

        return (targets, 0);
    }

    /// <summary>Deletes one object and prints the outcome. Returns false when the delete failed.</summary>
    private static async Task<bool> DeleteOneAsync(CommandSession session, DeleteRequest request, DeleteTarget target, CancellationToken cancellationToken)
    {
        var path = ResourcePaths.Item(target.Kind, target.Namespace, target.Name);
        JsonObject response;
        try
        {
            response = await session.Client.SendAsync(HttpMethod.Delete, path, BackgroundDeletion, MediaTypes.Json, MediaTypes.Json, cancellationToken);
        }
        catch (ApiException e) when (e.IsNotFound && request.IgnoreNotFound)
        {
            return true;
        }
        catch (ApiException e)
        {
            if (target.Source is null)
            {
                await session.Error.WriteLineAsync(e.Describe());
            }
            else
            {
                await ErrorReporter.WriteAsync(session.Error, e, "deleting", target.Source);
            }

            return false;
        }

        await session.Out.WriteLineAsync($"{ObjectNames.Quoted(target.Kind, target.Name)} deleted");

        var pendingFinalizers = (string?)response["kind"] != "Status" && response["metadata"]?["deletionTimestamp"] is not null;
        if (pendingFinalizers && request.Wait)
        {
            await DeletionWaiter.WaitAsync(session, target.Kind, target.Namespace, target.Name, response, request.Timeout, cancellationToken);
        }

        return true;
    }

    private sealed record DeleteTarget(ResourceKind Kind, string Namespace, string Name, string? Source);

    private sealed record DeleteRequest(
        IReadOnlyList<string> Resources,
        IReadOnlyList<string> Paths,
        bool Recursive,
        string? Selector,
        bool All,
        bool IgnoreNotFound,
        bool Wait,
        TimeSpan Timeout);
}
