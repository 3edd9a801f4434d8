using System.Text.Json.Nodes;

namespace Gbctl.Apply;

/// <summary>
/// Computes the JSON merge patch (RFC 7386) that client-side apply sends: the fields the manifest
/// adds or changes relative to the live object, plus deletions of the fields the previous apply set
/// and the manifest no longer has.
/// </summary>
/// <remarks>
/// Like kubectl's three-way JSON merge patch, fields only the live object has (server-set metadata,
/// status, defaults) are left alone. Unlike it, this comparison also ignores such fields inside list
/// elements, and treats an empty object in the manifest as equal to an absent one, so an object whose
/// server filled in defaults still reports "unchanged". Lists that do differ are replaced whole, as
/// merge patch requires.
/// </remarks>
internal static class ThreeWayMergePatch
{
    /// <summary>Returns the patch, an empty object when the live object already matches.</summary>
    /// <param name="original">The manifest of the previous apply (last-applied annotation), or <c>null</c>.</param>
    /// <param name="modified">The manifest being applied.</param>
    /// <param name="current">The live object.</param>
    public static JsonObject Create(JsonObject? original, JsonObject modified, JsonObject current)
    {
        var patch = new JsonObject();

        foreach (var (key, desired) in modified)
        {
            current.TryGetPropertyValue(key, out var live);
            var previous = original?[key];

            if (live is null)
            {
                if (desired is not null && !IsEmptyObject(desired))
                {
                    patch[key] = desired.DeepClone();
                }

                continue;
            }

            switch (desired)
            {
                case JsonObject desiredObject when live is JsonObject liveObject:
                    var nested = Create(previous as JsonObject, desiredObject, liveObject);
                    if (nested.Count > 0)
                    {
                        patch[key] = nested;
                    }

                    break;
                case JsonArray desiredList when live is JsonArray liveList:
                    if (!ListsMatch(previous as JsonArray, desiredList, liveList))
                    {
                        patch[key] = desiredList.DeepClone();
                    }

                    break;
                default:
                    if (!JsonNode.DeepEquals(desired, live))
                    {
                        patch[key] = desired?.DeepClone();
                    }

                    break;
            }
        }

        if (original is not null)
        {
            foreach (var (key, _) in original)
            {
                if (!modified.ContainsKey(key) && current[key] is not null)
                {
                    patch[key] = null;
                }
            }
        }

        return patch;
    }

    /// <summary>Whether applying <paramref name="desired"/> over <paramref name="live"/> would change nothing.</summary>
    private static bool ListsMatch(JsonArray? previous, JsonArray desired, JsonArray live)
    {
        if (desired.Count != live.Count)
        {
            return false;
        }

        var previousAligned = previous is not null && previous.Count == desired.Count;
        for (var i = 0; i < desired.Count; i++)
        {
            var before = previousAligned ? previous![i] : null;
            if (!ElementsMatch(before, desired[i], live[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ElementsMatch(JsonNode? previous, JsonNode? desired, JsonNode? live) => (desired, live) switch
    {
        (JsonObject desiredObject, JsonObject liveObject) => Create(previous as JsonObject, desiredObject, liveObject).Count == 0,
        (JsonArray desiredList, JsonArray liveList) => ListsMatch(previous as JsonArray, desiredList, liveList),
        _ => JsonNode.DeepEquals(desired, live),
    };

    private static bool IsEmptyObject(JsonNode node) => node is JsonObject { Count: 0 };
}
