using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers;

namespace Patron.Loyalty;

public enum CouponStatus { Issued, Redeemed, Void }

/// <summary>
/// One coupon held by one customer, with a unique code. Redeeming is a conditional UPDATE … WHERE status = 'Issued':
/// of many tills trying at once exactly one changes the row, the others see zero rows changed.
/// </summary>
public sealed class Coupon
{
    public Guid Id { get; set; }
    public Guid TemplateId { get; set; }
    public Guid CustomerId { get; set; }
    public string Code { get; set; } = "";
    public CouponStatus Status { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime? ValidFrom { get; set; }
    /// <summary>Usable strictly before this instant; never expires when null.</summary>
    public DateTime? ValidTo { get; set; }
    public DateTime? RedeemedAt { get; set; }
    /// <summary>The till commit that used it.</summary>
    public Guid? CommitId { get; set; }
    public string IssueKey { get; set; } = "";
    /// <summary>
    /// For a template with a per-customer limit: this is the customer's n-th coupon of it (1 … limit). The unique
    /// (template, customer, seq) index makes two concurrent issues of the same n collide, so the limit holds.
    /// </summary>
    public int? Seq { get; set; }
}

sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> b)
    {
        b.ToTable("loyalty_coupons");
        b.Property(c => c.Code).HasMaxLength(32);
        b.Property(c => c.IssueKey).HasMaxLength(100);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => new { c.CustomerId, c.IssueKey }).IsUnique();
        b.HasIndex(c => new { c.CustomerId, c.Status });
        b.HasIndex(c => new { c.TemplateId, c.CustomerId, c.Seq }).IsUnique();
        b.HasOne<CouponTemplate>().WithMany().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
