using System.Text.Json.Nodes;
using GbOperator.ApiServer.Http;

namespace GbOperator.ApiServer.FieldManagement;

/// <summary>Computes the new <c>metadata.managedFields</c> of a write from the stored object and the object to store.</summary>
/// <remarks>
/// Ownership follows Kubernetes server-side apply, keyed by manager, operation and subresource. An ordinary write
/// (operation <c>Update</c>) gives its manager every field it changed and takes those fields from every other entry,
/// without conflicts. An apply gives its manager exactly the fields of its configuration, and fails with a conflict
/// when it would change a field that a manager of another name owns, unless it is forced. Fields that no longer exist
/// leave every entry. Defaults that the server fills in belong to no manager.
/// </remarks>
internal static class FieldOwnership
{
    /// <summary>Returns the entries of a new object: the creator owns the fields it sent that were stored.</summary>
    public static List<ManagedFieldsEntry> RecordCreate(JsonObject sent, JsonObject stored, FieldOwner owner, string operation, string time)
    {
        var present = FieldSet.Leaves(stored).Keys.ToHashSet();
        var fields = FieldSet.Leaves(sent).Keys.Where(present.Contains).ToHashSet();
        return [new ManagedFieldsEntry(owner.Manager, operation, owner.Subresource, time, fields)];
    }

    /// <summary>Returns the entries after an ordinary write from <paramref name="old"/> to <paramref name="next"/>.</summary>
    public static List<ManagedFieldsEntry> RecordUpdate(JsonObject old, JsonObject next, FieldOwner owner, string time)
    {
        var entries = ManagedFields.Read(old);
        var changed = FieldSet.Changed(old, next);
        if (changed.Count == 0)
        {
            return entries;
        }

        var present = FieldSet.Leaves(next).Keys.ToHashSet();
        foreach (var entry in entries)
        {
            entry.Fields.RemoveWhere(field => changed.Contains(field) || !present.Contains(field));
        }

        var index = entries.FindIndex(entry => entry.IsSameOwner(owner.Manager, ManagedFieldsEntry.UpdateOperation, owner.Subresource));
        var fields = index < 0 ? [] : entries[index].Fields;
        fields.UnionWith(changed.Where(present.Contains));
        var updated = new ManagedFieldsEntry(owner.Manager, ManagedFieldsEntry.UpdateOperation, owner.Subresource, time, fields);
        if (index < 0)
        {
            entries.Add(updated);
        }
        else
        {
            entries[index] = updated;
        }

        return entries;
    }

    /// <summary>Returns the entries after an apply of <paramref name="applied"/> fields by <paramref name="manager"/>.</summary>
    /// <exception cref="ApiException">409 Conflict naming each conflicting field and its owner, when <paramref name="force"/> is off.</exception>
    public static List<ManagedFieldsEntry> RecordApply(
        JsonObject old, JsonObject next, IReadOnlySet<FieldPath> applied, string manager, bool force, string time)
    {
        var entries = ManagedFields.Read(old);
        var changed = FieldSet.Changed(old, next);
        var claimed = changed.Where(field => applied.Any(field.Overlaps)).ToHashSet();
        var conflicts = entries
            .Where(entry => entry.Manager != manager)
            .SelectMany(entry => entry.Fields.Where(claimed.Contains).Select(field => new FieldConflict(field, entry.Manager)))
            .Distinct()
            .ToList();
        if (conflicts.Count > 0 && !force)
        {
            throw ApplyConflicts.ToException(conflicts);
        }

        var present = FieldSet.Leaves(next).Keys.ToHashSet();
        var index = entries.FindIndex(entry => entry.IsSameOwner(manager, ManagedFieldsEntry.ApplyOperation, null));
        foreach (var entry in entries.Where((_, position) => position != index))
        {
            entry.Fields.RemoveWhere(field => claimed.Contains(field) || !present.Contains(field));
        }

        var fields = applied.Where(present.Contains).ToHashSet();
        var previous = index < 0 ? null : entries[index];
        var stamp = previous is not null && changed.Count == 0 && previous.Fields.SetEquals(fields) ? previous.Time : time;
        var applyEntry = new ManagedFieldsEntry(manager, ManagedFieldsEntry.ApplyOperation, null, stamp, fields);
        if (index < 0)
        {
            entries.Add(applyEntry);
        }
        else
        {
            entries[index] = applyEntry;
        }

        return entries;
    }
}
