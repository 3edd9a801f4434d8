using System.CommandLine;

namespace GbOperator;

/// <summary>The <c>gb-operator</c> command line.</summary>
internal static class GbOperatorCommand
{
    /// <summary>Exit code of a command line that does not parse, and of other invalid settings.</summary>
    public const int InvalidUsage = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand("GbOperator: the control plane of General Bots clusters on LXD.");
        root.Subcommands.Add(ServeCommand.Create());
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command, or prints one line per parse error to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken cancellationToken)
    {
        var result = Create().Parse(args);
        if (result.Errors.Count == 0)
        {
            return await result.InvokeAsync(new InvocationConfiguration(), cancellationToken);
        }

        foreach (var message in result.Errors.Select(e => e.Message).Distinct())
        {
            await error.WriteLineAsync($"error: {message}");
        }

        var command = result.CommandResult.Command;
        var path = command is RootCommand ? "gb-operator" : $"gb-operator {command.Name}";
        await error.WriteLineAsync($"See '{path} --help' for usage.");
        return InvalidUsage;
    }
}
