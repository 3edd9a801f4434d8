namespace GbOperator.Infrastructure.Lxd;

/// <summary>What <see cref="ILxdClient.CreateInstanceAsync"/> creates: a container from a local image alias.</summary>
public sealed record LxdInstanceSpec
{
    /// <summary>Instance name: 1-63 letters, digits and hyphens, not starting with a digit or hyphen, not ending with a hyphen.</summary>
    public required string Name { get; init; }

    /// <summary>Alias of an image in the project's image store, such as <c>botserver-standin</c>.</summary>
    public required string ImageAlias { get; init; }

    /// <summary>Config keys such as <c>limits.cpu</c>, <c>limits.memory</c> and <c>user.*</c>; every value is a string.</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>Devices by name; build proxy devices with <see cref="LxdDevices.Proxy"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Devices { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Profiles to apply.</summary>
    /// <value>The <c>default</c> profile, which contains the root disk.</value>
    public IReadOnlyList<string> Profiles { get; init; } = ["default"];
}
