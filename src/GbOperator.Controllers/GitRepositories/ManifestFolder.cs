using GbOperator.Resources;

namespace GbOperator.Controllers.GitRepositories;

/// <summary>Reads and validates every manifest in a folder of a checked-out repository, before anything is applied.</summary>
internal static class ManifestFolder
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// Reads the <c>.yaml</c>, <c>.yml</c> and <c>.json</c> files under <paramref name="folder"/> and its subfolders in
    /// name order, and checks each document: YAML syntax, apiVersion, a served kind, a name, a unique key and the
    /// kind's validation rules. Symbolic links are errors, so no file outside the repository is read.
    /// </summary>
    /// <param name="root">The working tree of the checkout.</param>
    /// <param name="folder">The folder relative to <paramref name="root"/>.</param>
    /// <param name="defaultNamespace">Namespace of documents that name none.</param>
    /// <returns>The objects when every document is valid, otherwise every error found, each naming its file and line.</returns>
    public static ManifestFolderResult Read(string root, string folder, string defaultNamespace)
    {
        var path = Path.GetFullPath(Path.Combine(root, folder));
        if (!Directory.Exists(path))
        {
            return ManifestFolderResult.Missing($"the folder \"{folder}\" does not exist in the repository");
        }

        var errors = new List<string>();
        var files = new List<string>();
        if (LinkedAncestor(root, path) is { } link)
        {
            errors.Add($"{Path.GetRelativePath(root, link)}: symbolic links are not followed; make the folder a real folder in the repository");
        }
        else
        {
            CollectFiles(root, path, files, errors);
        }

        files.Sort(StringComparer.Ordinal);
        var objects = new List<SourceObject>();
        var keys = new Dictionary<(string Kind, string Namespace, string Name), string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file);
            IReadOnlyList<Manifest> documents;
            try
            {
                documents = ManifestReader.Read(File.ReadAllText(file), relative);
            }
            catch (ManifestSyntaxException exception)
            {
                errors.Add($"{relative}:{exception.Line}:{exception.Column}: {exception.Problem}");
                continue;
            }

            foreach (var document in documents)
            {
                var location = $"{relative}:{document.Line}";
                var checkedObject = Check(document, location, defaultNamespace, errors);
                if (checkedObject is null)
                {
                    continue;
                }

                var key = (checkedObject.Kind.Kind, checkedObject.Namespace, checkedObject.Name);
                if (keys.TryGetValue(key, out var first))
                {
                    errors.Add($"{location}: {checkedObject.Kind.Kind} {checkedObject.Namespace}/{checkedObject.Name} is already defined at {first}");
                    continue;
                }

                keys[key] = location;
                objects.Add(checkedObject);
            }
        }

        return errors.Count > 0 ? ManifestFolderResult.Invalid(errors) : ManifestFolderResult.Valid(objects);
    }

    /// <summary>
    /// Adds the manifest files under <paramref name="folder"/> and its subfolders, except <c>.git</c>, and reports each
    /// symbolic link as an error, because a link could point outside the repository.
    /// </summary>
    private static void CollectFiles(string root, string folder, List<string> files, List<string> errors)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                if (entry is DirectoryInfo || Extensions.Contains(entry.Extension, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add($"{Path.GetRelativePath(root, entry.FullName)}: symbolic links are not followed; commit the file itself");
                }

                continue;
            }

            if (entry is DirectoryInfo directory)
            {
                if (directory.Name != ".git")
                {
                    CollectFiles(root, directory.FullName, files, errors);
                }
            }
            else if (Extensions.Contains(entry.Extension, StringComparer.OrdinalIgnoreCase))
            {
                files.Add(entry.FullName);
            }
        }
    }

    /// <summary>Returns the first folder from <paramref name="root"/> down to <paramref name="folder"/> that is a symbolic link, or <c>null</c>.</summary>
    private static string? LinkedAncestor(string root, string folder)
    {
        var current = Path.GetFullPath(root);
        foreach (var segment in Path.GetRelativePath(current, folder).Split(Path.DirectorySeparatorChar).Where(segment => segment is not ("." or "")))
        {
            current = Path.Combine(current, segment);
            if (new DirectoryInfo(current).LinkTarget is not null)
            {
                return current;
            }
        }

        return null;
    }

    private static SourceObject? Check(Manifest document, string location, string defaultNamespace, List<string> errors)
    {
        var json = document.Object.DeepClone().AsObject();
        var metadata = json["metadata"] as System.Text.Json.Nodes.JsonObject;
        if (metadata is not null && string.IsNullOrEmpty((string?)metadata["namespace"]))
        {
            metadata["namespace"] = defaultNamespace;
        }

        var decoded = ResourceCodec.Decode(json);
        var violations = decoded.Succeeded ? ResourceValidator.Validate(decoded.Resource) : decoded.Violations;
        if (violations.Count > 0)
        {
            var kindName = (string?)json["kind"] ?? "object";
            var name = (string?)metadata?["name"];
            var subject = name is null ? kindName : $"{kindName} {name}";
            errors.AddRange(violations.Select(violation => $"{location}: {subject}: {violation}"));
            return null;
        }

        var resource = decoded.Resource!;
        var kind = ResourceCatalog.FindByKind(resource.Kind)!;
        return new SourceObject(kind, resource.Metadata.NamespaceProperty!, resource.Metadata.Name!, json, location);
    }
}
