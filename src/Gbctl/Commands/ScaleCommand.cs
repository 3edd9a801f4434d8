using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json.Nodes;
using Gbctl.Api;
using Gbctl.Cli;
using Gbctl.Output;
using GbOperator.Resources;

namespace Gbctl.Commands;

/// <summary><c>gbctl scale</c>: sets the replica count of objects through their <c>scale</c> subresource.</summary>
internal static class ScaleCommand
{
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var resources = new Argument<string[]>("resources")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Resource type and names: 'bc web' or 'bc/web'.",
        };
        var replicas = new Option<int>("--replicas")
        {
            Description = "New number of replicas, 0 or more.",
            Required = true,
            CustomParser = result => ParseWholeNumber(result, "--replicas"),
        };
        var currentReplicas = new Option<int?>("--current-replicas")
        {
            Description = "Scale only if the object has this many replicas now.",
            CustomParser = result => ParseWholeNumber(result, "--current-replicas"),
        };

        var command = new Command("scale", "Set a new size for a BotCluster.") { resources, replicas, currentReplicas };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            result,
            options,
            context,
            (session, token) => RunAsync(
                session,
                ResourceArguments.Parse(result.GetValue(resources) ?? [], "scale"),
                result.GetValue(replicas),
                result.GetValue(currentReplicas),
                token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CommandSession session,
        IReadOnlyList<ResourceRequest> requests,
        int replicas,
        int? currentReplicas,
        CancellationToken cancellationToken)
    {
        if (replicas < 0)
        {
            throw new CliException($"--replicas must be 0 or more, not {replicas}.");
        }

        // Only BotClusters have a scale subresource, so a PUT for another kind would fail with a bare NotFound.
        if (requests.FirstOrDefault(r => r.Kind != ResourceCatalog.BotClusters) is { } unscalable)
        {
            throw new CliException(
                $"{unscalable.Kind.Kind}s cannot be scaled because only {ResourceCatalog.BotClusters.Kind}s have a scale subresource.");
        }

        if (requests.Any(r => r.Names.Count == 0))
        {
            throw new CliException("name the objects to scale, such as 'gbctl scale bc web --replicas 3'.");
        }

        var exitCode = 0;
        foreach (var request in requests)
        {
            foreach (var name in request.Names)
            {
                var path = ResourcePaths.Subresource(request.Kind, session.Namespace, name, "scale");
                try
                {
                    var scale = await session.Client.GetAsync(path, cancellationToken);
                    var current = (int?)scale["spec"]?["replicas"] ?? 0;
                    if (currentReplicas is { } expected && expected != current)
                    {
                        await session.Error.WriteLineAsync(
                            $"error: {ObjectNames.Slashed(request.Kind, name)} has {current} replicas, not the {expected} that --current-replicas expects; nothing changed.");
                        exitCode = CommandRunner.Failure;
                        continue;
                    }

                    // PUT carries the resourceVersion just read, so a concurrent change fails with 409 instead of being overwritten.
                    scale["spec"] = scale["spec"] as JsonObject ?? new JsonObject();
                    scale["spec"]!["replicas"] = replicas;
                    await session.Client.SendAsync(HttpMethod.Put, path, scale, MediaTypes.Json, MediaTypes.Json, cancellationToken);
                    await session.Out.WriteLineAsync($"{ObjectNames.Slashed(request.Kind, name)} scaled");
                }
                catch (ApiException e) when (e.Code is 404 or 409)
                {
                    await session.Error.WriteLineAsync(e.Describe());
                    exitCode = CommandRunner.Failure;
                }
            }
        }

        return exitCode;
    }

    /// <summary>Parses the option's token as a 32-bit whole number, adding a parse error that names the option and the value when it is not one.</summary>
    private static int ParseWholeNumber(ArgumentResult result, string optionName)
    {
        var text = result.Tokens.Single().Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var message = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? $"invalid value '{text}' for {optionName}: must be at most {int.MaxValue}"
            : $"invalid value '{text}' for {optionName}: must be a whole number, such as 3";
        result.AddError(message);
        return 0;
    }
}
