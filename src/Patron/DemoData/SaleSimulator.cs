using Patron.Commerce;
using Patron.Customers;
using Patron.Customers.Contracts;

namespace Patron.DemoData;

/// <summary>One order with its lines (in Order.Lines) and the events that led to it.</summary>
public sealed record DemoSale(Order Order, IReadOnlyList<CustomerEvent> Events);

/// <summary>
/// Runs every member's buy-till-you-die process and the walk-in trade of every store as one event queue, so sales
/// come out in time order (ids then grow like real version-7 ids). Purchase times are a Poisson process with rate
/// λ × the day's factor (weekend, member day, Spring Festival), drawn by thinning (Lewis and Shedler, 1979);
/// after each purchase the member drops out with probability p.
/// </summary>
sealed class SaleSimulator(DemoRandom random, DemoCatalog catalog, DemoCalendar calendar, Shoppers shoppers)
{
    /// <summary>Orders from non-members per store and day, per 20,000 members (walk-ins scale with the data set).</summary>
    const double WalkInsPer20kMembers = 6;

    readonly BasketBuilder baskets = new(random, catalog, calendar, shoppers);
    readonly EventRecorder events = new(random, catalog, shoppers);

    public IEnumerable<DemoSale> Run()
    {
        var members = shoppers.All.Length;
        var stores = catalog.Stores.Count;
        var walkInRate = WalkInsPer20kMembers * members / 20_000;
        var bought = new bool[members];
        var queue = new PriorityQueue<int, double>(members + stores);
        for (var i = 0; i < members; i++)
        {
            var s = shoppers.All[i];
            if (s.Lambda == 0) continue;
            var signUp = s.SignUpDay + s.SignUpHours / 24;
            Enqueue(queue, i, s.BuysAtSignUp ? signUp : NextPurchase(s.Lambda, signUp, member: true));
        }
        for (var s = 0; s < stores; s++)
            Enqueue(queue, members + s, NextPurchase(walkInRate * catalog.StoreSpecs[s].Weight, Math.Max(0, catalog.OpenDay[s]), member: false));

        while (queue.TryDequeue(out var who, out var t))
        {
            var day = (int)t;
            if (who >= members)
            {
                var store = who - members;
                var walkIn = baskets.Build(-1, SalesChannel.Pos, store, day, calendar.ToUtc(day, DemoCalendar.TimeOfDay(random, inStore: true)));
                yield return new DemoSale(walkIn, []);
                Enqueue(queue, who, NextPurchase(walkInRate * catalog.StoreSpecs[store].Weight, t, member: false));
                continue;
            }
            var shopper = shoppers.All[who];
            yield return MemberSale(who, shopper, day, atSignUp: !bought[who] && shopper.BuysAtSignUp);
            bought[who] = true;
            if (!random.Chance(shopper.Dropout))
                Enqueue(queue, who, NextPurchase(shopper.Lambda, t, member: true));
        }
    }

    DemoSale MemberSale(int who, Shopper s, int day, bool atSignUp)
    {
        var signedUpAt = calendar.ToUtc(s.SignUpDay, s.SignUpHours);
        var digital = s.Channel == SignUpChannel.App ? SalesChannel.App : SalesChannel.MiniProgram;
        var x = random.NextDouble();
        var channel = atSignUp || x < s.PosShare ? SalesChannel.Pos : x < s.PosShare + s.MiniShare ? digital : SalesChannel.OnlineShop;
        // Signed up online late in the evening: the stores have closed, the mini-program has not.
        if (!atSignUp && channel == SalesChannel.Pos && day == s.SignUpDay && s.SignUpHours > 21.5) channel = digital;
        var store = channel switch
        {
            SalesChannel.OnlineShop => -1,
            SalesChannel.Pos when !atSignUp && random.Chance(0.12) => OtherStore(s.HomeStore, day),
            _ => s.HomeStore,
        };
        var inStore = channel == SalesChannel.Pos;
        var hours = atSignUp ? s.SignUpHours + (2 + random.NextDouble() * 6) / 60 : DemoCalendar.TimeOfDay(random, inStore);
        // Later on the sign-up day, before the store closes (or midnight online).
        if (day == s.SignUpDay && hours < s.SignUpHours) hours = s.SignUpHours + random.NextDouble() * ((inStore ? 22 : 24) - s.SignUpHours);
        var order = baskets.Build(who, channel, store, day, calendar.ToUtc(day, hours));
        return new DemoSale(order, s.Tracked ? events.Record(who, order, signedUpAt) : []);
    }

    /// <summary>Members sometimes shop at another open store of their city.</summary>
    int OtherStore(int home, int day)
    {
        var city = catalog.StoreSpecs[home].City;
        var candidates = Enumerable.Range(0, catalog.Stores.Count)
            .Where(i => i != home && catalog.StoreSpecs[i].City == city && catalog.OpenDay[i] <= day).ToList();
        return candidates.Count == 0 ? home : random.Pick(candidates);
    }

    /// <summary>Thinning: candidates at the highest rate, each kept with probability factor(day) / max factor.</summary>
    double NextPurchase(double lambda, double from, bool member)
    {
        var max = lambda * calendar.MaxFactor;
        for (var t = from; ;)
        {
            t += random.Exponential(max);
            if (t >= calendar.Days) return double.PositiveInfinity;
            if (random.NextDouble() * calendar.MaxFactor < calendar.Factor((int)t, member)) return t;
        }
    }

    void Enqueue(PriorityQueue<int, double> queue, int who, double t)
    {
        if (t < calendar.Days) queue.Enqueue(who, t);
    }
}
