using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers;

namespace Patron.Loyalty;

/// <summary>
/// One row per customer that serialises every change to their points. Each write raises <see cref="Version"/>
/// in the same transaction as its ledger entries; the column is a concurrency token, so of two writers that read
/// the same version only one commits and the other re-reads and retries (see <see cref="AccountWrites"/>).
/// This works the same on SQLite and PostgreSQL, which is why it is preferred to SELECT … FOR UPDATE.
/// </summary>
public sealed class PointsAccount
{
    public Guid CustomerId { get; set; }
    /// <summary>The sum of the customer's ledger, kept in step with it by every write.</summary>
    public long Balance { get; set; }
    public long Version { get; set; }
    public DateTime UpdatedAt { get; set; }
}

sealed class PointsAccountConfiguration : IEntityTypeConfiguration<PointsAccount>
{
    public void Configure(EntityTypeBuilder<PointsAccount> b)
    {
        b.ToTable("loyalty_accounts", t => t.HasCheckConstraint("ck_loyalty_accounts_balance", "balance >= 0"));
        b.HasKey(a => a.CustomerId);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
