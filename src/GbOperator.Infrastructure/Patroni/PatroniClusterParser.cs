using System.Globalization;
using System.Text.Json;

namespace GbOperator.Infrastructure.Patroni;

/// <summary>Reads the JSON of Patroni's <c>GET /cluster</c>.</summary>
/// <remarks>
/// Patroni 3.0.2 reports <c>lag</c> as bytes or the string <c>unknown</c>, only on non-leaders, and omits
/// <c>timeline</c> for a member whose PostgreSQL is not running.
/// </remarks>
internal static class PatroniClusterParser
{
    public static PatroniCluster Parse(byte[] json, Uri source)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"The /cluster response of {source} has no 'members' array.");
        }

        return new PatroniCluster(members.EnumerateArray().Select(ParseMember).ToList(), source);
    }

    private static PatroniMember ParseMember(JsonElement member) => new(
        Name: ReadString(member, "name") ?? throw new FormatException("A member in the /cluster response has no 'name'."),
        Role: ReadString(member, "role") ?? "",
        State: ReadString(member, "state") ?? "",
        Host: ReadString(member, "host") ?? "",
        Port: member.TryGetProperty("port", out var port) && port.TryGetInt32(out int value) ? value : 0,
        ApiUrl: ReadString(member, "api_url") is { } apiUrl && Uri.TryCreate(apiUrl, UriKind.Absolute, out var uri)
            ? new Uri(uri.GetLeftPart(UriPartial.Authority))
            : null,
        Lag: ReadNumber(member, "lag"),
        Timeline: ReadNumber(member, "timeline"));

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? ReadNumber(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out long number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out long number) => number,
            _ => null,
        };
    }
}
