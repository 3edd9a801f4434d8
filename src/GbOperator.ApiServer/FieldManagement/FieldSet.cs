using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.FieldManagement;

/// <summary>The fields of an object that field management tracks, with conversion to and from <c>FieldsV1</c>.</summary>
/// <remarks>
/// Tracked are every member outside <c>apiVersion</c>, <c>kind</c> and <c>metadata</c>, plus
/// <c>metadata.labels</c>, <c>metadata.annotations</c> and <c>metadata.finalizers</c>. Objects are
/// followed member by member; a scalar, an array or an empty object is one field.
/// </remarks>
internal static class FieldSet
{
    private static readonly string[] TrackedMetadata = ["labels", "annotations", "finalizers"];

    /// <summary>Returns every tracked field of <paramref name="json"/> with its value.</summary>
    public static Dictionary<FieldPath, JsonNode?> Leaves(JsonObject json)
    {
        var leaves = new Dictionary<FieldPath, JsonNode?>();
        var root = new FieldPath([]);
        foreach (var (name, value) in json)
        {
            switch (name)
            {
                case "apiVersion" or "kind":
                    break;
                case "metadata" when value is JsonObject metadata:
                    foreach (var field in TrackedMetadata)
                    {
                        if (metadata.TryGetPropertyValue(field, out var tracked) && tracked is not null)
                        {
                            Collect(tracked, root.Child("metadata").Child(field), leaves);
                        }
                    }

                    break;
                case "metadata":
                    break;
                default:
                    if (value is not null)
                    {
                        Collect(value, root.Child(name), leaves);
                    }

                    break;
            }
        }

        return leaves;
    }

    /// <summary>Returns the tracked fields whose value differs between two objects, including added and removed ones.</summary>
    public static HashSet<FieldPath> Changed(JsonObject before, JsonObject after)
    {
        var old = Leaves(before);
        var next = Leaves(after);
        var changed = new HashSet<FieldPath>();
        foreach (var (path, value) in next)
        {
            if (!old.TryGetValue(path, out var previous) || !JsonNode.DeepEquals(previous, value))
            {
                changed.Add(path);
            }
        }

        changed.UnionWith(old.Keys.Where(path => !next.ContainsKey(path)));
        return changed;
    }

    /// <summary>Encodes paths in the <c>FieldsV1</c> format: nested <c>f:NAME</c> members, an empty object at each field.</summary>
    public static JsonObject ToFieldsV1(IEnumerable<FieldPath> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.OrderBy(path => path.ToString(), StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in path.Segments)
            {
                var key = "f:" + segment;
                if (node[key] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[key] = child;
                }

                node = child;
            }
        }

        return root;
    }

    /// <summary>Decodes a <c>FieldsV1</c> object, ignoring members other than <c>f:NAME</c>.</summary>
    public static HashSet<FieldPath> FromFieldsV1(JsonObject? fields)
    {
        var paths = new HashSet<FieldPath>();
        if (fields is not null)
        {
            Decode(fields, new FieldPath([]), paths);
        }

        return paths;
    }

    private static void Decode(JsonObject node, FieldPath path, HashSet<FieldPath> paths)
    {
        foreach (var (key, value) in node)
        {
            if (!key.StartsWith("f:", StringComparison.Ordinal) || value is not JsonObject child)
            {
                continue;
            }

            var childPath = path.Child(key[2..]);
            if (!child.Any(pair => pair.Key.StartsWith("f:", StringComparison.Ordinal)))
            {
                paths.Add(childPath);
            }
            else
            {
                Decode(child, childPath, paths);
            }
        }
    }

    private static void Collect(JsonNode value, FieldPath path, Dictionary<FieldPath, JsonNode?> leaves)
    {
        if (value is JsonObject members && members.Count > 0)
        {
            foreach (var (name, member) in members)
            {
                if (member is not null)
                {
                    Collect(member, path.Child(name), leaves);
                }
            }

            return;
        }

        leaves[path] = value;
    }
}
