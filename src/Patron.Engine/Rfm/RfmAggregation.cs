namespace Patron.Engine.Rfm;

/// <summary>
/// Transactions to (recency, frequency, monetary) per customer, as of a day:
/// <list type="bullet">
/// <item>An order is one order index of one customer; lines without an order index form one order per customer
/// and day ("distinct purchase dates"). An order's total is the sum of its lines, its day the latest of them.</item>
/// <item>Frequency counts purchases: orders whose total is positive. A cancellation or a return booked as its own
/// order (Online Retail's C-invoices, a refund order) has a negative total and is not a purchase; neither is an
/// order that nets to zero (bought and cancelled within one order, or free samples only).</item>
/// <item>Monetary sums every line up to the as-of day, returns included: net spend, which can be zero or negative.</item>
/// <item>Recency is whole days from the last purchase day to the as-of day (0 when bought on the as-of day);
/// <see cref="RfmValues.NoPurchase"/> when the customer made none.</item>
/// <item>Lines dated after the as-of day are left out: the values are a snapshot of what was known that day.</item>
/// </list>
/// Lines are bucketed by customer with a counting sort (one int per line, no per-customer collections); each
/// customer's few lines are then copied into a reused scratch buffer and sorted by order key (unless already in order), so the work is
/// O(lines + customers + Σ lines·log(lines per customer)) with a handful of allocations in all.
/// </summary>
public static class RfmAggregation
{
    public static RfmValues Aggregate(RfmTransactions t, int customerCount, DateOnly asOf)
    {
        Validate(t, customerCount);
        var lines = BucketByCustomer(t, customerCount, asOf.DayNumber, out var start);
        var recency = new int[customerCount];
        var frequency = new int[customerCount];
        var monetary = new long[customerCount];
        var scratch = new Scratch(64);
        for (var c = 0; c < customerCount; c++)
        {
            var from = start[c];
            var n = start[c + 1] - from;
            if (n > scratch.Keys.Length) scratch = new Scratch(Math.Max(n, scratch.Keys.Length * 2));
            // Copy the customer's lines close together once: the sort and the walk then stay in cache.
            var sorted = true;
            for (var k = 0; k < n; k++)
            {
                var i = lines[from + k];
                var day = t.Date[i].DayNumber;
                var order = t.Order.IsEmpty ? RfmTransactions.NoOrder : t.Order[i];
                // Order indices sort below 2^31; lines without one are keyed by their day above 2^32: never equal.
                var key = scratch.Keys[k] = order >= 0 ? order : (1L << 32) | (uint)day;
                scratch.Amounts[k] = t.Amount[i];
                scratch.Days[k] = day;
                scratch.Index[k] = k;
                sorted &= k == 0 || key >= scratch.Keys[k - 1];
            }
            // Files in date order arrive with each customer's orders already in key order; only sort when not.
            if (!sorted) scratch.Keys.AsSpan(0, n).Sort(scratch.Index.AsSpan(0, n));
            var last = Summarise(scratch, n, out frequency[c], out monetary[c]);
            recency[c] = last < 0 ? RfmValues.NoPurchase : asOf.DayNumber - last;
        }
        return new RfmValues(recency, frequency, monetary);
    }

    /// <summary>One customer's lines: order keys, and amounts and days reached through Index once the keys are sorted.</summary>
    readonly struct Scratch(int size)
    {
        public readonly long[] Keys = new long[size];
        public readonly int[] Index = new int[size];
        public readonly long[] Amounts = new long[size];
        public readonly int[] Days = new int[size];
    }

    /// <summary>Positions of the lines up to the as-of day, grouped by customer; customer c owns lines[start[c] .. start[c+1]).</summary>
    static int[] BucketByCustomer(RfmTransactions t, int customerCount, int asOfDay, out int[] start)
    {
        start = new int[customerCount + 1];
        for (var i = 0; i < t.Length; i++)
            if (t.Date[i].DayNumber <= asOfDay) start[t.Customer[i] + 1]++;
        for (var c = 0; c < customerCount; c++) start[c + 1] += start[c];
        var next = start.AsSpan(0, customerCount).ToArray();
        var lines = new int[start[customerCount]];
        for (var i = 0; i < t.Length; i++)
            if (t.Date[i].DayNumber <= asOfDay) lines[next[t.Customer[i]]++] = i;
        return lines;
    }

    /// <summary>Walks one customer's lines in key order, one run per order; returns the last purchase day or -1.</summary>
    static int Summarise(Scratch s, int n, out int purchases, out long net)
    {
        var last = -1;
        purchases = 0;
        net = 0;
        for (var k = 0; k < n;)
        {
            var key = s.Keys[k];
            long total = 0;
            var day = 0;
            for (; k < n && s.Keys[k] == key; k++)
            {
                total += s.Amounts[s.Index[k]];
                day = Math.Max(day, s.Days[s.Index[k]]);
            }
            net += total;
            if (total <= 0) continue;
            purchases++;
            last = Math.Max(last, day);
        }
        return last;
    }

    static void Validate(RfmTransactions t, int customerCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customerCount);
        if (t.Date.Length != t.Length || t.Amount.Length != t.Length || !(t.Order.IsEmpty || t.Order.Length == t.Length))
            throw new ArgumentException("Customer, order, date and amount must have one element per transaction (order may be empty).");
        foreach (var c in t.Customer)
            if ((uint)c >= (uint)customerCount) throw new ArgumentOutOfRangeException(nameof(t), $"Customer index {c} is outside 0..{customerCount - 1}.");
        foreach (var o in t.Order)
            if (o < RfmTransactions.NoOrder) throw new ArgumentOutOfRangeException(nameof(t), $"Order index {o} is negative; use NoOrder (-1) for none.");
    }
}
