using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Loyalty;

/// <summary>
/// A multiplier for a product or a category (exactly one of the two): 200 earns double, 0 excludes it from earning.
/// A product's rule wins over its category's.
/// </summary>
public sealed class EarnRule
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Guid? ProductId { get; set; }
    public Guid? CategoryId { get; set; }
    public int MultiplierPercent { get; set; } = 100;
}

sealed class EarnRuleConfiguration : IEntityTypeConfiguration<EarnRule>
{
    public void Configure(EntityTypeBuilder<EarnRule> b)
    {
        b.ToTable("loyalty_earn_rules", t =>
        {
            t.HasCheckConstraint("ck_loyalty_earn_rules_target", "(product_id IS NULL) <> (category_id IS NULL)");
            t.HasCheckConstraint("ck_loyalty_earn_rules_multiplier", "multiplier_percent >= 0");
        });
        b.Property(r => r.Name).HasMaxLength(100);
        b.HasIndex(r => r.ProductId).IsUnique();
        b.HasIndex(r => r.CategoryId).IsUnique();
    }
}
