using System.Text.Json.Nodes;

namespace Gbctl.Apply;

/// <summary>What applying one object did, in the words apply prints.</summary>
internal enum ApplyAction
{
    Created,
    Configured,
    Unchanged,
}

/// <summary>The result of applying one object.</summary>
/// <param name="Action">Whether the object was created, changed or left alone.</param>
/// <param name="Live">The object before the apply, or <c>null</c> when it did not exist.</param>
/// <param name="Result">The object as the server returned it after the write (or the dry run), or the live object when unchanged.</param>
internal sealed record ApplyOutcome(ApplyAction Action, JsonObject? Live, JsonObject Result);
