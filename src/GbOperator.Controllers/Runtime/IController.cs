namespace GbOperator.Controllers.Runtime;

/// <summary>A running controller: an informer, a work queue and workers that call a reconciler.</summary>
/// <remarks>
/// Create one with <see cref="ControllerFactory.Create{T}"/> and run it with <see cref="ControllerRunner"/>.
/// Dispose it after <see cref="StopAsync"/>.
/// </remarks>
public interface IController : IDisposable
{
    /// <summary>Name in logs and health reports.</summary>
    string Name { get; }

    /// <summary>Returns the current state for health reports.</summary>
    ControllerHealth GetHealth();

    /// <summary>Starts the informer, and the workers once the informer has synced; returns without waiting for the sync.</summary>
    /// <exception cref="InvalidOperationException">The controller was started before.</exception>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stops taking keys and waits for the passes in flight; when <paramref name="cancellationToken"/> fires
    /// first, cancels those passes and waits for them to return.
    /// </summary>
    Task StopAsync(CancellationToken cancellationToken);
}
