namespace GbOperator.Controllers.BotClusters.Failover;

/// <summary>Why the endpoints of a cluster cannot be resolved, as a condition reason and message.</summary>
internal sealed record EndpointProblem(string Reason, string Message);
