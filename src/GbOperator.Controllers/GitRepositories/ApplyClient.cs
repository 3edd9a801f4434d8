using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GbOperator.Controllers.Runtime;
using GbOperator.Resources;

namespace GbOperator.Controllers.GitRepositories;

/// <summary>Server-side apply, labelled listing and deletion of objects of any served kind, as JSON.</summary>
internal sealed partial class ApplyClient(HttpClient httpClient)
{
    private const string GroupVersionPath = "/apis/" + ApiGroup.Name + "/" + ApiGroup.Version;

    /// <summary>Applies <paramref name="configuration"/> under <paramref name="fieldManager"/>, creating the object when it is missing.</summary>
    /// <returns>The object as stored.</returns>
    /// <exception cref="FieldConflictException">Other managers own fields the apply would change, and <paramref name="force"/> is off.</exception>
    /// <exception cref="ApiStatusException">The server rejected the apply for another reason.</exception>
    public async Task<JsonObject> ApplyAsync(
        ResourceKind kind, string @namespace, string name, JsonObject configuration, string fieldManager, bool force, CancellationToken cancellationToken)
    {
        var path = $"{ObjectPath(kind, @namespace, name)}?fieldManager={Uri.EscapeDataString(fieldManager)}{(force ? "&force=true" : string.Empty)}";
        using var content = new StringContent(configuration.ToJsonString());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/apply-patch+yaml");
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = content };
        using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return JsonNode.Parse(body)!.AsObject();
        }

        if (response.StatusCode == HttpStatusCode.Conflict && ReadConflicts(body) is { Count: > 0 } conflicts)
        {
            throw new FieldConflictException(conflicts, (string?)JsonNode.Parse(body)?["message"] ?? body);
        }

        throw ResourceJson.ToStatusException(response.StatusCode, body);
    }

    /// <summary>Returns the names of the objects of one kind and namespace that match <paramref name="labelSelector"/>.</summary>
    public async Task<IReadOnlyList<string>> ListNamesAsync(ResourceKind kind, string @namespace, string labelSelector, CancellationToken cancellationToken)
    {
        var path = $"{CollectionPath(kind, @namespace)}?labelSelector={Uri.EscapeDataString(labelSelector)}";
        using var response = await httpClient.GetAsync(path, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw ResourceJson.ToStatusException(response.StatusCode, body);
        }

        return (JsonNode.Parse(body)?["items"]?.AsArray() ?? [])
            .Select(item => (string?)item?["metadata"]?["name"])
            .OfType<string>()
            .ToList();
    }

    /// <summary>Deletes one object; returns <c>false</c> when it was already gone.</summary>
    public async Task<bool> DeleteAsync(ResourceKind kind, string @namespace, string name, CancellationToken cancellationToken)
    {
        using var response = await httpClient.DeleteAsync(ObjectPath(kind, @namespace, name), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw ResourceJson.ToStatusException(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }

        return true;
    }

    private static List<(string Field, string Manager)> ReadConflicts(string body)
    {
        var conflicts = new List<(string Field, string Manager)>();
        var causes = JsonNode.Parse(body)?["details"]?["causes"]?.AsArray() ?? [];
        foreach (var cause in causes)
        {
            if ((string?)cause?["reason"] != "FieldManagerConflict")
            {
                continue;
            }

            var match = ManagerPattern().Match((string?)cause?["message"] ?? string.Empty);
            conflicts.Add(((string?)cause?["field"] ?? string.Empty, match.Success ? match.Groups[1].Value : string.Empty));
        }

        return conflicts;
    }

    private static string CollectionPath(ResourceKind kind, string @namespace) =>
        $"{GroupVersionPath}/namespaces/{Uri.EscapeDataString(@namespace)}/{kind.Plural}";

    private static string ObjectPath(ResourceKind kind, string @namespace, string name) =>
        $"{CollectionPath(kind, @namespace)}/{Uri.EscapeDataString(name)}";

    [GeneratedRegex("conflict with \"([^\"]*)\"")]
    private static partial Regex ManagerPattern();
}
