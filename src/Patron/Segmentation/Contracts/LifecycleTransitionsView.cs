namespace Patron.Segmentation.Contracts;

/// <summary>The month-over-month lifecycle transition matrix, as the API returns it and the funnel page shows it.</summary>
/// <param name="Month">The first day of the month the transitions happened in.</param>
/// <param name="From">The last day of the previous month: rows are the state at its end.</param>
/// <param name="To">The last day of <paramref name="Month"/>: columns are the state at its end.</param>
/// <param name="Counts">Customers per [from state, to state], indexed by Patron.Engine.Lifecycle.LifecycleState code.</param>
/// <param name="Months">The months that can be asked for, latest first.</param>
public sealed record LifecycleTransitionsView(DateOnly Month, DateOnly From, DateOnly To, int[][] Counts, IReadOnlyList<DateOnly> Months);
