using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Analytics.Predictions;

/// <summary>
/// One refresh of the lifetime-value model: the fitted BG/NBD parameters (per day) and log-likelihood, the
/// Gamma-Gamma parameters when it could be fitted, and the frequency–value correlation that model assumes is small.
/// Kept so that a merchant (and an engineer) can see what the predictions on the customer pages came from.
/// </summary>
public sealed class PredictionRun
{
    public Guid Id { get; set; }
    public DateTime ComputedAt { get; set; }
    /// <summary>The last local day of history the model saw.</summary>
    public DateOnly CalibrationEnd { get; set; }
    public int Customers { get; set; }
    public double R { get; set; }
    public double Alpha { get; set; }
    public double A { get; set; }
    public double B { get; set; }
    public double LogLikelihood { get; set; }
    public double? SpendP { get; set; }
    public double? SpendQ { get; set; }
    public double? SpendGamma { get; set; }
    public double? FrequencyValueCorrelation { get; set; }
    public int HorizonMonths { get; set; }
    public double MonthlyDiscountRate { get; set; }
    public double Margin { get; set; }
    public double Seconds { get; set; }
}

sealed class PredictionRunConfiguration : IEntityTypeConfiguration<PredictionRun>
{
    public void Configure(EntityTypeBuilder<PredictionRun> b)
    {
        b.ToTable("analytics_prediction_runs");
        b.HasIndex(r => r.ComputedAt);
    }
}
