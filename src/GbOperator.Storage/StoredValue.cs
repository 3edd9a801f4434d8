namespace GbOperator.Storage;

/// <summary>A key's value as of its last write.</summary>
/// <param name="Key">Full store key.</param>
/// <param name="Value">Stored bytes, normally the object's JSON.</param>
/// <param name="ModRevision">Revision of the last write of this key.</param>
/// <param name="CreateRevision">Revision at which this key was created.</param>
public sealed record StoredValue(string Key, ReadOnlyMemory<byte> Value, long ModRevision, long CreateRevision);
