namespace GbOperator.Controllers.GitRepositories;

/// <summary>A server-side apply failed because other field managers own fields it would change.</summary>
/// <param name="conflicts">Each conflicting field, such as <c>.spec.replicas</c>, with the manager that owns it.</param>
/// <param name="message">The server's message.</param>
internal sealed class FieldConflictException(IReadOnlyList<(string Field, string Manager)> conflicts, string message) : Exception(message)
{
    public IReadOnlyList<(string Field, string Manager)> Conflicts { get; } = conflicts;
}
