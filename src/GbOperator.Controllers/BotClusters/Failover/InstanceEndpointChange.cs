namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>The endpoint changes made to one instance.</summary>
/// <param name="Instance">Instance name.</param>
/// <param name="Moves">Devices that were added, changed or removed.</param>
/// <param name="EnvWritten">Whether the .env file was rewritten.</param>
internal sealed record InstanceEndpointChange(string Instance, IReadOnlyList<DeviceMove> Moves, bool EnvWritten)
{
    public bool HasChanges => Moves.Count > 0 || EnvWritten;
}
