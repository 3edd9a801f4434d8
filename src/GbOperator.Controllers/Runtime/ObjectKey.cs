using GbOperator.Resources;

namespace GbOperator.Controllers.Runtime;

/// <summary>The namespace and name that identify one object of a kind: the work queue's key.</summary>
/// <param name="Namespace">Namespace of the object.</param>
/// <param name="Name">Name of the object.</param>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    /// <summary>Returns the key of <paramref name="resource"/>.</summary>
    /// <exception cref="ArgumentException">The object has no name or no namespace.</exception>
    public static ObjectKey From(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);

        var name = resource.Metadata?.Name;
        var @namespace = resource.Metadata?.NamespaceProperty;
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException(
                $"A {resource.Kind} needs metadata.name and metadata.namespace to have a key; got name '{name}' and namespace '{@namespace}'.",
                nameof(resource));
        }

        return new ObjectKey(@namespace, name);
    }

    /// <summary>Formats the key as <c>namespace/name</c>, as client-go's cache keys read.</summary>
    public override string ToString() => $"{Namespace}/{Name}";
}
