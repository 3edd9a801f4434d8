using System.Text;
using Gbctl.Cli;

namespace Gbctl.Prune;

/// <summary>Chooses the name of the <c>ApplySet</c> parent of an apply with prune.</summary>
internal static class ApplySetName
{
    private const int MaxLength = 253;

    /// <summary>
    /// Returns <paramref name="explicitName"/>, or, when it is absent and the manifests come from one folder, the
    /// folder's name in lower case with every character outside <c>a-z</c>, <c>0-9</c>, <c>.</c> and <c>-</c> replaced by <c>-</c>.
    /// </summary>
    /// <exception cref="CliException">No name was given and the manifests do not come from exactly one folder.</exception>
    public static string Resolve(string? explicitName, IReadOnlyList<string> paths)
    {
        if (!string.IsNullOrEmpty(explicitName))
        {
            return explicitName;
        }

        if (paths.Count == 1 && Directory.Exists(paths[0]))
        {
            var folder = new DirectoryInfo(Path.GetFullPath(paths[0])).Name;
            var name = Sanitize(folder);
            if (name.Length > 0)
            {
                return name;
            }
        }

        throw new CliException("--prune needs the name of the apply set: pass --applyset NAME, or one folder with -f so its name is used.");
    }

    private static string Sanitize(string folder)
    {
        var builder = new StringBuilder();
        foreach (var character in folder.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '.' ? character : '-');
        }

        var name = builder.ToString().Trim('-', '.');
        return name.Length > MaxLength ? name[..MaxLength].Trim('-', '.') : name;
    }
}
