namespace GbOperator.Controllers.Events;

/// <summary>Identity of a repeated event: the involved object, type, reason and message.</summary>
internal sealed record EventKey(string Namespace, string Kind, string Name, string Uid, string Type, string Reason, string Message);
