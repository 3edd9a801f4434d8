using System.Text.Json.Nodes;
using GbOperator.Resources;

namespace GbOperator.ApiServer.OpenApi;

/// <summary>
/// The OpenAPI v2 document kubectl 1.20 reads before <c>apply</c>, <c>create</c>, <c>replace</c> and <c>diff</c>: for each kind,
/// the object path with a <c>patch</c> operation that carries <c>x-kubernetes-group-version-kind</c> and the inline
/// <c>dryRun</c>, <c>fieldManager</c> and <c>force</c> query parameters, which kubectl's dry-run check looks for.
/// </summary>
/// <remarks>
/// The document has no <c>definitions</c>, so kubectl skips client-side schema validation of these kinds and the
/// server's validation decides. Protobuf field numbers follow the <c>openapi.v2.Document</c> message of
/// google/gnostic <c>openapiv2/OpenAPIv2.proto</c>.
/// </remarks>
internal static class OpenApiDocument
{
    private static readonly (string Name, string Type)[] PatchParameters = [("dryRun", "string"), ("fieldManager", "string"), ("force", "boolean")];

    public static JsonObject ToJson()
    {
        var paths = new JsonObject();
        foreach (var kind in ResourceCatalog.All)
        {
            var parameters = new JsonArray();
            foreach (var (name, type) in PatchParameters)
            {
                parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["type"] = type, ["uniqueItems"] = true });
            }

            paths[ObjectPath(kind)] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = OperationId(kind),
                    ["parameters"] = parameters,
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                    ["x-kubernetes-group-version-kind"] = new JsonObject
                    {
                        ["group"] = ApiGroup.Name,
                        ["kind"] = kind.Kind,
                        ["version"] = ApiGroup.Version,
                    },
                },
            };
        }

        return new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "GbOperator", ["version"] = ApiGroup.Version },
            ["paths"] = paths,
        };
    }

    public static byte[] ToProtobuf()
    {
        var document = new ProtobufWriter()
            .String(1, "2.0")
            .Message(2, info => info.String(1, "GbOperator").String(2, ApiGroup.Version))
            .Message(8, paths =>
            {
                foreach (var kind in ResourceCatalog.All)
                {
                    paths.Message(2, namedPathItem => namedPathItem
                        .String(1, ObjectPath(kind))
                        .Message(2, pathItem => pathItem.Message(8, operation => WritePatchOperation(operation, kind))));
                }
            });
        return document.ToArray();
    }

    private static void WritePatchOperation(ProtobufWriter operation, ResourceKind kind)
    {
        operation.String(5, OperationId(kind));
        foreach (var (name, type) in PatchParameters)
        {
            // ParametersItem.parameter → Parameter.non_body_parameter → NonBodyParameter.query_parameter_sub_schema
            operation.Message(8, item => item.Message(1, parameter => parameter.Message(2, nonBody => nonBody.Message(3, query => query
                .String(2, "query")
                .String(4, name)
                .String(6, type)))));
        }

        // Operation.vendor_extension → NamedAny{name, value: Any{yaml}}
        var groupVersionKind = $"group: {ApiGroup.Name}\nkind: {kind.Kind}\nversion: {ApiGroup.Version}\n";
        operation.Message(13, namedAny => namedAny
            .String(1, "x-kubernetes-group-version-kind")
            .Message(2, any => any.String(2, groupVersionKind)));
    }

    private static string ObjectPath(ResourceKind kind) =>
        $"/apis/{ApiGroup.Name}/{ApiGroup.Version}/namespaces/{{namespace}}/{kind.Plural}/{{name}}";

    private static string OperationId(ResourceKind kind) => $"patchGeneralbotsAiV1alpha1Namespaced{kind.Kind}";
}
