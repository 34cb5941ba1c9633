using Microsoft.Extensions.Options;
using Patron.Commerce.Contracts;
using Patron.Engine.Trends;
using Patron.Platform;

namespace Patron.Analytics.Trends;

/// <param name="Weeks">Complete local weeks (Monday to Sunday) of history to fit on.</param>
/// <param name="Holdout">The last weeks held out to measure the accuracy shown beside the forecast.</param>
public sealed record GetCategoryForecasts(int Weeks = 52, int Horizon = 4, int Holdout = 8, Guid? StoreId = null);

/// <summary>Weekly sales (fen) of one category, the forecast for the next weeks, and its error on the holdout.</summary>
public sealed record CategoryForecast(Guid CategoryId, string Name, IReadOnlyList<DateOnly> WeekStarts, IReadOnlyList<long> Sales,
    IReadOnlyList<long> Forecast, IReadOnlyList<long> HoldoutForecast, double? HoldoutWape, double? NaiveWape);

/// <summary>
/// A weekly sales forecast per category by damped Holt smoothing (Patron.Engine.Trends.HoltForecast). The current,
/// incomplete week is left out so that it does not read as a slump. Ordered by sales, largest category first.
/// </summary>
public sealed class GetCategoryForecastsHandler(SalesHistory history, CatalogLookup catalog, TimeProvider clock, IOptions<PatronOptions> options)
{
    public async Task<IReadOnlyList<CategoryForecast>> HandleAsync(GetCategoryForecasts q, CancellationToken ct = default)
    {
        var days = new LocalDays(clock.GetUtcNow().UtcDateTime, options.Value.FindZone());
        var weeks = Math.Clamp(q.Weeks, 8, 260);
        var thisMonday = days.Today.AddDays(-(((int)days.Today.DayOfWeek + 6) % 7));
        var first = thisMonday.AddDays(-7 * weeks);
        var (from, until) = (Utc(first, days.Offset), Utc(thisMonday, days.Offset));
        var series = new Dictionary<Guid, double[]>();
        await foreach (var line in history.SaleLinesAsync(from, until, q.StoreId, ct))
        {
            var week = (DateOnly.FromDateTime(line.PlacedAt + days.Offset).DayNumber - first.DayNumber) / 7;
            if ((uint)week >= weeks) continue;
            if (!series.TryGetValue(line.CategoryId, out var s)) series[line.CategoryId] = s = new double[weeks];
            s[week] += line.Amount;
        }
        var names = await catalog.CategoryNamesAsync(ct);
        var starts = Enumerable.Range(0, weeks).Select(w => first.AddDays(7 * w)).ToList();
        return series.OrderByDescending(s => s.Value.Sum()).Select(s =>
        {
            var f = HoltForecast.Fit(s.Value, Math.Clamp(q.Horizon, 1, 26), Math.Clamp(q.Holdout, 0, weeks / 2));
            return new CategoryForecast(s.Key, names.GetValueOrDefault(s.Key, "?"), starts, [.. s.Value.Select(v => (long)v)],
                [.. f.Values.Select(Fen)], [.. f.HoldoutForecast.Select(Fen)], f.HoldoutWape, f.NaiveWape);
        }).ToList();
    }

    static long Fen(double v) => (long)Math.Round(v);

    static DateTime Utc(DateOnly day, TimeSpan offset) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - offset, DateTimeKind.Utc);
}
