namespace GbOperator.Resources;

/// <summary>
/// A column of table output, shared by the API server's <c>as=Table</c>, <c>gbctl get</c> and the CRDs'
/// <c>additionalPrinterColumns</c>.
/// </summary>
/// <param name="Name">Column header.</param>
/// <param name="Type">OpenAPI type: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>date</c>.</param>
/// <param name="JsonPath">Simple JSONPath into the object, such as <c>.spec.replicas</c> or
/// <c>.status.conditions[?(@.type=="Ready")].status</c>.</param>
/// <param name="Priority">0 for default output, 1 for <c>-o wide</c> only.</param>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, int Priority = 0);
