using System.Text.Json.Nodes;

namespace GbOperator.Resources;

/// <summary>One document of a manifest file and where it starts.</summary>
/// <param name="Object">The document as a JSON object.</param>
/// <param name="Source">File name, or <c>-</c> for standard input.</param>
/// <param name="Line">1-based line at which the document starts.</param>
public sealed record Manifest(JsonObject Object, string Source, int Line);
