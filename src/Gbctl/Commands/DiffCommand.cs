using System.CommandLine;
using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Apply;
using Gbctl.Cli;
using Gbctl.Diff;
using Gbctl.Output;
using Gbctl.Prune;

namespace Gbctl.Commands;

/// <summary>
/// <c>gbctl diff -f</c>: prints a unified diff of each live object against what apply would make of
/// it, computed by the server in a dry run, and with <c>--prune</c> the members of the apply set that apply would delete.
/// Exits 0 when nothing differs, 1 when something does, 2 on error.
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
        var prune = new PruneOptions();
        var command = new Command("diff", "Diff the live objects against what 'gbctl apply' would make of the manifests.");
        manifests.AddTo(command);
        prune.AddTo(command);

        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            (session, token) => RunAsync(session, result.GetValue(manifests.Filenames) ?? [], result.GetValue(manifests.Recursive), prune.Read(result), token),
            cancellationToken,
            Error));
        return command;
    }

    private static async Task<int> RunAsync(
        CommandSession session, IReadOnlyList<string> paths, bool recursive, PruneSettings prune, CancellationToken cancellationToken)
    {
        var set = await ManifestFiles.ReadAsync(paths, recursive, session.Context.In, cancellationToken, allowEmptyFolders: prune.Enabled);
        var failed = await ApplyCommand.ReportSyntaxErrorsAsync(session, set, "was compared") != 0;
        var differs = false;
        var applier = new ObjectApplier(session.Client, TextWriter.Null);
        var parent = prune.Enabled
            ? await ApplySetParent.LoadAsync(session.Client, session.Namespace, ApplySetName.Resolve(prune.ApplySetName, paths), cancellationToken)
            : null;
        var targets = new List<ManifestObject>();

        foreach (var manifest in set.Manifests)
        {
            try
            {
                var target = ManifestObject.From(manifest, session.Namespace, session.NamespaceExplicit);
                if (parent is not null)
                {
                    target = PrunePlan.Label(target, parent.Id);
                }

                targets.Add(target);
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

        if (parent is not null && await WritePrunesAsync(session, parent, targets, prune, cancellationToken))
        {
            differs = true;
        }

        return differs ? Differences : 0;
    }

    /// <summary>Prints each member that apply would prune as a diff to nothing; returns whether there was any.</summary>
    private static async Task<bool> WritePrunesAsync(
        CommandSession session, ApplySetParent parent, IReadOnlyList<ManifestObject> targets, PruneSettings prune, CancellationToken cancellationToken)
    {
        var plan = await PrunePlan.CreateAsync(parent, targets, prune, cancellationToken);
        foreach (var member in plan.Prunable)
        {
            var live = await session.Client.GetOrNullAsync(ResourcePaths.Item(member.Kind, member.Namespace, member.Name), cancellationToken);
            if (live is null)
            {
                continue;
            }

            var label = $"{GbOperator.Resources.ApiGroup.Name}.{GbOperator.Resources.ApiGroup.Version}.{member.Kind.Kind}.{member.Namespace}.{member.Name}";
            await session.Out.WriteLineAsync($"diff -u -N live/{label} merged/{label}");
            await session.Out.WriteAsync(UnifiedDiff.Create(YamlWriter.Write(Comparable(live)), string.Empty, $"live/{label}", $"merged/{label}"));
        }

        if (!plan.Decision.Allowed)
        {
            await session.Error.WriteLineAsync($"warning: apply --prune would reject this prune: {plan.Decision.Reason}.");
        }

        return plan.Prunable.Count > 0;
    }

    /// <summary>Returns a copy without <c>metadata.managedFields</c>, which changes on every write and would only add noise.</summary>
    private static JsonObject Comparable(JsonObject item)
    {
        var copy = (JsonObject)item.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }
}
