using System.Text.Json.Serialization;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>Spec of <see cref="Widget"/>.</summary>
public sealed record WidgetSpec
{
    [JsonPropertyName("size")]
    public int Size { get; init; }
}
