using System.Numerics;

namespace Patron.Engine.Basket;

/// <summary>
/// Sorts paths (ascending item ranks, in compressed-row form) lexicographically, a prefix before its extensions.
/// In that order a path can share tree nodes only with the path just before it, so the FP-tree is built with no
/// child lookups and its nodes are laid out depth-first, which keeps later walks up the tree near in memory.
/// The first ranks of each path are packed into one 64-bit key so that most of the work is a sort of longs;
/// only runs with equal keys are compared item by item.
/// </summary>
static class PathOrder
{
    public static int[] Sort(int[] offsets, int[] ranks, int itemCount)
    {
        var pathCount = offsets.Length - 1;
        var bits = BitOperations.Log2((uint)itemCount) + 1;   // rank + 1 in 1..itemCount; 0 marks "path ended"
        var perKey = 63 / bits;
        var keys = new long[pathCount];
        var order = new int[pathCount];
        for (var p = 0; p < pathCount; p++)
        {
            order[p] = p;
            long key = 0;
            for (var k = 0; k < perKey; k++)
            {
                var at = offsets[p] + k;
                key = (key << bits) | (at < offsets[p + 1] ? ranks[at] + 1L : 0);
            }
            keys[p] = key;
        }
        Array.Sort(keys, order);

        Comparison<int> rest = (a, b) =>
            ranks.AsSpan(offsets[a] + perKey, offsets[a + 1] - offsets[a] - perKey)
                .SequenceCompareTo(ranks.AsSpan(offsets[b] + perKey, offsets[b + 1] - offsets[b] - perKey));
        for (int start = 0, end; start < pathCount; start = end)
        {
            end = start + 1;
            while (end < pathCount && keys[end] == keys[start]) end++;
            // Equal keys with fewer than perKey items are equal paths; longer ones differ further on.
            if (end - start > 1 && offsets[order[start] + 1] - offsets[order[start]] >= perKey)
                order.AsSpan(start, end - start).Sort(rest);
        }
        return order;
    }
}
