using GbOperator.Resources;

namespace GbOperator.Controllers.Runtime;

/// <summary>Moves the world toward the desired state of one object of a kind.</summary>
/// <remarks>
/// <para>
/// Reconcile is level-triggered: a pass gets the object as the informer's cache contains it now, re-reads
/// whatever else it needs, acts on the difference and writes status. It must be idempotent and must not
/// depend on anything an earlier pass or an earlier process kept in memory. The controller never runs
/// two passes for one key at once, but passes for different keys run in parallel on the workers.
/// </para>
/// <para>The controller chooses the method from the cached object:</para>
/// <list type="bullet">
/// <item><description><see cref="ReconcileAsync"/> when the object exists and has no <c>deletionTimestamp</c>;</description></item>
/// <item><description><see cref="FinalizeAsync"/> when it has a <c>deletionTimestamp</c>: clean up, then remove this controller's finalizer;</description></item>
/// <item><description><see cref="DeletedAsync"/> when it is gone from the cache. That call is best effort: it is skipped for an object deleted while no controller ran, so cleanup that must happen belongs in a finalizer.</description></item>
/// </list>
/// <para>The outcome of a pass decides what happens to the key:</para>
/// <list type="bullet">
/// <item><description><see cref="ReconcileResult.Done"/>: the retry count is reset and the key waits for the next change or resync.</description></item>
/// <item><description><see cref="ReconcileResult.RequeueAfter"/>: the retry count is reset and the key runs again after the delay.</description></item>
/// <item><description>An exception, or <see cref="ReconcileResult.Failure"/> that is not terminal: the key is retried after its exponential backoff, and each retry is logged at Warning with its attempt and delay. After <see cref="ControllerOptions.MaxRetries"/> retries the controller logs the give-up at Error and drops the key until the next change or resync.</description></item>
/// <item><description>A terminal <see cref="ReconcileResult.Failure"/>: logged at Error and not retried.</description></item>
/// <item><description>An <see cref="OperationCanceledException"/> after the token fired: the controller is stopping, and the key is left for the next start.</description></item>
/// </list>
/// </remarks>
/// <typeparam name="T">Resource type of the kind.</typeparam>
public interface IReconciler<in T>
    where T : Resource
{
    /// <summary>Makes the world match the object's spec and writes its status.</summary>
    /// <param name="resource">The cached object; shared with the cache, so copy it before changing it.</param>
    /// <param name="cancellationToken">Fires when the controller stops and can no longer wait for the pass.</param>
    Task<ReconcileResult> ReconcileAsync(T resource, CancellationToken cancellationToken);

    /// <summary>Cleans up an object that is being deleted, then removes this controller's finalizer from it.</summary>
    /// <param name="resource">The cached object, with <c>metadata.deletionTimestamp</c> set.</param>
    /// <param name="cancellationToken">Fires when the controller stops and can no longer wait for the pass.</param>
    /// <returns><see cref="ReconcileResult.Done"/> unless the reconciler overrides it.</returns>
    Task<ReconcileResult> FinalizeAsync(T resource, CancellationToken cancellationToken) =>
        Task.FromResult(ReconcileResult.Done());

    /// <summary>Reacts to an object that no longer exists.</summary>
    /// <param name="key">Namespace and name of the deleted object.</param>
    /// <param name="cancellationToken">Fires when the controller stops and can no longer wait for the pass.</param>
    /// <returns><see cref="ReconcileResult.Done"/> unless the reconciler overrides it.</returns>
    Task<ReconcileResult> DeletedAsync(ObjectKey key, CancellationToken cancellationToken) =>
        Task.FromResult(ReconcileResult.Done());
}
