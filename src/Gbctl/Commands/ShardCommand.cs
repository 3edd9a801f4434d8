using System.CommandLine;
using Gbctl.Api;
using Gbctl.Apply;
using Gbctl.Cli;
using Gbctl.Output;
using GbOperator.Resources;
using GbOperator.Resources.ShardMaps;

namespace Gbctl.Commands;

/// <summary><c>gbctl shard resolve|plan</c>: looks up the shard of a key and shows what a ShardMap change moves.</summary>
internal static class ShardCommand
{
    private static readonly string[] ResolutionHeader = ["SHARD", "ENDPOINT", "DATABASE"];

    public static Command Create(GlobalOptions options, CliContext context)
    {
        var command = new Command("shard", "Resolve keys against a ShardMap and show its rebalancing plan.");
        command.Subcommands.Add(CreateResolve(options, context));
        command.Subcommands.Add(CreatePlan(options, context));
        return command;
    }

    private static Command CreateResolve(GlobalOptions options, CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Name of the ShardMap." };
        var key = new Argument<string>("key") { Description = "Tenant name or shard-key value, such as acme or 12345." };
        var region = new Option<string?>("--region") { Description = "Region code of the user, for the geo strategy, such as eu." };
        var command = new Command("resolve", "Print the shard, endpoint and database that store KEY.") { name, key, region };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            (session, token) => ResolveAsync(session, result.GetValue(name)!, result.GetValue(key)!, result.GetValue(region), token),
            cancellationToken));
        return command;
    }

    private static Command CreatePlan(GlobalOptions options, CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Name of the ShardMap." };
        var file = new Option<string?>("--filename", "-f")
        {
            Description = "Manifest with the new version of the ShardMap; the plan then compares the server's spec with it. Without it, the plan of the last applied change is shown.",
        };
        var command = new Command("plan", "Show which tenants, hash keys, ranges and regions move between shards.") { name, file };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            (session, token) => PlanAsync(session, result.GetValue(name)!, result.GetValue(file), token),
            cancellationToken));
        return command;
    }

    private static async Task<int> ResolveAsync(CommandSession session, string name, string key, string? region, CancellationToken cancellationToken)
    {
        var path = ResourcePaths.WithQuery(
            ResourcePaths.Subresource(ResourceCatalog.ShardMaps, session.Namespace, name, "resolve"), ("key", key), ("region", region));
        var resolution = await session.Client.GetAsync(path, cancellationToken);
        var rows = new List<IReadOnlyList<string>>
        {
            ResolutionHeader,
            new[] { Text(resolution, "shard"), Text(resolution, "endpoint"), Text(resolution, "database") is { Length: > 0 } database ? database : "<none>" },
        };
        await session.Out.WriteAsync(TextTable.Format(rows));
        return 0;
    }

    private static async Task<int> PlanAsync(CommandSession session, string name, string? file, CancellationToken cancellationToken)
    {
        var live = await session.Client.GetAsync(ResourcePaths.Item(ResourceCatalog.ShardMaps, session.Namespace, name), cancellationToken);
        var current = Decode(live, $"shardmap \"{name}\" on the server");
        RebalancingPlan? plan;
        if (file is null)
        {
            plan = current.Status?.Rebalancing;
            if (plan is null)
            {
                await session.Out.WriteLineAsync($"shardmap \"{name}\" has no rebalancing plan yet: the controller writes one when the spec changes.");
                return 0;
            }
        }
        else
        {
            var desired = await ReadDesiredAsync(session, name, file, cancellationToken);
            plan = RebalancingPlanner.Plan(current.Spec, desired.Spec);
        }

        await session.Out.WriteAsync(ShardPlanPrinter.Format(plan));
        return 0;
    }

    /// <summary>Reads the ShardMap named <paramref name="name"/> from <paramref name="file"/> and checks that it is valid.</summary>
    private static async Task<ShardMap> ReadDesiredAsync(CommandSession session, string name, string file, CancellationToken cancellationToken)
    {
        var set = await ManifestFiles.ReadAsync([file], recursive: false, session.Context.In, cancellationToken);
        if (set.SyntaxErrors.Count > 0)
        {
            throw new CliException(set.SyntaxErrors[0].Message);
        }

        var manifest = set.Manifests.FirstOrDefault(candidate => candidate.Object["kind"]?.GetValue<string>() == ShardMap.KindName
                && candidate.Object["metadata"]?["name"]?.GetValue<string>() == name)
            ?? throw new CliException($"{file} contains no ShardMap named \"{name}\"; give the file with the new version of that ShardMap.");
        var desired = Decode(manifest.Object, $"shardmap \"{name}\" in {file}");
        var violations = ResourceValidator.Validate(desired);
        if (violations.Count > 0)
        {
            throw new CliException($"shardmap \"{name}\" in {file} is invalid: {string.Join("; ", violations)}");
        }

        return desired;
    }

    private static ShardMap Decode(System.Text.Json.Nodes.JsonObject json, string source)
    {
        var decoded = ResourceCodec.Decode(json.DeepClone().AsObject());
        return decoded.Resource as ShardMap
            ?? throw new CliException($"{source} cannot be read: {string.Join("; ", decoded.Violations)}");
    }

    private static string Text(System.Text.Json.Nodes.JsonObject json, string field) => json[field]?.GetValue<string>() ?? "";
}
