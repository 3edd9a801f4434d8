namespace GbOperator.Infrastructure.Qdrant;

/// <summary>What ensuring one collection found or did.</summary>
/// <param name="Name">Collection name.</param>
/// <param name="Created">Whether this call created the collection.</param>
/// <param name="Actual">The collection's settings as Qdrant reports them after the call.</param>
public sealed record QdrantCollectionResult(string Name, bool Created, QdrantCollectionSettings Actual);
