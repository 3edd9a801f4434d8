using System.Globalization;
using GbOperator.Controllers.Runtime;

namespace GbOperator.Controllers.Tests.TestSupport;

/// <summary>
/// An <see cref="IResourceClient{T}"/> of <see cref="Widget"/> whose list returns the objects the test
/// stored, whose list failures the test queues, and whose watches the test drives event by event.
/// </summary>
internal sealed class ScriptedResourceClient : IResourceClient<Widget>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ObjectKey, Widget> _objects = [];
    private readonly Queue<Exception> _listFailures = new();
    private readonly List<ScriptedWatch> _watches = [];
    private long _revision;
    private int _listCount;

    public int ListCount
    {
        get
        {
            lock (_lock)
            {
                return _listCount;
            }
        }
    }

    public IReadOnlyList<ScriptedWatch> Watches
    {
        get
        {
            lock (_lock)
            {
                return [.. _watches];
            }
        }
    }

    public ScriptedWatch LastWatch => Watches[^1];

    /// <summary>Stores a widget at the next revision, as a write on the server would, and returns it.</summary>
    public Widget Store(string @namespace, string name, long generation = 1)
    {
        lock (_lock)
        {
            _revision++;
            var widget = Widget.Create(@namespace, name, _revision.ToString(CultureInfo.InvariantCulture), generation);
            _objects[new ObjectKey(@namespace, name)] = widget;
            return widget;
        }
    }

    /// <summary>Removes a widget from the server state and returns its last state with the delete's revision.</summary>
    public Widget Remove(string @namespace, string name)
    {
        lock (_lock)
        {
            _revision++;
            _objects.Remove(new ObjectKey(@namespace, name), out var removed);
            return Widget.Create(@namespace, name, _revision.ToString(CultureInfo.InvariantCulture), removed?.Metadata.Generation ?? 1);
        }
    }

    /// <summary>Makes the next list fail with <paramref name="exception"/>.</summary>
    public void FailNextList(Exception exception)
    {
        lock (_lock)
        {
            _listFailures.Enqueue(exception);
        }
    }

    public Task<ResourceList<Widget>> ListAsync(string? @namespace, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _listCount++;
            if (_listFailures.TryDequeue(out var failure))
            {
                return Task.FromException<ResourceList<Widget>>(failure);
            }

            var items = _objects.Values.Where(widget => @namespace is null || widget.Metadata.NamespaceProperty == @namespace).ToList();
            return Task.FromResult(new ResourceList<Widget>(items, _revision.ToString(CultureInfo.InvariantCulture)));
        }
    }

    public IAsyncEnumerable<WatchEvent<Widget>> WatchAsync(string? @namespace, string resourceVersion, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var watch = new ScriptedWatch(resourceVersion, timeout);
        lock (_lock)
        {
            _watches.Add(watch);
        }

        return watch.ReadAsync(cancellationToken);
    }

    public Task<Widget?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_objects.GetValueOrDefault(new ObjectKey(@namespace, name)));
        }
    }

    public Task<Widget> CreateAsync(Widget resource, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The scripted client serves list and watch only.");

    public Task<Widget> UpdateAsync(Widget resource, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The scripted client serves list and watch only.");

    public Task<Widget> UpdateStatusAsync(Widget resource, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The scripted client serves list and watch only.");

    public Task<Widget> MergePatchAsync(string @namespace, string name, string patch, string? fieldManager, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The scripted client serves list and watch only.");

    public Task<bool> DeleteAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The scripted client serves list and watch only.");
}
