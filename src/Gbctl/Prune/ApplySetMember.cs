using GbOperator.Resources;

namespace Gbctl.Prune;

/// <summary>One object of an apply set, identified by kind, namespace and name.</summary>
internal sealed record ApplySetMember(ResourceKind Kind, string Namespace, string Name);
