using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Commerce;

/// <param name="ParentId">The parent category; a root when omitted.</param>
public sealed record CreateCategory(string? Code, string? Name, Guid? ParentId = null);

/// <summary>Products need a category, so an integration that builds its catalogue over the API needs this too.</summary>
public sealed class CreateCategoryHandler(PatronDb db, AuditLog audit)
{
    public async Task<WriteResult<CategoryView>> HandleAsync(CreateCategory request, Actor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var code = CatalogText.Code(request.Code, "code", errors);
        var name = CatalogText.Required(request.Name, 100, "name", errors);
        if (request.ParentId is { } parent && !await db.Categories.AnyAsync(c => c.Id == parent, ct))
            errors.Add("parentId", "No category has this id.");
        await CheckCodeAsync(code, errors, ct);
        if (errors.Any) return WriteResult<CategoryView>.Invalid(errors);

        var category = new Category { Id = Ids.New(), Code = code, Name = name, ParentId = request.ParentId };
        db.Categories.Add(category);
        audit.Add(actor, AuditAction.Create, "category", detail: code);
        if (!await UniqueSave.TrySaveAsync(db, errors, () => CheckCodeAsync(code, errors, ct), ct))
            return WriteResult<CategoryView>.Invalid(errors);
        return WriteResult<CategoryView>.Ok(new CategoryView(category.Id, code, name, category.ParentId));
    }

    async Task CheckCodeAsync(string code, ValidationErrors errors, CancellationToken ct)
    {
        if (code.Length > 0 && await db.Categories.AnyAsync(c => c.Code == code, ct)) errors.Add("code", "Another category already has this code.");
    }
}
