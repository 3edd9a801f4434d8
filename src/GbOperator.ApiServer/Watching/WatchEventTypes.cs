namespace GbOperator.ApiServer.Watching;

/// <summary>The event types of the Kubernetes watch protocol.</summary>
internal static class WatchEventTypes
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";
}
