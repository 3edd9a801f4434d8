using Gbctl.Api;

namespace Gbctl.Apply;

/// <summary>The server rejected the create or patch of one applied object.</summary>
/// <param name="operation">What was being done, as kubectl words it: <c>creating</c> or <c>patching</c>.</param>
internal sealed class ApplyException(string operation, ApiException inner) : Exception(inner.Message, inner)
{
    public string Operation { get; } = operation;

    public ApiException ServerError { get; } = inner;
}
