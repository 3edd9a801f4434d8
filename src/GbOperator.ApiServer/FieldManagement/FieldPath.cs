namespace GbOperator.ApiServer.FieldManagement;

/// <summary>The path of one field of an object, as member names from the root.</summary>
/// <remarks>Arrays are atomic: a path never goes inside one, so a list is owned and replaced as a whole.</remarks>
internal sealed class FieldPath : IEquatable<FieldPath>
{
    private readonly string[] _segments;
    private readonly string _key;

    public FieldPath(IEnumerable<string> segments)
    {
        _segments = segments.ToArray();
        _key = string.Join('\0', _segments);
    }

    public IReadOnlyList<string> Segments => _segments;

    /// <summary>Returns the path with one more member name.</summary>
    public FieldPath Child(string name) => new(_segments.Append(name));

    /// <summary>Returns whether one path equals the other or contains it, so that owning one touches the other.</summary>
    public bool Overlaps(FieldPath other)
    {
        var shorter = Math.Min(_segments.Length, other._segments.Length);
        for (var index = 0; index < shorter; index++)
        {
            if (!string.Equals(_segments[index], other._segments[index], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Formats the path as Kubernetes prints it in apply conflicts, such as <c>.spec.replicas</c>.</summary>
    public override string ToString() => string.Concat(_segments.Select(segment => "." + segment));

    public bool Equals(FieldPath? other) => other is not null && _key == other._key;

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_key);
}
