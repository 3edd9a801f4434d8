using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Json.Schema;
using k8s.Models;

namespace GbOperator.Resources.Tests.Crds;

public class CrdSchemaTests
{
    public static TheoryData<string> Kinds() => new(ResourceCatalog.All.Select(kind => kind.Kind));

    /// <summary>The example manifests under manifests/examples and manifests/gitops, as paths relative to manifests/.</summary>
    public static TheoryData<string> ExampleFiles() =>
        new(new[] { RepositoryFiles.ExamplesDirectory, RepositoryFiles.GitOpsDirectory }
            .SelectMany(folder => Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryFiles.ManifestsDirectory, path))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_AgainstCrdSchema_IsValid(string fileName)
    {
        var path = Path.Combine(RepositoryFiles.ManifestsDirectory, fileName);
        var manifests = ManifestReader.Read(File.ReadAllText(path), path);

        manifests.Should().NotBeEmpty();
        foreach (var manifest in manifests)
        {
            var kind = ResourceCatalog.FindByKind(manifest.Object["kind"]!.GetValue<string>());
            kind.Should().NotBeNull($"{fileName} line {manifest.Line} must be a served kind");
            var schema = ToJsonSchema(CrdLoader.Schema(CrdLoader.Load(kind!)));

            var result = schema.Evaluate(JsonSerializer.SerializeToElement(manifest.Object), new EvaluationOptions { OutputFormat = OutputFormat.List });

            result.IsValid.Should().BeTrue(string.Join("; ", Errors(result)));
        }
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_DecodedAndValidated_HasNoViolations(string fileName)
    {
        var path = Path.Combine(RepositoryFiles.ManifestsDirectory, fileName);

        foreach (var manifest in ManifestReader.Read(File.ReadAllText(path), path))
        {
            var decoded = ResourceCodec.Decode(manifest.Object);

            decoded.Violations.Should().BeEmpty();
            ResourceValidator.Validate(decoded.Resource!).Should().BeEmpty();
            decoded.Resource!.Metadata.NamespaceProperty.Should().Be("default");
        }
    }

    [Fact]
    public void BotClusterExample_Spec_UsesStandInImage()
    {
        var path = Path.Combine(RepositoryFiles.ExamplesDirectory, "botcluster.yaml");

        var decoded = ResourceCodec.Decode(ManifestReader.Read(File.ReadAllText(path), path).Single().Object);

        var cluster = decoded.Resource.Should().BeOfType<BotClusters.BotCluster>().Subject;
        cluster.Spec.Replicas.Should().Be(3);
        cluster.Spec.Image.Should().Be("botserver-standin");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CrdSchema_Properties_MatchCodecContractBothWays(string kindName)
    {
        var kind = ResourceCatalog.Find(kindName)!;
        var schema = CrdLoader.Schema(CrdLoader.Load(kind));
        var problems = new List<string>();

        Compare(schema, kind.ResourceType, "", problems);

        problems.Should().BeEmpty();
    }

    [Fact]
    public void CrdSchema_UnknownField_IsRejected()
    {
        var schema = ToJsonSchema(CrdLoader.Schema(CrdLoader.Load(ResourceCatalog.BotClusters)));
        var manifest = JsonNode.Parse("""{"apiVersion":"generalbots.ai/v1alpha1","kind":"BotCluster","metadata":{"name":"a"},"spec":{"image":"x","replicaz":3}}""");

        var result = schema.Evaluate(JsonSerializer.SerializeToElement(manifest), new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.Should().BeFalse();
    }

    /// <summary>
    /// Walks the schema and the serializer's contract of <paramref name="type"/> together and records every
    /// property or type that only one side has.
    /// </summary>
    private static void Compare(JsonNode schema, Type type, string path, List<string> problems)
    {
        var info = ResourceCodec.SerializerOptions.GetTypeInfo(type);
        var schemaType = schema["type"]?.GetValue<string>();
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when type == typeof(V1ObjectMeta):
                Expect(schemaType, "object", path, problems);
                break;
            case JsonTypeInfoKind.Object:
                Expect(schemaType, "object", path, problems);
                var schemaProperties = schema["properties"]?.AsObject() ?? [];
                var codecProperties = info.Properties.Where(p => p.Get is not null || p.Set is not null).ToDictionary(p => p.Name, p => p.PropertyType);
                foreach (var name in codecProperties.Keys.Except(schemaProperties.Select(p => p.Key)))
                {
                    problems.Add($"{path}.{name}: in the C# type but not in the CRD schema");
                }

                foreach (var name in schemaProperties.Select(p => p.Key).Except(codecProperties.Keys))
                {
                    problems.Add($"{path}.{name}: in the CRD schema but not in the C# type");
                }

                foreach (var (name, propertyType) in codecProperties)
                {
                    if (schemaProperties[name] is { } child)
                    {
                        Compare(child, propertyType, $"{path}.{name}", problems);
                    }
                }

                break;
            case JsonTypeInfoKind.Enumerable:
                Expect(schemaType, "array", path, problems);
                Compare(schema["items"]!, info.ElementType!, $"{path}[]", problems);
                break;
            case JsonTypeInfoKind.Dictionary:
                Expect(schemaType, "object", path, problems);
                Compare(schema["additionalProperties"]!, info.ElementType!, $"{path}{{}}", problems);
                break;
            default:
                Expect(schemaType, ScalarType(Nullable.GetUnderlyingType(type) ?? type), path, problems);
                break;
        }
    }

    private static string ScalarType(Type type) => type switch
    {
        _ when type == typeof(string) || type == typeof(DateTime) => "string",
        _ when type == typeof(int) || type == typeof(long) => "integer",
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(double) => "number",
        _ => $"unmapped C# type {type.Name}",
    };

    private static void Expect(string? actual, string expected, string path, List<string> problems)
    {
        if (actual != expected)
        {
            problems.Add($"{path}: CRD schema type is {actual ?? "missing"}, but the C# type serializes as {expected}");
        }
    }

    /// <summary>
    /// Converts a structural openAPIV3Schema to a JSON Schema that rejects unknown fields, as the API server's
    /// pruning removes them from a real cluster's objects, and drops the Kubernetes extensions.
    /// </summary>
    private static JsonSchema ToJsonSchema(JsonObject openApiSchema)
    {
        var copy = openApiSchema.DeepClone().AsObject();
        CloseObjects(copy);
        return JsonSchema.FromText(copy.ToJsonString());
    }

    private static void CloseObjects(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        // Kubernetes extensions such as x-kubernetes-list-type have no JSON Schema meaning.
        foreach (var extension in schema.Select(pair => pair.Key).Where(key => key.StartsWith("x-kubernetes-", StringComparison.Ordinal)).ToList())
        {
            schema.Remove(extension);
        }

        if (schema["properties"] is JsonObject properties)
        {
            schema.TryAdd("additionalProperties", false);
            foreach (var (_, child) in properties)
            {
                CloseObjects(child);
            }
        }

        CloseObjects(schema["items"]);
        if (schema["additionalProperties"] is JsonObject)
        {
            CloseObjects(schema["additionalProperties"]);
        }
    }

    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? []).Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"));
}
