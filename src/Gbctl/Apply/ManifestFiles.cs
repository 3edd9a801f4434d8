using Gbctl.Cli;
using GbOperator.Resources;

namespace Gbctl.Apply;

/// <summary>Manifests read from the <c>-f</c> arguments, and the files that failed to parse.</summary>
/// <param name="Manifests">Documents of every file that parsed, in file order.</param>
/// <param name="SyntaxErrors">One error per file that did not parse. Nothing from such a file is in <paramref name="Manifests"/>.</param>
internal sealed record ManifestSet(IReadOnlyList<Manifest> Manifests, IReadOnlyList<ManifestSyntaxException> SyntaxErrors);

/// <summary>Reads the files, folders and standard input named by <c>-f</c>.</summary>
internal static class ManifestFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// Reads and parses every manifest. A folder contributes its <c>.yaml</c>, <c>.yml</c> and
    /// <c>.json</c> files in name order, including subfolders when <paramref name="recursive"/> is set.
    /// </summary>
    /// <param name="allowEmptyFolders">Whether a folder without manifests is an empty source rather than an error, as prune needs.</param>
    /// <exception cref="CliException">No path is given, a path does not exist or cannot be read, or a folder contains no manifest.</exception>
    public static async Task<ManifestSet> ReadAsync(
        IReadOnlyList<string> paths,
        bool recursive,
        TextReader standardInput,
        CancellationToken cancellationToken,
        bool allowEmptyFolders = false)
    {
        if (paths.Count == 0)
        {
            throw new CliException("must specify -f PATH: a file, a folder, or - for standard input.");
        }

        var sources = paths.SelectMany(p => Expand(p, recursive, allowEmptyFolders)).ToList();
        var manifests = new List<Manifest>();
        var errors = new List<ManifestSyntaxException>();
        var stdinRead = false;

        foreach (var source in sources)
        {
            string text;
            if (source == "-")
            {
                if (stdinRead)
                {
                    continue;
                }

                stdinRead = true;
                text = await standardInput.ReadToEndAsync(cancellationToken);
            }
            else
            {
                text = await ReadFileAsync(source, cancellationToken);
            }

            try
            {
                manifests.AddRange(ManifestReader.Read(text, source));
            }
            catch (ManifestSyntaxException e)
            {
                errors.Add(e);
            }
        }

        return new ManifestSet(manifests, errors);
    }

    private static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"failed to read \"{path}\": {e.Message}");
        }
    }

    private static List<string> Expand(string path, bool recursive, bool allowEmptyFolders)
    {
        if (path == "-")
        {
            return [path];
        }

        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"reading manifests from a URL is not supported: download \"{path}\" and pass the file.");
        }

        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new CliException($"the path \"{path}\" does not exist.");
        }

        var option = recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        var files = Directory.EnumerateFiles(path, "*", option)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        if (files.Count == 0 && !allowEmptyFolders)
        {
            var hint = recursive ? string.Empty : " Pass -R to include subfolders.";
            throw new CliException($"no .yaml, .yml or .json files found in \"{path}\".{hint}");
        }

        return files;
    }
}
