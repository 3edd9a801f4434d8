using System.CommandLine;
using System.Text.Json.Nodes;
using Gbctl.Apply;
using Gbctl.Cli;
using Gbctl.Diff;
using Gbctl.Output;

namespace Gbctl.Commands;

/// <summary>
/// <c>gbctl diff -f</c>: prints a unified diff of each live object against what apply would make of
/// it, computed by the server in a dry run. Exits 0 when nothing differs, 1 when something does, 2 on error.
/// </summary>
internal static class DiffCommand
{
    /// <summary>Exit code when at least one object would change.</summary>
    public const int Differences = 1;

    /// <summary>Exit code when the diff could not be computed.</summary>
    public const int Error = 2;

    public static Command Create(GlobalOptions options, CliContext context)
    {
        var manifests = new ManifestOptions();
        var command = new Command("diff", "Diff the live objects against what 'gbctl apply' would make of the manifests.");
        manifests.AddTo(command);

        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            (session, token) => RunAsync(session, result.GetValue(manifests.Filenames) ?? [], result.GetValue(manifests.Recursive), token),
            cancellationToken,
            Error));
        return command;
    }

    private static async Task<int> RunAsync(CommandSession session, IReadOnlyList<string> paths, bool recursive, CancellationToken cancellationToken)
    {
        var set = await ManifestFiles.ReadAsync(paths, recursive, session.Context.In, cancellationToken);
        var failed = await ApplyCommand.ReportSyntaxErrorsAsync(session, set, "was compared") != 0;
        var differs = false;
        var applier = new ObjectApplier(session.Client, TextWriter.Null);

        foreach (var manifest in set.Manifests)
        {
            try
            {
                var target = ManifestObject.From(manifest, session.Namespace, session.NamespaceExplicit);
                var outcome = await applier.ApplyAsync(target, dryRun: true, cancellationToken);

                var label = $"{GbOperator.Resources.ApiGroup.Name}.{GbOperator.Resources.ApiGroup.Version}.{target.Kind.Kind}.{target.Namespace}.{target.Name}";
                var live = outcome.Live is null ? string.Empty : YamlWriter.Write(Comparable(outcome.Live));
                var merged = YamlWriter.Write(Comparable(outcome.Result));
                var diff = UnifiedDiff.Create(live, merged, $"live/{label}", $"merged/{label}");
                if (diff.Length > 0)
                {
                    differs = true;
                    await session.Out.WriteLineAsync($"diff -u -N live/{label} merged/{label}");
                    await session.Out.WriteAsync(diff);
                }
            }
            catch (CliException e)
            {
                await session.Error.WriteLineAsync($"error: {e.Message}");
                failed = true;
            }
            catch (ApplyException e)
            {
                await ErrorReporter.WriteAsync(session.Error, e.ServerError, e.Operation == "creating" ? "creating (dry run)" : "patching (dry run)", manifest.Source);
                failed = true;
            }
        }

        if (failed)
        {
            return Error;
        }

        return differs ? Differences : 0;
    }

    /// <summary>Returns a copy without <c>metadata.managedFields</c>, which changes on every write and would only add noise.</summary>
    private static JsonObject Comparable(JsonObject item)
    {
        var copy = (JsonObject)item.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }
}
