using System.Text.Json.Nodes;
using GbOperator.Resources;

namespace GbOperator.ApiServer.Tables;

/// <summary>Reads the value of a printer column from an object.</summary>
internal static class PrinterColumnValues
{
    // TODO: evaluate column.JsonPath with the JSONPath evaluator of GbOperator.Resources once it is available.
    public static JsonNode? Read(JsonObject json, PrinterColumn column) => null;
}
