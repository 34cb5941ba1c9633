using Patron.Customers.Contracts;

namespace Patron.DemoData;

/// <summary>The hidden behaviour of one member: what the simulation draws from, never stored as such.</summary>
struct Shopper
{
    public Guid Id;
    public int SignUpDay;
    public double SignUpHours;
    public int HomeStore;
    public SignUpChannel Channel;
    /// <summary>Purchases per day while alive, before the calendar factors (BG/NBD λ).</summary>
    public double Lambda;
    /// <summary>Chance of dropping out after each purchase (BG/NBD p).</summary>
    public double Dropout;
    public double PosShare;
    public double MiniShare;
    public bool BuysAtSignUp;
    public bool UsesWeChat;
    /// <summary>Their app and mini-program behaviour is recorded as events.</summary>
    public bool Tracked;
}

/// <summary>
/// Draws every member's behaviour, in sign-up order. Purchases follow BG/NBD (Fader, Hardie and Lee, 2005):
/// λ ~ Gamma(r, α), p ~ Beta(a, b); categories follow a Dirichlet around the chain's category mix.
/// </summary>
sealed class Shoppers
{
    const double LambdaShape = 1.4;
    const double MeanPurchasesPerDay = 0.065;
    const double DropoutA = 1.1;
    const double DropoutB = 14;
    const double NeverBuyShare = 0.05;
    /// <summary>Low concentration: members differ strongly in the categories they buy.</summary>
    const double CategoryConcentration = 4;

    readonly double[] categoryCumulative;

    public Shoppers(DemoRandom random, DemoCatalog catalog, DemoCalendar calendar, int count)
    {
        // Sign-up moments first, sorted, so that members (and their version-7 ids) come in sign-up order.
        var signUps = new (int Day, double Hours, SignUpChannel Channel)[count];
        for (var i = 0; i < count; i++)
        {
            var channel = PickChannel(random);
            var day = Math.Min((int)(random.NextDouble() * calendar.Days), calendar.Days - 1);
            // In a store, the member buys a few minutes after signing up, and the till closes at 22:00.
            var hours = channel == SignUpChannel.Store ? Math.Min(DemoCalendar.TimeOfDay(random, true), 21.8) : DemoCalendar.TimeOfDay(random, false);
            signUps[i] = (day, hours, channel);
        }
        Array.Sort(signUps);

        All = new Shopper[count];
        LeafCount = catalog.LeafCount;
        categoryCumulative = new double[count * LeafCount];
        var popularity = catalog.LeafPopularity;
        var alpha = popularity.Select(p => CategoryConcentration * p / popularity.Sum()).ToArray();
        for (var i = 0; i < count; i++)
        {
            ref var s = ref All[i];
            (s.SignUpDay, s.SignUpHours, s.Channel) = signUps[i];
            s.HomeStore = PickHomeStore(random, catalog, s.SignUpDay);
            s.Id = random.Guid7(calendar.ToUtc(s.SignUpDay, s.SignUpHours));
            s.UsesWeChat = s.Channel == SignUpChannel.MiniProgram || random.Chance(0.3);
            s.Tracked = s.Channel is SignUpChannel.MiniProgram or SignUpChannel.App || (s.UsesWeChat && random.Chance(0.35));
            (s.PosShare, s.MiniShare) = s.Channel switch
            {
                SignUpChannel.OnlineShop => (0.2, 0.1),
                _ when s.UsesWeChat => (0.62, 0.33),
                _ => (0.95, 0),
            };
            var never = random.Chance(NeverBuyShare);
            s.Lambda = never ? 0 : random.Gamma(LambdaShape, MeanPurchasesPerDay / LambdaShape);
            s.Dropout = random.Beta(DropoutA, DropoutB);
            s.BuysAtSignUp = !never && s.Channel == SignUpChannel.Store && random.Chance(0.7);

            var row = categoryCumulative.AsSpan(i * LeafCount, LeafCount);
            double sum = 0;
            for (var c = 0; c < LeafCount; c++) row[c] = sum += random.Gamma(alpha[c], 1) + 1e-9;
        }
    }

    public Shopper[] All { get; }

    public int LeafCount { get; }

    /// <summary>The member's share of each leaf category, normalised.</summary>
    public double CategoryShare(int shopper, int leaf)
    {
        var row = categoryCumulative.AsSpan(shopper * LeafCount, LeafCount);
        return (row[leaf] - (leaf == 0 ? 0 : row[leaf - 1])) / row[^1];
    }

    public int PickCategory(int shopper, DemoRandom random)
    {
        var row = categoryCumulative.AsSpan(shopper * LeafCount, LeafCount);
        var x = random.NextDouble() * row[^1];
        for (var c = 0; c < row.Length; c++)
            if (x < row[c]) return c;
        return row.Length - 1;
    }

    static SignUpChannel PickChannel(DemoRandom random) => random.NextDouble() switch
    {
        < 0.58 => SignUpChannel.Store,
        < 0.84 => SignUpChannel.MiniProgram,
        < 0.95 => SignUpChannel.OnlineShop,
        _ => SignUpChannel.App,
    };

    /// <summary>Among stores open that day, by size; a store in its first month draws four times its share (opening promotions).</summary>
    static int PickHomeStore(DemoRandom random, DemoCatalog catalog, int day)
    {
        Span<double> weights = stackalloc double[catalog.StoreSpecs.Count];
        for (var s = 0; s < weights.Length; s++)
        {
            var open = catalog.OpenDay[s];
            weights[s] = day < open ? 0 : catalog.StoreSpecs[s].Weight * (day - open < 30 ? 4 : 1);
        }
        return new Weights(weights).Pick(random);
    }
}
