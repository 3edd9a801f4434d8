using GbOperator.ApiServer.Selectors;

namespace GbOperator.ApiServer.Registry;

/// <summary>The options of a LIST request.</summary>
/// <param name="Limit">Maximum number of items, 0 for all.</param>
/// <param name="Continue">Continue token of the previous page, or <c>null</c>.</param>
/// <param name="ExactRevision">Revision to read at when <c>resourceVersionMatch=Exact</c>, or 0 for the current one.</param>
internal sealed record ListQuery(LabelSelector Labels, FieldSelector Fields, int Limit, string? Continue, long ExactRevision);
