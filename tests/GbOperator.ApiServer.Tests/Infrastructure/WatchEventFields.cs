using System.Text.Json.Nodes;

namespace GbOperator.ApiServer.Tests.Infrastructure;

/// <summary>Accessors of watch event fields.</summary>
public static class WatchEventFields
{
    public static string Type(this JsonObject change) => change["type"]!.GetValue<string>();

    public static string? ObjectName(this JsonObject change) => change["object"]?["metadata"]?["name"]?.GetValue<string>();
}
