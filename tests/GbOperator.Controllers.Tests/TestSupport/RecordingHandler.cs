using GbOperator.Controllers.Runtime;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>An event handler that records each call as <c>add|update|delete namespace/name@resourceVersion</c>.</summary>
internal sealed class RecordingHandler : IResourceEventHandler<Widget>
{
    private readonly Lock _lock = new();
    private readonly List<string> _events = [];
    private readonly List<(Widget Old, Widget New)> _updates = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<(Widget Old, Widget New)> Updates
    {
        get
        {
            lock (_lock)
            {
                return [.. _updates];
            }
        }
    }

    public void OnAdd(Widget resource) => Record("add", resource);

    public void OnUpdate(Widget oldResource, Widget newResource)
    {
        lock (_lock)
        {
            _updates.Add((oldResource, newResource));
        }

        Record("update", newResource);
    }

    public void OnDelete(Widget lastKnown) => Record("delete", lastKnown);

    private void Record(string type, Widget widget)
    {
        lock (_lock)
        {
            _events.Add($"{type} {ObjectKey.From(widget)}@{widget.Metadata.ResourceVersion}");
        }
    }
}
