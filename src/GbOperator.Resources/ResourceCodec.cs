using System.Text.Json.Nodes;

namespace GbOperator.Resources;

/// <summary>Strict conversion between JSON and the typed resources.</summary>
public static class ResourceCodec
{
    /// <summary>
    /// Decodes an object of any served kind, rejecting unknown fields, duplicate keys and values of the
    /// wrong type, and filling every absent spec field with its default.
    /// </summary>
    /// <returns>The typed object, or the violations with field paths (nothing thrown for bad input).</returns>
    public static DecodeResult Decode(JsonObject json) => throw new NotImplementedException();

    /// <summary>Encodes a typed object as JSON, with defaults written out and null fields left out.</summary>
    public static JsonObject Encode(Resource resource) => throw new NotImplementedException();
}

/// <summary>The outcome of <see cref="ResourceCodec.Decode"/>: a resource, or the reasons there is none.</summary>
public sealed record DecodeResult(Resource? Resource, IReadOnlyList<FieldViolation> Violations)
{
    /// <summary>Whether decoding produced a resource.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Resource))]
    public bool Succeeded => Resource is not null;
}
