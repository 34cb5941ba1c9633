using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Patron.Platform.Bulk;

/// <summary>One column of a bulk insert: how to read it from an entity and turn it into the provider's value.</summary>
sealed record BulkColumn(string Name, IProperty Property, RelationalTypeMapping Mapping)
{
    readonly IClrPropertyGetter getter = Property.GetGetter();
    readonly bool isKey = Property.IsPrimaryKey();

    /// <summary>The value as EF would send it: enums become strings, List&lt;string&gt; JSON on SQLite, and so on.</summary>
    public object ProviderValue(object entity)
    {
        var value = getter.GetClrValueUsingContainingEntity(entity);
        if (value is null) return DBNull.Value;
        // EF would generate a missing Guid key on SaveChanges; a bulk insert would store the empty Guid instead.
        if (isKey && value is Guid g && g == Guid.Empty)
            throw new InvalidOperationException($"{Property.DeclaringType.ClrType.Name}.{Property.Name} is empty: set ids before a bulk insert.");
        return Mapping.Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
    }
}

/// <summary>Table and columns of an entity type, read from the EF model so that bulk rows land exactly where EF puts them.</summary>
sealed record BulkTable(string Name, string? Schema, IReadOnlyList<BulkColumn> Columns)
{
    // Reading the model and building its getters compiled code every call: an import calls this several times a
    // batch. The model is built once per context type and shared, so the table is cached per model.
    static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, BulkTable>> Cache = new();

    public static BulkTable For(DbContext db, Type clrType) =>
        Cache.GetValue(db.Model, _ => new ConcurrentDictionary<Type, BulkTable>()).GetOrAdd(clrType, Build, db);

    static BulkTable Build(Type clrType, DbContext db)
    {
        var entity = db.Model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not mapped in {db.GetType().Name}.");
        // Owned types, table splitting and inheritance would need rows spread over several tables or a discriminator.
        if (entity.IsOwned() || entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
            || entity.BaseType is not null || entity.GetDirectlyDerivedTypes().Any() || entity.GetComplexProperties().Any())
            throw new NotSupportedException($"Bulk insert handles plain entities only; {clrType.Name} is owned, owns others or is part of a hierarchy.");
        var name = entity.GetTableName()
            ?? throw new NotSupportedException($"{clrType.Name} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = new List<BulkColumn>();
        foreach (var property in entity.GetProperties())
        {
            if (property.IsShadowProperty())
                throw new NotSupportedException($"{clrType.Name}.{property.Name} is a shadow property; bulk insert reads values from the object.");
            columns.Add(new BulkColumn(property.GetColumnName(table)!, property, (RelationalTypeMapping)property.GetTypeMapping()));
        }
        return new BulkTable(name, entity.GetSchema(), columns);
    }

    public string QuotedName(Func<string, string> quote) => Schema is null ? quote(Name) : $"{quote(Schema)}.{quote(Name)}";
}
