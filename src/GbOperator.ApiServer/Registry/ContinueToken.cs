using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;

namespace GbOperator.ApiServer.Registry;

/// <summary>
/// The opaque <c>continue</c> value of a paged list: the snapshot revision and the last key returned,
/// as base64url JSON in the shape kube-apiserver uses (<c>{"v":"meta.k8s.io/v1","rv":…,"start":…}</c>).
/// </summary>
internal sealed record ContinueToken(long Revision, string StartAfterKey)
{
    private const string Version = "meta.k8s.io/v1";

    public string Encode()
    {
        var json = new JsonObject { ["v"] = Version, ["rv"] = Revision, ["start"] = StartAfterKey };
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    /// <summary>Decodes a token and checks that it continues a list under <paramref name="prefix"/>.</summary>
    /// <exception cref="ApiException">400 BadRequest when the token is malformed or belongs to another list.</exception>
    public static ContinueToken Decode(string token, string prefix)
    {
        try
        {
            var json = JsonNode.Parse(Base64Url.DecodeFromChars(token))?.AsObject();
            var version = json?["v"]?.GetValue<string>();
            var revision = json?["rv"]?.GetValue<long>() ?? 0;
            var start = json?["start"]?.GetValue<string>();
            if (version == Version && revision > 0 && start is not null && start.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new ContinueToken(revision, start);
            }
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
        {
            // Reported below as an invalid token.
        }

        throw StatusObjects.BadRequest("invalid continue token: it is malformed or belongs to a different list; start the list again without continue");
    }
}
