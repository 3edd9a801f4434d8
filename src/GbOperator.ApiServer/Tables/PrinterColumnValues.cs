using System.Text.Json.Nodes;
using GbOperator.Resources;
using GbOperator.Resources.JsonPaths;

namespace GbOperator.ApiServer.Tables;

/// <summary>Reads the value of a printer column from an object with the JSONPath evaluator gbctl also uses.</summary>
internal static class PrinterColumnValues
{
    /// <summary>Returns the first value the column's JSONPath selects, or <c>null</c> when it selects nothing.</summary>
    public static JsonNode? Read(JsonObject json, PrinterColumn column)
    {
        var values = JsonPathExpression.Select(json, column.JsonPath);
        return values.Count > 0 ? values[0] : null;
    }
}
