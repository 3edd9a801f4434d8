namespace GbOperator.Storage;

/// <summary>The kind of change a <see cref="StoreEvent"/> reports.</summary>
public enum StoreEventType
{
    /// <summary>The key was created.</summary>
    Created,

    /// <summary>An existing key got a new value.</summary>
    Updated,

    /// <summary>The key was deleted.</summary>
    Deleted,
}

/// <summary>One change of one key, as a watch delivers it.</summary>
/// <param name="Type">Kind of change.</param>
/// <param name="Key">Full store key.</param>
/// <param name="Value">New value; for <see cref="StoreEventType.Deleted"/>, the value before the delete.</param>
/// <param name="Revision">Revision of the change (for a delete, the delete's revision).</param>
public sealed record StoreEvent(StoreEventType Type, string Key, ReadOnlyMemory<byte> Value, long Revision);
