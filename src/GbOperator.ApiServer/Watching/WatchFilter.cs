using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Watching;

/// <summary>Chooses which events a watcher receives, as kube-apiserver does for selectors on watch.</summary>
/// <remarks>
/// The predicate is evaluated against the old and the new state of an object: an object that stops
/// matching is sent as <c>DELETED</c>, one that starts matching as <c>ADDED</c>.
/// </remarks>
internal sealed class WatchFilter(Func<JsonObject, bool> matches)
{
    public static WatchFilter Everything { get; } = new(_ => true);

    /// <summary>Returns the event type to send, or <c>null</c> when the watcher does not see this change.</summary>
    public string? SelectType(WatchEvent change)
    {
        var matchesNow = matches(change.Object);
        if (change.Type != WatchEventTypes.Modified || change.PreviousObject is null)
        {
            return matchesNow ? change.Type : null;
        }

        var matchedBefore = matches(change.PreviousObject);
        return (matchedBefore, matchesNow) switch
        {
            (true, true) => WatchEventTypes.Modified,
            (false, true) => WatchEventTypes.Added,
            (true, false) => WatchEventTypes.Deleted,
            _ => null,
        };
    }
}
