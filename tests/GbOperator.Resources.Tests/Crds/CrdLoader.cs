using System.Text.Json.Nodes;

namespace GbOperator.Resources.Tests.Crds;

/// <summary>Reads the CRD files of crds/.</summary>
internal static class CrdLoader
{
    public static JsonObject Load(ResourceKind kind)
    {
        var path = RepositoryFiles.CrdPath(kind);
        var documents = ManifestReader.Read(File.ReadAllText(path), path);
        documents.Should().ContainSingle($"{path} holds one CustomResourceDefinition");
        return documents[0].Object;
    }

    public static JsonObject Version(JsonObject crd) => crd["spec"]!["versions"]!.AsArray().Single()!.AsObject();

    public static JsonObject Schema(JsonObject crd) => Version(crd)["schema"]!["openAPIV3Schema"]!.AsObject();
}
