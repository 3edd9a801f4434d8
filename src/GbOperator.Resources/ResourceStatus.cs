using System.Text.Json.Serialization;
using k8s.Models;

namespace GbOperator.Resources;

/// <summary>Status fields every kind shares.</summary>
public record ResourceStatus
{
    /// <summary>The <c>metadata.generation</c> the controller last acted on.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; init; }

    /// <summary>Conditions in the Kubernetes condition shape.</summary>
    [JsonPropertyName("conditions")]
    [ListMapKeys("type")]
    public IReadOnlyList<V1Condition>? Conditions { get; init; }
}
