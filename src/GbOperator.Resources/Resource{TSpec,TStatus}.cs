using System.Text.Json.Serialization;

namespace GbOperator.Resources;

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
