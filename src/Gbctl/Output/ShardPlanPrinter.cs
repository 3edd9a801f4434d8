using System.Globalization;
using System.Text;
using GbOperator.Resources.ShardMaps;

namespace Gbctl.Output;

/// <summary>Formats a rebalancing plan as a table with one row per pair of shards.</summary>
internal static class ShardPlanPrinter
{
    private static readonly string[] Header = ["FROM", "TO", "TENANTS", "HASH KEYS", "RANGES", "REGIONS"];

    public static string Format(RebalancingPlan plan)
    {
        var text = new StringBuilder();
        if (plan.Moves.Count == 0)
        {
            text.AppendLine("No tenants, keys, ranges or regions move.");
        }
        else
        {
            var rows = new List<IReadOnlyList<string>> { Header };
            rows.AddRange(plan.Moves.Select(move => (IReadOnlyList<string>)
            [
                move.From,
                move.To,
                Join(move.Tenants),
                move.KeyShare is { } share ? share.ToString("P1", CultureInfo.InvariantCulture) : "-",
                Join(move.Ranges),
                Join(move.Regions),
            ]));
            text.Append(TextTable.Format(rows));
        }

        if (plan.Note is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Note: {plan.Note}.");
        }

        return text.ToString();
    }

    private static string Join(IReadOnlyList<string> values) => values.Count == 0 ? "-" : string.Join(",", values);
}
