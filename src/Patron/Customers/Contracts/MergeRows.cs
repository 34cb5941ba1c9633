using Microsoft.EntityFrameworkCore;
using Patron.Customers.Merging;
using Patron.Platform;

namespace Patron.Customers.Contracts;

/// <summary>
/// The moves a merge participant makes, by entity type: every row of T whose CustomerId is the absorbed customer is
/// recorded and re-pointed with one UPDATE; a restore re-points exactly the recorded rows. Only the customer column
/// changes, so a restore leaves each row as it was. T needs a CustomerId property (Guid or Guid?).
/// </summary>
public sealed class MergeRows(PatronDb db)
{
    /// <param name="key">The row's key property; "CustomerId" for tables with one row per customer.</param>
    public Task<int> MoveAsync<T>(Guid absorbed, Guid survivor, Guid mergeId, string key = "Id", CancellationToken ct = default) where T : class =>
        MoveAsync(Owned<T>(absorbed), survivor, mergeId, key, ct);

    /// <summary>
    /// Moves the given rows, for a table whose customer column has no index of its own: pass a query that reaches
    /// them through one (order lines through their order), still filtered to the absorbed customer.
    /// </summary>
    public async Task<int> MoveAsync<T>(IQueryable<T> rows, Guid survivor, Guid mergeId, string key = "Id", CancellationToken ct = default) where T : class
    {
        var table = Table<T>();
        var ids = await rows.Select(r => EF.Property<Guid>(r, key)).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        db.AddRange(ids.Select(id => new MergeMove { Id = Ids.New(), MergeId = mergeId, TableName = table, RowId = id }));
        await db.SaveChangesAsync(ct);
        return await Repoint(rows, survivor, ct);
    }

    /// <summary>The absorbed customer's rows of T, for narrowing further before <see cref="MoveAsync{T}(IQueryable{T}, Guid, Guid, string, CancellationToken)"/>.</summary>
    public IQueryable<T> Of<T>(Guid customer) where T : class => Owned<T>(customer);

    public async Task<int> RestoreAsync<T>(Guid absorbed, Guid survivor, Guid mergeId, string key = "Id", CancellationToken ct = default) where T : class
    {
        var table = Table<T>();
        var moves = db.Set<MergeMove>().Where(m => m.MergeId == mergeId && m.TableName == table);
        // A row keyed by the customer was recorded under the absorbed id and now carries the survivor's.
        var rows = key == CustomerColumn
            ? (await moves.AnyAsync(ct) ? Owned<T>(survivor) : db.Set<T>().Where(_ => false))
            : db.Set<T>().Where(r => moves.Select(m => m.RowId).Contains(EF.Property<Guid>(r, key)));
        return await Repoint(rows, absorbed, ct);
    }

    const string CustomerColumn = "CustomerId";

    bool Nullable<T>() => db.Model.FindEntityType(typeof(T))!.FindProperty(CustomerColumn)!.ClrType == typeof(Guid?);

    string Table<T>() => db.Model.FindEntityType(typeof(T))!.GetTableName()!;

    IQueryable<T> Owned<T>(Guid customer) where T : class => Nullable<T>()
        ? db.Set<T>().Where(r => EF.Property<Guid?>(r, CustomerColumn) == customer)
        : db.Set<T>().Where(r => EF.Property<Guid>(r, CustomerColumn) == customer);

    Task<int> Repoint<T>(IQueryable<T> rows, Guid to, CancellationToken ct) where T : class => Nullable<T>()
        ? rows.ExecuteUpdateAsync(s => s.SetProperty(r => EF.Property<Guid?>(r, CustomerColumn), to), ct)
        : rows.ExecuteUpdateAsync(s => s.SetProperty(r => EF.Property<Guid>(r, CustomerColumn), to), ct);

    /// <summary>Whether the customer has any row of T (for participants that refuse a merge when both do).</summary>
    public Task<bool> HasAsync<T>(Guid customer, CancellationToken ct = default) where T : class => Owned<T>(customer).AnyAsync(ct);
}
