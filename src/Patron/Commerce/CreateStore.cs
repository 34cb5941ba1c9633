using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Commerce;

/// <param name="Code">The chain's own store code, unique; tills send it with their orders.</param>
/// <param name="OpenedOn">Today when omitted.</param>
public sealed record CreateStore(string? Code, string? Name, string? Province = null, string? City = null, string? District = null,
    string? Address = null, DateOnly? OpenedOn = null);

public sealed class CreateStoreHandler(PatronDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<WriteResult<StoreView>> HandleAsync(CreateStore request, Actor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var code = CatalogText.Code(request.Code, "code", errors);
        var name = CatalogText.Required(request.Name, 100, "name", errors);
        var store = new Store
        {
            Id = Ids.New(), Code = code, Name = name,
            Province = CatalogText.Optional(request.Province, 40, "province", errors),
            City = CatalogText.Optional(request.City, 40, "city", errors),
            District = CatalogText.Optional(request.District, 40, "district", errors),
            Address = CatalogText.Optional(request.Address, 200, "address", errors),
            OpenedOn = request.OpenedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        };
        await CheckCodeAsync(code, errors, ct);
        if (errors.Any) return WriteResult<StoreView>.Invalid(errors);

        db.Stores.Add(store);
        audit.Add(actor, AuditAction.Create, "store", detail: store.Code);
        if (!await UniqueSave.TrySaveAsync(db, errors, () => CheckCodeAsync(code, errors, ct), ct))
            return WriteResult<StoreView>.Invalid(errors);
        return WriteResult<StoreView>.Ok(new StoreView(store.Id, store.Code, store.Name, store.Province, store.City, store.District,
            store.Address, store.OpenedOn));
    }

    async Task CheckCodeAsync(string code, ValidationErrors errors, CancellationToken ct)
    {
        if (code.Length > 0 && await db.Stores.AnyAsync(s => s.Code == code, ct)) errors.Add("code", "Another store already has this code.");
    }
}

/// <summary>Catalogue text rules: codes and SKUs are compared exactly, so only trimmed; names have their white space collapsed.</summary>
static class CatalogText
{
    public static string Code(string? raw, string field, ValidationErrors errors)
    {
        var s = raw?.Trim() ?? "";
        if (s.Length == 0) errors.Add(field, "Required.");
        else if (s.Length > 32) errors.Add(field, "At most 32 characters.");
        else if (s.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) errors.Add(field, "Cannot contain spaces.");
        return s;
    }

    public static string Required(string? raw, int max, string field, ValidationErrors errors)
    {
        var s = Normalise.Text(raw) ?? "";
        if (s.Length == 0) errors.Add(field, "Required.");
        else if (s.Length > max) errors.Add(field, $"At most {max} characters.");
        return s;
    }

    public static string Optional(string? raw, int max, string field, ValidationErrors errors)
    {
        var s = Normalise.Text(raw) ?? "";
        if (s.Length > max) errors.Add(field, $"At most {max} characters.");
        return s;
    }
}
