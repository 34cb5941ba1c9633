using Patron.Customers.Contracts;

namespace Patron.Analytics.Predictions;

/// <summary>
/// A forecast (one row per customer) moves to the survivor only when the survivor has none; otherwise the absorbed
/// customer's stays on the tombstone, since the next prediction run scores the merged history anyway.
/// </summary>
sealed class ForecastMergeParticipant(MergeRows rows) : ICustomerMergeParticipant
{
    const string Key = nameof(CustomerForecast.CustomerId);

    public async Task MoveAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct)
    {
        if (!await rows.HasAsync<CustomerForecast>(survivor, ct)) await rows.MoveAsync<CustomerForecast>(absorbed, survivor, mergeId, Key, ct);
    }

    public Task RestoreAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct) =>
        rows.RestoreAsync<CustomerForecast>(absorbed, survivor, mergeId, Key, ct);
}
