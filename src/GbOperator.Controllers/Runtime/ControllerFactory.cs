using GbOperator.Resources;
using Microsoft.Extensions.Logging;

namespace GbOperator.Controllers.Runtime;

/// <summary>Creates controllers for <see cref="ControllerRunner"/>.</summary>
public static class ControllerFactory
{
    /// <summary>Creates a controller that runs <paramref name="reconciler"/> on the objects <paramref name="client"/> reads.</summary>
    /// <param name="client">Access to the kind on the API server.</param>
    /// <param name="reconciler">Reconciler of the kind.</param>
    /// <param name="options">Settings, validated here; <c>null</c> for the defaults.</param>
    /// <param name="loggerFactory">Source of the controller's and informer's loggers.</param>
    /// <param name="timeProvider">Clock of every delay, timer and backoff; <c>null</c> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="random">Source of backoff jitter; <c>null</c> for a new <see cref="Random"/>.</param>
    /// <param name="metrics">Receiver of every pass's outcome and duration; <c>null</c> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IController<T> Create<T>(
        IResourceClient<T> client,
        IReconciler<T> reconciler,
        ControllerOptions? options,
        ILoggerFactory loggerFactory,
        TimeProvider? timeProvider = null,
        Random? random = null,
        IControllerMetrics? metrics = null)
        where T : Resource =>
        new Controller<T>(
            client,
            reconciler,
            options ?? new ControllerOptions(),
            timeProvider ?? TimeProvider.System,
            random ?? new Random(),
            loggerFactory,
            metrics);
}
