namespace Patron.Engine.Numerics;

/// <summary>f(x) for minimisation that also writes the gradient ∇f(x) into <paramref name="gradient"/>.</summary>
public delegate double Objective(double[] x, double[] gradient);

/// <summary>Where a minimiser stopped. Converged is false when it ran out of evaluations or could make no progress
/// while the gradient (or the simplex) was still large; the point is then the best seen, not an optimum.</summary>
public sealed record Minimum(double[] Point, double Value, int Evaluations, bool Converged);
