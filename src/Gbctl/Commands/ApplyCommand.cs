using System.CommandLine;
using Gbctl.Apply;
using Gbctl.Cli;

namespace Gbctl.Commands;

/// <summary><c>gbctl apply -f</c>: creates or updates objects so they match the manifests (client-side apply).</summary>
internal static class ApplyCommand
{
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var manifests = new ManifestOptions();
        var dryRun = new Option<string?>("--dry-run")
        {
            Description = "'server' to have the server validate and default the objects without storing them; 'none' (the default) to apply.",
        };

        var command = new Command("apply", "Apply a configuration to resources from files, folders or standard input.");
        manifests.AddTo(command);
        command.Options.Add(dryRun);

        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            (session, token) => RunAsync(
                session,
                result.GetValue(manifests.Filenames) ?? [],
                result.GetValue(manifests.Recursive),
                ParseDryRun(result.GetValue(dryRun)),
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

    private static async Task<int> RunAsync(
        CommandSession session,
        IReadOnlyList<string> paths,
        bool recursive,
        bool dryRun,
        CancellationToken cancellationToken)
    {
        var set = await ManifestFiles.ReadAsync(paths, recursive, session.Context.In, cancellationToken);
        var exitCode = await ReportSyntaxErrorsAsync(session, set, "was applied");

        if (set.Manifests.Count == 0 && set.SyntaxErrors.Count == 0)
        {
            throw new CliException("no objects passed to apply: the manifests contain no documents.");
        }

        var applier = new ObjectApplier(session.Client, session.Error);
        foreach (var manifest in set.Manifests)
        {
            ManifestObject target;
            try
            {
                target = ManifestObject.From(manifest, session.Namespace, session.NamespaceExplicit);
            }
            catch (CliException e)
            {
                await session.Error.WriteLineAsync($"error: {e.Message}");
                exitCode = CommandRunner.Failure;
                continue;
            }

            try
            {
                var outcome = await applier.ApplyAsync(target, dryRun, cancellationToken);
                await session.Out.WriteLineAsync(ObjectApplier.Describe(target, outcome.Action, dryRun));
            }
            catch (ApplyException e)
            {
                await ErrorReporter.WriteAsync(session.Error, e.ServerError, e.Operation, target.Source);
                exitCode = CommandRunner.Failure;
            }
        }

        return exitCode;
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
