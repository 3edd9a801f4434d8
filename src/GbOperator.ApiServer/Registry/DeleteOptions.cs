namespace GbOperator.ApiServer.Registry;

/// <summary>The parts of a Kubernetes <c>DeleteOptions</c> body the registry honours.</summary>
/// <param name="PreconditionUid">Delete only if the object's uid equals this.</param>
/// <param name="PreconditionResourceVersion">Delete only if the object's resourceVersion equals this.</param>
/// <param name="PropagationPolicy"><c>Background</c>, <c>Foreground</c> or <c>Orphan</c>; all behave as <c>Background</c>
/// because there are no dependents to collect.</param>
internal sealed record DeleteOptions(string? PreconditionUid, string? PreconditionResourceVersion, string? PropagationPolicy)
{
    public static DeleteOptions None { get; } = new(null, null, null);
}
