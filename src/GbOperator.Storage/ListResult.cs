namespace GbOperator.Storage;

/// <summary>The items of a list and the snapshot revision they were read at.</summary>
/// <param name="Items">Items in key order.</param>
/// <param name="Revision">Store revision of the snapshot; a watch from it misses nothing.</param>
/// <param name="HasMore">Whether <c>limit</c> cut the list; continue after the last item's key.</param>
public sealed record ListResult(IReadOnlyList<StoredValue> Items, long Revision, bool HasMore);
