namespace GbOperator.Resources;

/// <summary>The outcome of <see cref="ResourceCodec.Decode(System.Text.Json.Nodes.JsonObject)"/>: a resource, or the reasons there is none.</summary>
public sealed record DecodeResult(Resource? Resource, IReadOnlyList<FieldViolation> Violations)
{
    /// <summary>Whether decoding produced a resource.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Resource))]
    public bool Succeeded => Resource is not null;
}
