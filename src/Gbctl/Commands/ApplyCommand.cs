using System.CommandLine;
using Gbctl.Api;
using Gbctl.Apply;
using Gbctl.Cli;
using Gbctl.Prune;

namespace Gbctl.Commands;

/// <summary>
/// <c>gbctl apply -f</c>: creates or updates objects so they match the manifests, by client-side apply or with
/// <c>--server-side</c> by server-side apply, and with <c>--prune</c> deletes the members of the apply set that left the source.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var manifests = new ManifestOptions();
        var dryRun = new Option<string?>("--dry-run")
        {
            Description = "'server' to have the server validate and default the objects without storing them; 'none' (the default) to apply.",
        };

        var prune = new PruneOptions();
        var serverSide = new Option<bool>("--server-side")
        {
            Description = "Apply on the server: it merges each manifest and records the field manager as the owner of the manifest's fields.",
        };
        var fieldManager = new Option<string>("--field-manager")
        {
            Description = "Field manager name of --server-side.",
            DefaultValueFactory = _ => ServerSideApplier.DefaultFieldManager,
        };
        var forceConflicts = new Option<bool>("--force-conflicts")
        {
            Description = "With --server-side, take ownership of fields that other field managers own instead of failing with a conflict.",
        };

        var command = new Command("apply", "Apply a configuration to resources from files, folders or standard input.");
        manifests.AddTo(command);
        command.Options.Add(dryRun);
        prune.AddTo(command);
        command.Options.Add(serverSide);
        command.Options.Add(fieldManager);
        command.Options.Add(forceConflicts);

        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            (session, token) => RunAsync(
                session,
                result.GetValue(manifests.Filenames) ?? [],
                result.GetValue(manifests.Recursive),
                ParseDryRun(result.GetValue(dryRun)),
                prune.Read(result),
                ReadServerSide(result.GetValue(serverSide), result.GetValue(fieldManager), result.GetValue(forceConflicts), session.Client),
                token),
            cancellationToken));
        return command;
    }

    /// <summary>Returns whether <c>--dry-run</c> requests a server dry run.</summary>
    /// <exception cref="CliException">The value is neither <c>none</c> nor <c>server</c>.</exception>
    internal static bool ParseDryRun(string? value) => value switch
    {
        null or "none" => false,
        "server" => true,
        "client" => throw new CliException("--dry-run=client is not supported: use --dry-run=server, which validates on the server without storing."),
        _ => throw new CliException($"invalid --dry-run value \"{value}\": use none or server."),
    };

    /// <summary>Returns the server-side applier of <c>--server-side</c>, or <c>null</c> for client-side apply.</summary>
    /// <exception cref="CliException"><c>--force-conflicts</c> was given without <c>--server-side</c>, or the field manager is empty.</exception>
    private static ServerSideApplier? ReadServerSide(bool serverSide, string? fieldManager, bool forceConflicts, ApiClient client)
    {
        if (!serverSide)
        {
            return forceConflicts
                ? throw new CliException("--force-conflicts only applies with --server-side; add --server-side.")
                : null;
        }

        if (string.IsNullOrWhiteSpace(fieldManager))
        {
            throw new CliException("--field-manager must not be empty: give a name such as gbctl.");
        }

        return new ServerSideApplier(client, fieldManager, forceConflicts);
    }

    private static async Task<int> RunAsync(
        CommandSession session,
        IReadOnlyList<string> paths,
        bool recursive,
        bool dryRun,
        PruneSettings prune,
        ServerSideApplier? serverSide,
        CancellationToken cancellationToken)
    {
        var set = await ManifestFiles.ReadAsync(paths, recursive, session.Context.In, cancellationToken, allowEmptyFolders: prune.Enabled);
        var exitCode = await ReportSyntaxErrorsAsync(session, set, "was applied");

        if (set.Manifests.Count == 0 && set.SyntaxErrors.Count == 0 && !prune.Enabled)
        {
            throw new CliException("no objects passed to apply: the manifests contain no documents.");
        }

        var targets = new List<ManifestObject>();
        foreach (var manifest in set.Manifests)
        {
            try
            {
                targets.Add(ManifestObject.From(manifest, session.Namespace, session.NamespaceExplicit));
            }
            catch (CliException e)
            {
                await session.Error.WriteLineAsync($"error: {e.Message}");
                exitCode = CommandRunner.Failure;
            }
        }

        ApplySetParent? parent = null;
        if (prune.Enabled)
        {
            parent = await ApplySetParent.LoadAsync(session.Client, session.Namespace, ApplySetName.Resolve(prune.ApplySetName, paths), cancellationToken);
            if (!dryRun)
            {
                // The parent lists the new kinds and namespaces before any member carries the label, so a failed apply leaves no member unlisted.
                await parent.RecordAsync(parent.Kinds.Concat(targets.Select(target => target.Kind)), parent.Namespaces.Concat(targets.Select(target => target.Namespace)), cancellationToken);
            }

            targets = targets.Select(target => PrunePlan.Label(target, parent.Id)).ToList();
        }

        var applier = new ObjectApplier(session.Client, session.Error);
        foreach (var target in targets)
        {
            try
            {
                if (serverSide is null)
                {
                    var outcome = await applier.ApplyAsync(target, dryRun, cancellationToken);
                    await session.Out.WriteLineAsync(ObjectApplier.Describe(target, outcome.Action, dryRun));
                }
                else
                {
                    await serverSide.ApplyAsync(target, dryRun, cancellationToken);
                    await session.Out.WriteLineAsync(ServerSideApplier.Describe(target, dryRun));
                }
            }
            catch (ApplyException e)
            {
                await ErrorReporter.WriteAsync(session.Error, e.ServerError, e.Operation, target.Source);
                exitCode = CommandRunner.Failure;
            }
        }

        if (parent is null)
        {
            return exitCode;
        }

        if (exitCode != 0)
        {
            await session.Error.WriteLineAsync("error: prune skipped because some manifests failed; fix them and apply again to prune.");
            return exitCode;
        }

        return await PruneCommand.PruneAsync(session, parent, targets, prune, dryRun, cancellationToken);
    }

    /// <summary>Prints one error per file that failed to parse and returns 1 when there was any.</summary>
    /// <param name="consequence">Completes "nothing from FILE …", such as <c>was applied</c>.</param>
    internal static async Task<int> ReportSyntaxErrorsAsync(CommandSession session, ManifestSet set, string consequence)
    {
        foreach (var error in set.SyntaxErrors)
        {
            await session.Error.WriteLineAsync($"error: {error.Message} (nothing from {error.SourceName} {consequence})");
        }

        return set.SyntaxErrors.Count > 0 ? CommandRunner.Failure : 0;
    }
}
