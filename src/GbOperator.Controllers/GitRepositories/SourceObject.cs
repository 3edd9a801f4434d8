using System.Text.Json.Nodes;
using GbOperator.Resources;

namespace GbOperator.Controllers.GitRepositories;

/// <summary>One valid object read from a repository folder.</summary>
/// <param name="Kind">The served kind.</param>
/// <param name="Namespace">Its namespace: its own, else the GitRepository's.</param>
/// <param name="Name">Its name.</param>
/// <param name="Object">The document, with <c>metadata.namespace</c> set.</param>
/// <param name="Location">File and line of the document, such as <c>clusters/web.yaml:1</c>.</param>
internal sealed record SourceObject(ResourceKind Kind, string Namespace, string Name, JsonObject Object, string Location);
