namespace GbOperator.Controllers.Runtime;

/// <summary>Settings of one controller: its workers, retries, informer and work queue.</summary>
public sealed record ControllerOptions
{
    /// <summary>Name in logs and health reports, or <c>null</c> for the kind name.</summary>
    /// <value><c>null</c>.</value>
    public string? Name { get; init; }

    /// <summary>Number of reconcile passes that may run at once, each for a different key.</summary>
    /// <value>1, as controller-runtime's <c>MaxConcurrentReconciles</c>.</value>
    public int Workers { get; init; } = 1;

    /// <summary>Retries of a failing key before the controller gives up on it until the next change or resync.</summary>
    /// <value>15; with the default queue backoff the last retry waits about 80 seconds.</value>
    public int MaxRetries { get; init; } = 15;

    /// <summary>Settings of the informer that feeds the controller.</summary>
    public InformerOptions Informer { get; init; } = new();

    /// <summary>Settings of the work queue's backoff and rate limit.</summary>
    public WorkQueueOptions Queue { get; init; } = new();

    /// <summary>Checks every value and throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid one.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Workers, 1, nameof(Workers));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentNullException.ThrowIfNull(Informer);
        ArgumentNullException.ThrowIfNull(Queue);
        Informer.Validate();
        Queue.Validate();
    }
}
