using System.Text.Json.Serialization;
using GbOperator.Resources;
using k8s.Models;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>A minimal resource type for runtime tests that need no served kind.</summary>
public sealed record Widget : Resource<WidgetSpec, ResourceStatus>
{
    [JsonPropertyName("kind")]
    public override string Kind { get; init; } = "Widget";

    public static Widget Create(string @namespace, string name, string resourceVersion, long generation = 1) => new()
    {
        Metadata = new V1ObjectMeta
        {
            NamespaceProperty = @namespace,
            Name = name,
            ResourceVersion = resourceVersion,
            Generation = generation,
        },
    };
}
