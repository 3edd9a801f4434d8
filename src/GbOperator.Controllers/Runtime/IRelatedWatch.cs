namespace GbOperator.Controllers.Runtime;

/// <summary>An informer of another kind whose changes enqueue keys of the controller's own kind.</summary>
internal interface IRelatedWatch
{
    /// <summary>Name of the watched kind, for logs and health reports.</summary>
    string Kind { get; }

    /// <summary>Whether the informer has listed once.</summary>
    bool HasSynced { get; }

    /// <summary>List or watch errors in a row of the informer.</summary>
    int ConsecutiveFailures { get; }

    /// <summary>Lists and watches until <paramref name="cancellationToken"/> fires.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Waits until the informer has listed once.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
