namespace GbOperator.Resources.ShardMaps;

/// <summary>Computes which tenants, hash keys, ranges and regions move between shards when a shard map changes. Pure: it does no I/O.</summary>
public static class RebalancingPlanner
{
    /// <summary>Returns the moves from <paramref name="current"/> to <paramref name="desired"/>; both must have passed validation.</summary>
    public static RebalancingPlan Plan(ShardMapSpec current, ShardMapSpec desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        var moves = new MoveTable();

        AddTenantMoves(current, desired, moves);
        string? note = null;
        if (current.Strategy != desired.Strategy)
        {
            note = $"the strategy changes from {current.Strategy} to {desired.Strategy}, so any key may move to another shard";
        }
        else if (current.Strategy == ShardingStrategy.Hash)
        {
            foreach (var ((from, to), share) in HashKeyMoves.Shares(current, desired))
            {
                moves.For(from, to).KeyShare += share;
            }
        }
        else if (current.Strategy == ShardingStrategy.Range)
        {
            foreach (var (from, to, range) in RangeKeyMoves.Segments(current.Range.EffectiveRanges(), desired.Range.EffectiveRanges()))
            {
                moves.For(from, to).Ranges.Add(range);
            }
        }
        else if (current.Strategy == ShardingStrategy.Geo)
        {
            AddRegionMoves(current.Geo, desired.Geo, moves);
        }

        return new RebalancingPlan { Moves = moves.ToList(), Note = note };
    }

    private static void AddTenantMoves(ShardMapSpec current, ShardMapSpec desired, MoveTable moves)
    {
        var before = current.Tenants.ToDictionary(tenant => tenant.Name, tenant => TenantDatabase.ShardOf(current, tenant), StringComparer.Ordinal);
        foreach (var tenant in desired.Tenants.OrderBy(tenant => tenant.Name, StringComparer.Ordinal))
        {
            var after = TenantDatabase.ShardOf(desired, tenant);
            if (before.TryGetValue(tenant.Name, out var from) && from != after)
            {
                moves.For(from, after).Tenants.Add(tenant.Name);
            }
        }
    }

    private static void AddRegionMoves(GeoSharding current, GeoSharding desired, MoveTable moves)
    {
        var regions = current.Regions.Keys.Union(desired.Regions.Keys).Order(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var from = current.Regions.GetValueOrDefault(region) ?? current.DefaultShard;
            var to = desired.Regions.GetValueOrDefault(region) ?? desired.DefaultShard;
            if (from is not null && to is not null && from != to)
            {
                moves.For(from, to).Regions.Add(region);
            }
        }

        if (current.DefaultShard is { } oldDefault && desired.DefaultShard is { } newDefault && oldDefault != newDefault)
        {
            moves.For(oldDefault, newDefault).Regions.Add("*");
        }
    }

    /// <summary>The moves being collected, one per pair of shards.</summary>
    private sealed class MoveTable
    {
        private readonly SortedDictionary<(string From, string To), MoveBuilder> _moves = new();

        public MoveBuilder For(string from, string to)
        {
            if (!_moves.TryGetValue((from, to), out var builder))
            {
                builder = new MoveBuilder();
                _moves[(from, to)] = builder;
            }

            return builder;
        }

        public List<ShardMove> ToList() => _moves.Select(pair => new ShardMove
        {
            From = pair.Key.From,
            To = pair.Key.To,
            Tenants = pair.Value.Tenants,
            KeyShare = pair.Value.KeyShare is 0 ? null : Math.Round(pair.Value.KeyShare, 4),
            Ranges = pair.Value.Ranges,
            Regions = pair.Value.Regions,
        }).ToList();
    }

    private sealed class MoveBuilder
    {
        public List<string> Tenants { get; } = [];

        public double KeyShare { get; set; }

        public List<string> Ranges { get; } = [];

        public List<string> Regions { get; } = [];
    }
}
