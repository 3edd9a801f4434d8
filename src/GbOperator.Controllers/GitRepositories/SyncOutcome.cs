namespace GbOperator.Controllers.GitRepositories;

/// <summary>What one sync of a repository's objects did.</summary>
/// <param name="Errors">One message per object that failed, each with its file and line; empty on success.</param>
/// <param name="PruneRejection">Why the prune was rejected, or <c>null</c>.</param>
/// <param name="Pruned">Objects deleted because their manifests left the folder.</param>
/// <param name="Repaired">Objects whose fields changed by hand were set back to the repository's values.</param>
internal sealed record SyncOutcome(IReadOnlyList<string> Errors, string? PruneRejection, int Pruned, int Repaired)
{
    public bool Succeeded => Errors.Count == 0 && PruneRejection is null;
}
