namespace GbOperator.Controllers.Autoscaling;

/// <summary>Metrics of one ready instance at one check.</summary>
/// <param name="Name">LXD instance name.</param>
/// <param name="CpuPercent">CPU use in percent of <c>limits.cpu</c> from LXD since the previous check; <c>null</c> when not measured.</param>
/// <param name="Health">The <c>metrics</c> of its health response; <c>null</c> when the response could not be read.</param>
internal sealed record InstanceSample(string Name, double? CpuPercent, HealthReport? Health);
