using System.Text.Json.Serialization;
using k8s.Models;

namespace GbOperator.Resources;

/// <summary>The parts every GbOperator object shares: type meta and Kubernetes object metadata.</summary>
public abstract record Resource
{
    /// <summary>Always <see cref="ApiGroup.ApiVersion"/>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = ApiGroup.ApiVersion;

    /// <summary>Kind name of the concrete type.</summary>
    [JsonPropertyName("kind")]
    public abstract string Kind { get; init; }

    /// <summary>Standard Kubernetes object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; init; } = new();
}

/// <summary>A resource with a typed spec and status.</summary>
public abstract record Resource<TSpec, TStatus> : Resource
    where TSpec : new()
    where TStatus : ResourceStatus
{
    /// <summary>Desired state.</summary>
    [JsonPropertyName("spec")]
    public TSpec Spec { get; init; } = new();

    /// <summary>Observed state, written only through the status subresource.</summary>
    [JsonPropertyName("status")]
    public TStatus? Status { get; init; }
}

/// <summary>Status fields every kind shares.</summary>
public record ResourceStatus
{
    /// <summary>The <c>metadata.generation</c> the controller last acted on.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; init; }

    /// <summary>Conditions in the Kubernetes condition shape.</summary>
    [JsonPropertyName("conditions")]
    public IReadOnlyList<V1Condition>? Conditions { get; init; }
}
