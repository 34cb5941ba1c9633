using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Patron.Platform.Bulk;

/// <summary>Table and columns of an entity type, read from the EF model so that bulk rows land exactly where EF puts them.</summary>
sealed record BulkTable<T>(string Name, string? Schema, IReadOnlyList<BulkColumn<T>> Columns) where T : class
{
    public string QuotedName(Func<string, string> quote) => Schema is null ? quote(Name) : $"{quote(Schema)}.{quote(Name)}";
}

/// <summary>Builds and caches <see cref="BulkTable{T}"/>s.</summary>
static class BulkTable
{
    // Reading the model and compiling its getters costs milliseconds: an import calls this several times a batch.
    // The model is built once per context type and shared, so the table is cached per model.
    static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, object>> Cache = new();

    public static BulkTable<T> For<T>(DbContext db) where T : class =>
        (BulkTable<T>)Cache.GetValue(db.Model, _ => new ConcurrentDictionary<Type, object>()).GetOrAdd(typeof(T), static (_, db) => Build<T>(db), db);

    static BulkTable<T> Build<T>(DbContext db) where T : class
    {
        var clrType = typeof(T);
        var entity = db.Model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not mapped in {db.GetType().Name}.");
        // Owned types, table splitting and inheritance would need rows spread over several tables or a discriminator.
        if (entity.IsOwned() || entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
            || entity.BaseType is not null || entity.GetDirectlyDerivedTypes().Any() || entity.GetComplexProperties().Any())
            throw new NotSupportedException($"Bulk insert handles plain entities only; {clrType.Name} is owned, owns others or is part of a hierarchy.");
        var name = entity.GetTableName()
            ?? throw new NotSupportedException($"{clrType.Name} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = new List<BulkColumn<T>>();
        foreach (var property in entity.GetProperties())
        {
            if (property.GetBeforeSaveBehavior() == PropertySaveBehavior.Ignore) continue;   // EF leaves it to the column default on insert: so do we
            if (property.IsShadowProperty())
                throw new NotSupportedException($"{clrType.Name}.{property.Name} is a shadow property; bulk insert reads values from the object.");
            columns.Add(BulkColumns.Create<T>(property.GetColumnName(table)!, property, (RelationalTypeMapping)property.GetTypeMapping()));
        }
        return new BulkTable<T>(name, entity.GetSchema(), columns);
    }
}
