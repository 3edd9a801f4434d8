using System.Text.Json.Serialization;

namespace GbOperator.Infrastructure.Lxd;

/// <summary>An LXD instance as <c>GET /1.0/instances/{name}</c> or a recursive list returns it.</summary>
public sealed record LxdInstance
{
    /// <summary>Instance name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Status text, such as <c>Running</c> or <c>Stopped</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    /// <summary>Status code: 101 Started, 102 Stopped, 103 Running, 110 Frozen, 112 Error.</summary>
    [JsonPropertyName("status_code")]
    public int StatusCode { get; init; }

    /// <summary>LXD project of the instance.</summary>
    [JsonPropertyName("project")]
    public string Project { get; init; } = string.Empty;

    /// <summary>The instance's own config keys (limits, <c>user.*</c>, and LXD's <c>volatile.*</c> keys, which are not ours to write).</summary>
    [JsonPropertyName("config")]
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>The instance's own devices by name, each a map of device keys such as <c>type</c>, <c>listen</c>, <c>connect</c>.</summary>
    [JsonPropertyName("devices")]
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Devices { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Profiles applied to the instance, in order.</summary>
    [JsonPropertyName("profiles")]
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>Creation time.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Live state; present only in a list with recursion 2 or from <see cref="ILxdClient.GetInstanceStateAsync"/>.</summary>
    [JsonPropertyName("state")]
    public LxdInstanceState? State { get; init; }

    /// <summary>ETag of the instance's configuration, set by <see cref="ILxdClient.GetInstanceAsync"/> only.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }

    /// <summary>Whether LXD reports the instance as running.</summary>
    [JsonIgnore]
    public bool IsRunning => StatusCode == LxdStatusCodes.Running;
}
