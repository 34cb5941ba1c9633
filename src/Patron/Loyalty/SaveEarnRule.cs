using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <param name="MultiplierPercent">200 earns double, 0 excludes the product or category from earning.</param>
public sealed record SaveEarnRule(string? Name, Guid? ProductId, Guid? CategoryId, int MultiplierPercent);

public sealed record EarnRuleView(Guid Id, string Name, Guid? ProductId, Guid? CategoryId, int MultiplierPercent);

/// <summary>Sets the multiplier of a product or a category: one rule per target, so saving again replaces it. Audited.</summary>
public sealed class SaveEarnRuleHandler(PatronDb db, AuditLog audit)
{
    public async Task<WriteResult<EarnRuleView>> HandleAsync(SaveEarnRule request, Actor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) errors.Add("name", "Required, at most 100 characters.");
        if ((request.ProductId is null) == (request.CategoryId is null)) errors.Add("productId", "Give a product or a category, not both.");
        if (request.MultiplierPercent is < 0 or > 10_000) errors.Add("multiplierPercent", "Between 0 (excluded) and 10000 (×100).");
        if (errors.Any) return WriteResult<EarnRuleView>.Invalid(errors);

        var rule = await db.Set<EarnRule>().FirstOrDefaultAsync(r => request.ProductId != null ? r.ProductId == request.ProductId : r.CategoryId == request.CategoryId, ct);
        if (rule is null) db.Add(rule = new EarnRule { Id = Ids.New(), ProductId = request.ProductId, CategoryId = request.CategoryId });
        rule.Name = name;
        rule.MultiplierPercent = request.MultiplierPercent;
        audit.Add(actor, AuditAction.Update, $"loyalty_earn_rule:{rule.Id}", detail: $"{name}: {request.MultiplierPercent}%");
        if (!await UniqueSave.TrySaveAsync(db, errors, () => { errors.Add("productId", "Another rule for this target was saved at the same moment; try again."); return Task.CompletedTask; }, ct))
            return WriteResult<EarnRuleView>.Invalid(errors);
        return WriteResult<EarnRuleView>.Ok(new EarnRuleView(rule.Id, rule.Name, rule.ProductId, rule.CategoryId, rule.MultiplierPercent));
    }

    public async Task<IReadOnlyList<EarnRuleView>> ListAsync(CancellationToken ct = default) =>
        await db.Set<EarnRule>().AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new EarnRuleView(r.Id, r.Name, r.ProductId, r.CategoryId, r.MultiplierPercent)).ToListAsync(ct);
}
