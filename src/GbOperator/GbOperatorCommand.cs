using System.CommandLine;

namespace GbOperator;

/// <summary>The <c>gb-operator</c> command line.</summary>
internal static class GbOperatorCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("GbOperator: the control plane of General Bots clusters on LXD.");
        root.Subcommands.Add(ServeCommand.Create());
        return root;
    }
}
