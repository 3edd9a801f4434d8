using System.CommandLine;

namespace Gbctl.Commands;

/// <summary>The <c>-f</c> and <c>-R</c> options of the commands that read manifests.</summary>
internal sealed class ManifestOptions
{
    public Option<string[]> Filenames { get; } = new("--filename", "-f")
    {
        Description = "File or folder of YAML or JSON manifests, or - for standard input. Repeat for more.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> Recursive { get; } = new("--recursive", "-R")
    {
        Description = "Also read the manifests in subfolders of the folders given with -f.",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Filenames);
        command.Options.Add(Recursive);
    }
}
