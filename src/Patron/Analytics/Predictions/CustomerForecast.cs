using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers;

namespace Patron.Analytics.Predictions;

/// <summary>
/// A customer's predictions from the latest run (one row per customer who has bought; replaced by each run):
/// P(alive) by BG/NBD, purchases expected in the next 90 days, the Gamma-Gamma expected order value and the
/// discounted lifetime value over the run's horizon (fen; null when the spend model could not be fitted), and the
/// date by which the next purchase is as likely as not if the customer is still active (null when beyond reach).
/// </summary>
public sealed class CustomerForecast
{
    public Guid CustomerId { get; set; }
    public Guid RunId { get; set; }
    public double ProbabilityAlive { get; set; }
    public double ExpectedPurchases90 { get; set; }
    public long? ExpectedOrderValue { get; set; }
    public long? LifetimeValue { get; set; }
    public DateOnly? NextPurchaseBy { get; set; }
    public int RepeatPurchases { get; set; }
}

sealed class CustomerForecastConfiguration : IEntityTypeConfiguration<CustomerForecast>
{
    public void Configure(EntityTypeBuilder<CustomerForecast> b)
    {
        b.ToTable("analytics_customer_forecasts");
        b.HasKey(f => f.CustomerId);
        b.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PredictionRun>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
