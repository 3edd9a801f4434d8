using System.Text.Json;
using System.Text.Json.Serialization;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>JSON settings for LXD request and response bodies.</summary>
internal static class LxdJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
