namespace GbOperator.Controllers.Runtime;

/// <summary>Typed access to one kind on the API server, as a controller uses it.</summary>
/// <remarks>
/// Every method raises <see cref="ApiStatusException"/> for a failure the server reports as a Status
/// (404, 409, 410, 422, …) and <see cref="HttpRequestException"/> when the server cannot be reached.
/// </remarks>
/// <typeparam name="T">Resource type of the kind.</typeparam>
public interface IResourceClient<T>
    where T : class
{
    /// <summary>Lists the objects of one namespace, or of all namespaces when <paramref name="namespace"/> is <c>null</c>.</summary>
    /// <returns>The objects and the list's resourceVersion, to start a watch from.</returns>
    Task<ResourceList<T>> ListAsync(string? @namespace, CancellationToken cancellationToken);

    /// <summary>
    /// Streams every change after <paramref name="resourceVersion"/> in one namespace, or in all namespaces
    /// when <paramref name="namespace"/> is <c>null</c>.
    /// </summary>
    /// <remarks>
    /// The sequence ends when the server closes the stream. An <c>ERROR</c> event is raised as
    /// <see cref="ApiStatusException"/>; with <see cref="ApiStatusException.IsGone"/> set, the revision is
    /// older than the server's history and the caller must list again.
    /// </remarks>
    /// <param name="namespace">Namespace to watch, or <c>null</c> for all namespaces.</param>
    /// <param name="resourceVersion">Revision after which changes are delivered, normally a list's resourceVersion.</param>
    /// <param name="timeout">Time after which the server ends the stream, or <c>null</c> for the server's default.</param>
    /// <param name="cancellationToken">Ends the stream from the client side.</param>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(string? @namespace, string resourceVersion, TimeSpan? timeout, CancellationToken cancellationToken);

    /// <summary>Reads one object.</summary>
    /// <returns>The object, or <c>null</c> when it does not exist.</returns>
    Task<T?> GetAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Creates an object in the namespace of its metadata.</summary>
    /// <returns>The object as stored, with uid, resourceVersion and defaults.</returns>
    Task<T> CreateAsync(T resource, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces metadata and spec of an object; fails with a Conflict when its <c>metadata.resourceVersion</c>
    /// is no longer current.
    /// </summary>
    /// <returns>The object as stored.</returns>
    Task<T> UpdateAsync(T resource, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the status of an object through the status subresource; fails with a Conflict when its
    /// <c>metadata.resourceVersion</c> is no longer current.
    /// </summary>
    /// <returns>The object as stored.</returns>
    Task<T> UpdateStatusAsync(T resource, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a JSON merge patch (RFC 7386) to an object. A patch that sets <c>metadata.resourceVersion</c> fails with a
    /// Conflict when the object has changed since.
    /// </summary>
    /// <param name="namespace">Namespace of the object.</param>
    /// <param name="name">Name of the object.</param>
    /// <param name="patch">The merge patch as JSON, such as <c>{"spec":{"replicas":3}}</c>.</param>
    /// <param name="fieldManager">Name of the writer that the server records as the owner of the patched fields, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The object as stored.</returns>
    Task<T> MergePatchAsync(string @namespace, string name, string patch, string? fieldManager, CancellationToken cancellationToken);

    /// <summary>Deletes an object, or sets its deletionTimestamp when it has finalizers.</summary>
    /// <returns><c>true</c> when the object existed.</returns>
    Task<bool> DeleteAsync(string @namespace, string name, CancellationToken cancellationToken);
}
