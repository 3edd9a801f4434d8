namespace GbOperator.Controllers.Runtime;

/// <summary>Receives the outcome of every reconcile pass, for monitoring.</summary>
/// <remarks>Implementations must be thread-safe and must not throw, because workers call them after every pass.</remarks>
public interface IControllerMetrics
{
    /// <summary>Records one finished pass.</summary>
    /// <param name="controller">Controller name, such as <c>botclusters</c>.</param>
    /// <param name="outcome">One of <see cref="ReconcileOutcome"/>'s values.</param>
    /// <param name="duration">Time the pass took.</param>
    void ReconcileFinished(string controller, string outcome, TimeSpan duration);
}
