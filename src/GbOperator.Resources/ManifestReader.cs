using System.Text.Json;
using System.Text.Json.Nodes;
using GbOperator.Resources.Manifests;
using GbOperator.Resources.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GbOperator.Resources;

/// <summary>Reads YAML or JSON manifests, one or many documents per text.</summary>
/// <remarks>
/// Text whose first non-blank character is <c>{</c> is read as one JSON object. Anything else is read as YAML,
/// with documents separated by <c>---</c>. YAML scalars follow the YAML 1.2 core schema, so <c>yes</c> and
/// <c>on</c> stay strings, and quoted scalars are always strings.
/// </remarks>
public static class ManifestReader
{
    /// <summary>
    /// Parses every non-empty document of <paramref name="text"/>, YAML or JSON.
    /// </summary>
    /// <exception cref="ManifestSyntaxException">Malformed YAML or JSON, a duplicate key, or a document that is not a mapping.</exception>
    public static IReadOnlyList<Manifest> Read(string text, string source)
    {
        // NOTE: a "kind: List" document is returned as one object, not expanded into its items, and JSON text
        // text contains exactly one object (no JSON sequences).
        return text.TrimStart().StartsWith('{') ? [ReadJson(text, source)] : ReadYaml(text, source);
    }

    private static Manifest ReadJson(string text, string source)
    {
        var start = LineOf(text, text.Length - text.TrimStart().Length);
        try
        {
            if (JsonDuplicateKeyFinder.Find(text) is { } duplicate)
            {
                throw new ManifestSyntaxException(source, duplicate.Line, duplicate.Column,
                    $"duplicate key \"{duplicate.Path}\" in a JSON object; keep one of them");
            }

            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
            return new Manifest(node!.AsObject(), source, start);
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            var problem = exception.Message;
            var cut = problem.IndexOf(" LineNumber:", StringComparison.Ordinal);
            problem = cut < 0 ? problem : problem[..cut].TrimEnd(' ', '.', '|');
            throw new ManifestSyntaxException(source, line, column, $"invalid JSON: {problem}");
        }
    }

    private static List<Manifest> ReadYaml(string text, string source)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException exception)
        {
            var problem = exception.InnerException is YamlException inner ? inner.Message : exception.Message;
            if (problem.StartsWith("Duplicate key ", StringComparison.Ordinal))
            {
                problem = $"duplicate key \"{problem["Duplicate key ".Length..]}\" in a mapping; keep one of them";
            }

            throw new ManifestSyntaxException(source, (int)exception.Start.Line, (int)exception.Start.Column, $"invalid YAML: {problem}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 raises this, with no position, for some unterminated flow collections.
            var position = scanner.CurrentPosition;
            throw new ManifestSyntaxException(source, (int)position.Line, (int)position.Column,
                "invalid YAML: unexpected end of a flow sequence or mapping; check for a missing ']' or '}'");
        }

        var manifests = new List<Manifest>();
        foreach (var document in stream.Documents)
        {
            var root = document.RootNode;
            if (YamlJsonConverter.IsEmpty(root))
            {
                continue;
            }

            if (root is not YamlMappingNode mapping)
            {
                throw new ManifestSyntaxException(source, (int)root.Start.Line, (int)root.Start.Column,
                    $"a document must be a mapping with apiVersion, kind and metadata, not a {YamlJsonConverter.Describe(root)}");
            }

            manifests.Add(new Manifest(new YamlJsonConverter(source).ToJsonObject(mapping), source, (int)root.Start.Line));
        }

        return manifests;
    }

    private static int LineOf(string text, int offset) => 1 + text.AsSpan(0, offset).Count('\n');
}
