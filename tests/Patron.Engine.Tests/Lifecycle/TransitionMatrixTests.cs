using Patron.Engine.Lifecycle;

namespace Patron.Engine.Tests.Lifecycle;

public sealed class TransitionMatrixTests
{
    const LifecycleState P = LifecycleState.Prospect, N = LifecycleState.New, A = LifecycleState.Active,
        D = LifecycleState.Dormant, C = LifecycleState.Churned;

    [Fact]
    public void Counts_each_customer_once_in_the_cell_of_their_two_states()
    {
        // Eight customers a month apart: two prospects (one buys), two new (one stays active, one lapses),
        // two active (one stays, one sleeps), one dormant comes back, one churned stays gone.
        LifecycleState[] before = [P, P, N, N, A, A, D, C];
        LifecycleState[] after = [P, N, A, D, A, D, A, C];
        var m = TransitionMatrix.Of(before, after);
        Assert.Equal(5, m.Size);
        Assert.Equal(8, m.Total);
        Assert.Equal(1, m.Count(P, P));
        Assert.Equal(1, m.Count(P, N));
        Assert.Equal(1, m.Count(N, A));
        Assert.Equal(1, m.Count(N, D));
        Assert.Equal(1, m.Count(A, A));
        Assert.Equal(1, m.Count(A, D));
        Assert.Equal(1, m.Count(D, A));
        Assert.Equal(1, m.Count(C, C));
        Assert.Equal(0, m.Count(A, C));
        Assert.Equal(2, m.FromTotal((int)N));
        Assert.Equal(3, m.ToTotal((int)A));
        Assert.Equal(2, m.ToTotal((int)D));
    }

    [Fact]
    public void Works_for_stages_and_for_any_byte_coded_classes()
    {
        LifecycleStage[] before = [LifecycleStage.Initial, LifecycleStage.Initial, LifecycleStage.Mature];
        LifecycleStage[] after = [LifecycleStage.Mature, LifecycleStage.Initial, LifecycleStage.Loyal];
        var m = TransitionMatrix.Of(before, after);
        Assert.Equal(4, m.Size);
        Assert.Equal(1, m.Count(LifecycleStage.Initial, LifecycleStage.Mature));
        Assert.Equal(1, m.Count(LifecycleStage.Mature, LifecycleStage.Loyal));

        var tiers = TransitionMatrix.Of([1, 2, 2], [2, 2, 0], size: 3);
        Assert.Equal(1, tiers[2, 0]);
        Assert.Equal(1, tiers[2, 2]);
    }

    [Fact]
    public void No_customers_give_an_all_zero_matrix()
    {
        var m = TransitionMatrix.Of(ReadOnlySpan<LifecycleState>.Empty, ReadOnlySpan<LifecycleState>.Empty);
        Assert.Equal(0, m.Total);
    }

    [Fact]
    public void Dates_with_different_customers_or_unknown_codes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => TransitionMatrix.Of([A, A], [A]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TransitionMatrix.Of([0, 3], [0, 1], size: 3));
    }
}
