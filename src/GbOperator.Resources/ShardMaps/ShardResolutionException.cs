namespace GbOperator.Resources.ShardMaps;

/// <summary>Raised when a key cannot be resolved to a shard.</summary>
public sealed class ShardResolutionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ShardResolutionException(ShardResolutionError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with <see cref="ShardResolutionError.InvalidKey"/>.</summary>
    public ShardResolutionException()
        : this(ShardResolutionError.InvalidKey, "the key cannot be resolved")
    {
    }

    /// <summary>Creates the exception with <see cref="ShardResolutionError.InvalidKey"/>.</summary>
    public ShardResolutionException(string message)
        : this(ShardResolutionError.InvalidKey, message)
    {
    }

    /// <summary>Creates the exception with <see cref="ShardResolutionError.InvalidKey"/>.</summary>
    public ShardResolutionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = ShardResolutionError.InvalidKey;
    }

    /// <summary>What was wrong with the request.</summary>
    public ShardResolutionError Error { get; }
}
