namespace GbOperator.Controllers.Runtime;

/// <summary>A snapshot of one controller's state for health reports.</summary>
/// <param name="Name">Controller name.</param>
/// <param name="IsStarted">Whether the controller was started and not yet stopped.</param>
/// <param name="HasSynced">Whether its informer has listed once, so workers run.</param>
/// <param name="FaultedLoop">Name of a background loop that stopped on an unexpected exception, or <c>null</c>.</param>
/// <param name="ConsecutiveListFailures">List or watch errors in a row of its informer.</param>
/// <param name="QueueLength">Keys waiting in its work queue.</param>
/// <param name="Processing">Keys being reconciled now.</param>
public sealed record ControllerHealth(
    string Name,
    bool IsStarted,
    bool HasSynced,
    string? FaultedLoop,
    int ConsecutiveListFailures,
    int QueueLength,
    int Processing);
