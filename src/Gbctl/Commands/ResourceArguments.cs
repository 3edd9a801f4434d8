using Gbctl.Cli;
using GbOperator.Resources;

namespace Gbctl.Commands;

/// <summary>One kind and the names requested of it. No names means every object of the kind.</summary>
internal sealed record ResourceRequest(ResourceKind Kind, IReadOnlyList<string> Names);

/// <summary>
/// Parses kubectl's resource arguments: <c>KIND [NAME…]</c>, <c>KIND1,KIND2</c> or <c>KIND/NAME…</c>, where
/// <c>KIND</c> may also be the category <c>gb</c>, which selects every served kind.
/// </summary>
internal static class ResourceArguments
{
    /// <summary>Groups the arguments by kind, keeping the order the user gave.</summary>
    /// <exception cref="CliException">No kind is given, a kind is unknown, or the two forms are mixed.</exception>
    public static IReadOnlyList<ResourceRequest> Parse(IReadOnlyList<string> arguments, string verb)
    {
        if (arguments.Count == 0)
        {
            throw new CliException(
                $"you must specify the type of resource to {verb}, such as 'gbctl {verb} bc'. Known types: {KindResolver.KnownTypes()}.");
        }

        if (arguments[0].Contains('/', StringComparison.Ordinal))
        {
            return ParseSlashed(arguments);
        }

        var kinds = arguments[0]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(KindResolver.ResolveKindOrCategory)
            .Distinct()
            .ToList();
        var names = arguments.Skip(1).ToList();

        if (names.Any(n => n.Contains('/', StringComparison.Ordinal)))
        {
            throw new CliException(
                $"there is no need to specify a resource type as a separate argument when passing arguments in resource/name form: use 'gbctl {verb} {string.Join(' ', names)}'.");
        }

        if (kinds.Count == 0)
        {
            throw new CliException($"you must specify the type of resource to {verb}. Known types: {KindResolver.KnownTypes()}.");
        }

        return kinds.Select(k => new ResourceRequest(k, names)).ToList();
    }

    private static List<ResourceRequest> ParseSlashed(IReadOnlyList<string> arguments)
    {
        var requests = new List<(ResourceKind Kind, List<string> Names)>();
        foreach (var argument in arguments)
        {
            var slash = argument.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == argument.Length - 1)
            {
                throw new CliException(
                    $"arguments in resource/name form must have a single resource and name, but \"{argument}\" does not. Use for example bc/web.");
            }

            var kind = KindResolver.Resolve(argument[..slash]);
            var name = argument[(slash + 1)..];
            var existing = requests.FindIndex(r => r.Kind == kind);
            if (existing < 0)
            {
                requests.Add((kind, [name]));
            }
            else
            {
                requests[existing].Names.Add(name);
            }
        }

        return requests.Select(r => new ResourceRequest(r.Kind, r.Names)).ToList();
    }
}
