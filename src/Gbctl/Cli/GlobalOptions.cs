using System.CommandLine;
using Gbctl.Configuration;

namespace Gbctl.Cli;

/// <summary>Connection options that every command accepts, before or after its name.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Path of the kubeconfig-format file to use instead of $GBCONFIG or ~/.gb/config.",
        Recursive = true,
    };

    public Option<string?> Server { get; } = new("--server", "-s")
    {
        Description = "Address of the API server, such as http://127.0.0.1:6443; overrides the config file.",
        Recursive = true,
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "Name of the kubeconfig context to use instead of current-context.",
        Recursive = true,
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "Namespace of the request; defaults to the context's namespace, else \"default\".",
        Recursive = true,
    };

    /// <summary>Adds the options to <paramref name="root"/>.</summary>
    public void AddTo(RootCommand root)
    {
        root.Options.Add(Kubeconfig);
        root.Options.Add(Server);
        root.Options.Add(Context);
        root.Options.Add(Namespace);
    }

    /// <summary>Returns the values the user passed.</summary>
    public ConfigOptions Read(ParseResult result) => new(
        result.GetValue(Kubeconfig),
        result.GetValue(Server),
        result.GetValue(Context),
        result.GetValue(Namespace));
}
