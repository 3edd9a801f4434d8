using System.Diagnostics.CodeAnalysis;

namespace GbOperator.Controllers.Runtime;

/// <summary>The action a reconcile pass requests from the controller next with its key.</summary>
/// <remarks>Create one with <see cref="Done"/>, <see cref="RequeueAfter"/> or <see cref="Failure"/>; <see cref="IReconciler{T}"/> states what each one means.</remarks>
public sealed record ReconcileResult
{
    private static readonly ReconcileResult DoneResult = new(null, null, false);

    private ReconcileResult(TimeSpan? requeueDelay, string? error, bool isTerminal)
    {
        RequeueDelay = requeueDelay;
        Error = error;
        IsTerminal = isTerminal;
    }

    /// <summary>Delay after which the key is reconciled again, or <c>null</c> when none was requested.</summary>
    public TimeSpan? RequeueDelay { get; }

    /// <summary>Why the pass failed, or <c>null</c> when it did not.</summary>
    public string? Error { get; }

    /// <summary>Whether the failure cannot be fixed by retrying, so the key is not retried.</summary>
    public bool IsTerminal { get; }

    /// <summary>Whether the pass failed; <see cref="Error"/> is then set.</summary>
    [MemberNotNullWhen(true, nameof(Error))]
    public bool IsFailure => Error is not null;

    /// <summary>Whether the pass asked to run again after a delay; <see cref="RequeueDelay"/> is then set.</summary>
    [MemberNotNullWhen(true, nameof(RequeueDelay))]
    public bool IsRequeue => RequeueDelay is not null;

    /// <summary>Returns the result of a pass that converged: nothing more to do until the object changes or a resync.</summary>
    public static ReconcileResult Done() => DoneResult;

    /// <summary>Returns the result of a pass that succeeded but must run again after <paramref name="delay"/>, such as to poll a starting container.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public static ReconcileResult RequeueAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new ReconcileResult(delay, null, false);
    }

    /// <summary>Returns the result of a failed pass.</summary>
    /// <param name="error">What failed, on which value, and what would fix it.</param>
    /// <param name="terminal"><c>true</c> when retrying cannot help (an invalid spec), so the key is dropped until the object changes.</param>
    public static ReconcileResult Failure(string error, bool terminal = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new ReconcileResult(null, error, terminal);
    }
}
