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
