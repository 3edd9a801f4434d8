using System.CommandLine;
using Gbctl.Commands;

namespace Gbctl.Cli;

/// <summary>The gbctl command line: parses arguments, runs the chosen command and returns its exit code.</summary>
public static class GbctlCli
{
    /// <summary>Runs gbctl with <paramref name="args"/> against the streams and environment of <paramref name="context"/>.</summary>
    /// <returns>0 on success and 1 on failure, except that <c>diff</c> returns 1 for differences and 2 for errors.</returns>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = BuildRoot(context);

        // With no arguments, print the help text, as kubectl does.
        var result = root.Parse(args.Length == 0 ? ["--help"] : args);

        var problems = ParseProblems.Describe(result);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await context.Error.WriteLineAsync($"error: {problem}");
            }

            var commandPath = string.Join(' ', CommandPath(result.CommandResult.Command));
            await context.Error.WriteLineAsync($"See '{commandPath} --help' for usage.");
            return CommandRunner.Failure;
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        };
        return await result.InvokeAsync(invocation, cancellationToken);
    }

    private static RootCommand BuildRoot(CliContext context)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("gbctl controls GbOperator: it reads and changes BotClusters, ShardMaps and FailoverPolicies through the API server.");
        options.AddTo(root);

        root.Subcommands.Add(GetCommand.Create(options, context));
        root.Subcommands.Add(ApplyCommand.Create(options, context));
        root.Subcommands.Add(DeleteCommand.Create(options, context));
        root.Subcommands.Add(DescribeCommand.Create(options, context));
        root.Subcommands.Add(DiffCommand.Create(options, context));
        root.Subcommands.Add(ScaleCommand.Create(options, context));
        root.Subcommands.Add(FailoverCommand.Create(options, context));
        root.Subcommands.Add(ShardCommand.Create(options, context));
        root.Subcommands.Add(VersionCommand.Create(options, context));
        return root;
    }

    private static List<string> CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command current; symbol = current.Parents.FirstOrDefault())
        {
            names.Insert(0, current is RootCommand ? "gbctl" : current.Name);
        }

        return names;
    }
}
