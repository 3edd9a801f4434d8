namespace GbOperator.Infrastructure.Git;

/// <summary>The kinds of git failures that callers report differently.</summary>
public enum GitFailure
{
    /// <summary>The repository could not be reached or read.</summary>
    FetchFailed,

    /// <summary>The repository was read, but it has no such branch.</summary>
    BranchNotFound,

    /// <summary>A local operation on the cache failed, such as a checkout.</summary>
    CheckoutFailed,
}
