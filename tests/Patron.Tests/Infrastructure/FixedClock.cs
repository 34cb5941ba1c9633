namespace Patron.Tests.Infrastructure;

/// <summary>A clock stopped at one instant, so "the last 30 days" means the same thing on every run.</summary>
public sealed class FixedClock(DateTime utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc));
}
