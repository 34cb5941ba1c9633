using Patron.Engine.Segments;

namespace Patron.Engine.Features;

/// <summary>The raw per-customer counters an order or a profile change moves.</summary>
public sealed partial class FeatureStore
{
    void SetFacts(int i, CustomerFacts f)
    {
        gender[i] = Code(genders, f.Gender);
        province[i] = Code(provinces, f.Province);
        city[i] = Code(cities, f.City);
        occupation[i] = Code(occupations, f.Occupation);
        birthday[i] = f.Birthday is { } b ? DateColumn.ToDay(b) : DateColumn.Missing;
        signedUp[i] = f.SignedUp is { } s ? DateColumn.ToDay(s) : DateColumn.Missing;
        ageBand[i] = AgeBands.Of(f.Birthday, AsOf);
        foreach (var words in tagWords) words[i >> 6] &= ~(1UL << (i & 63));
        foreach (var tag in f.Tags ?? [])
        {
            var t = Code(tags, tag);
            if (t == tagWords.Length)
            {
                Array.Resize(ref tagWords, t + 1);
                tagWords[t] = new ulong[Words(capacity)];
            }
            tagWords[t][i >> 6] |= 1UL << (i & 63);
        }
        // The birthday and sign-up columns cache month/day per customer (DateColumn), so a changed date needs a new column.
        Version++;
    }

    int Code(Codes codes, string? value)
    {
        var code = codes.Of(value, out var added);
        if (added) Version++;
        return code;
    }

    void CountChannel(int i, string channel) => channelOrders[ChannelCode(channel)][i]++;

    /// <summary>The channel's code, its columns made when it is new.</summary>
    int ChannelCode(string channel)
    {
        var c = Code(channels, channel);
        if (c == channelOrders.Count)
        {
            channelOrders.Add(NewArray(0));
            channelShare.Add(NewArray(double.NaN));
        }
        return c;
    }

    /// <summary>The category's code, its columns made when it is new.</summary>
    int CategoryCode(string name)
    {
        var c = Code(categories, name);
        if (c == categorySpend.Count)
        {
            categorySpend.Add(NewArray(0));
            categoryShare.Add(NewArray(double.NaN));
            categoryOrders.Add(NewArray(0));
            var last = new int[capacity];
            Array.Fill(last, DateColumn.Missing);
            categoryLast.Add(last);
        }
        return c;
    }

    void CountStore(int i, string? store)
    {
        if (store is null) return;
        var s = Code(stores, store);
        var counts = storeCounts[i];
        var at = 0;
        while (at < counts.Length && counts[at] != s) at += 2;
        if (at == counts.Length)
        {
            Array.Resize(ref counts, at + 2);
            counts[at] = s;
            storeCounts[i] = counts;
        }
        var n = ++counts[at + 1];
        var best = favouriteStore[i] < 0 ? 0 : FavouriteCount(counts, favouriteStore[i]);
        if (n >= best) favouriteStore[i] = s;
    }

    static int FavouriteCount(int[] counts, int store)
    {
        for (var at = 0; at < counts.Length; at += 2)
            if (counts[at] == store) return counts[at + 1];
        return 0;
    }

    void CountCategories(int i, int day, IReadOnlyList<KeyValuePair<string, long>>? spend)
    {
        if (spend is null) return;
        for (var k = 0; k < spend.Count; k++)
        {
            var (name, amount) = spend[k];
            var c = CategoryCode(name);
            categorySpend[c][i] += amount;
            lineTotal[i] += amount;
            // An order counts once per category, however many of its lines fall in it.
            if (SeenEarlier(spend, k, name)) continue;
            categoryOrders[c][i]++;
            if (day > categoryLast[c][i]) categoryLast[c][i] = day;
        }
    }

    static bool SeenEarlier(IReadOnlyList<KeyValuePair<string, long>> spend, int k, string name)
    {
        for (var j = 0; j < k; j++)
            if (spend[j].Key == name) return true;
        return false;
    }
}
