namespace GbOperator.Infrastructure.Git;

/// <summary>A git command failed.</summary>
/// <param name="failure">What failed, which decides the status condition.</param>
/// <param name="message">The failure with git's own error output.</param>
public sealed class GitException(GitFailure failure, string message) : Exception(message)
{
    public GitFailure Failure { get; } = failure;
}
