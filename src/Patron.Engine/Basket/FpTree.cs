using System.Numerics;

namespace Patron.Engine.Basket;

/// <summary>
/// The FP-tree of Han, Pei &amp; Yin (2000, §2.1) in parallel arrays rather than node objects: at 20M order lines the
/// tree has millions of nodes, and three ints per node are far smaller and friendlier to the cache than objects.
/// Node 0 is the root. Items are local ids 0..ItemCount−1 in the tree's f-list order, so a path from the root
/// holds increasing ids. A child is found by hashing (parent, item) in one open-addressing table instead of
/// scanning sibling lists, which matters where a node has thousands of children (the root of a big catalogue).
/// The node-links of the paper (all nodes of one item) are built once, after the last insert, by counting sort.
/// A tree is reused: the miner keeps one per recursion depth and resets it for each conditional tree.
/// </summary>
sealed class FpTree
{
    const double MaxLoad = 0.7;
    int[] parent = new int[16], item = new int[16], count = new int[16];
    int[] slots = new int[16];
    int bits;
    int[] linkStart = new int[2], links = new int[16];

    public int NodeCount { get; private set; }
    public int ItemCount { get; private set; }

    /// <summary>Per local item: the number of baskets (or weight of conditional paths) that hold it.</summary>
    public int[] Support { get; private set; } = new int[1];

    /// <summary>Per local item: its rank in the whole data set, which the miner maps back to the caller's item id.</summary>
    public int[] GlobalItem { get; private set; } = new int[1];

    public int Parent(int node) => parent[node];
    public int Item(int node) => item[node];
    public int Count(int node) => count[node];

    /// <summary>The node-links of an item: every node that holds it, in creation order.</summary>
    public ReadOnlySpan<int> NodesOf(int localItem) => links.AsSpan(linkStart[localItem], linkStart[localItem + 1] - linkStart[localItem]);

    /// <summary>Nodes are created along the chain only, so a single path means every node's parent is the node before it.</summary>
    public bool IsSinglePath
    {
        get
        {
            for (var n = 1; n < NodeCount; n++)
                if (parent[n] != n - 1) return false;
            return true;
        }
    }

    /// <summary>Empties the tree for itemCount items; expectedNodes sizes the arrays so that most builds never grow.</summary>
    public void Reset(int itemCount, int expectedNodes)
    {
        ItemCount = itemCount;
        if (Support.Length < itemCount) { Support = new int[itemCount]; GlobalItem = new int[itemCount]; }
        Array.Clear(Support, 0, itemCount);
        EnsureNodes(expectedNodes + 1);
        bits = Math.Max(4, BitOperations.Log2((uint)(expectedNodes / MaxLoad)) + 1);
        if (slots.Length < 1 << bits) slots = new int[1 << bits];
        Array.Clear(slots, 0, 1 << bits);
        parent[0] = -1; item[0] = -1; count[0] = 0;
        NodeCount = 1;
    }

    /// <summary>Adds a path of increasing local ids with a weight: 1 for a basket, the node count for a conditional pattern base.</summary>
    public void Insert(ReadOnlySpan<int> path, int weight)
    {
        var node = 0;
        foreach (var i in path)
        {
            node = ChildOrNew(node, i);
            count[node] += weight;
            Support[i] += weight;
        }
    }

    /// <summary>Builds the node-links; call once after the last insert.</summary>
    public void Finish()
    {
        if (linkStart.Length < ItemCount + 1) linkStart = new int[ItemCount + 1];
        Array.Clear(linkStart, 0, ItemCount + 1);
        if (links.Length < NodeCount) links = new int[parent.Length];
        for (var n = 1; n < NodeCount; n++) linkStart[item[n] + 1]++;
        for (var i = 0; i < ItemCount; i++) linkStart[i + 1] += linkStart[i];
        Span<int> next = ItemCount <= 1024 ? stackalloc int[ItemCount] : new int[ItemCount];
        linkStart.AsSpan(0, ItemCount).CopyTo(next);
        for (var n = 1; n < NodeCount; n++) links[next[item[n]]++] = n;
    }

    int ChildOrNew(int node, int i)
    {
        var mask = (1 << bits) - 1;
        for (var s = Slot(node, i); ; s = (s + 1) & mask)
        {
            var c = slots[s];
            if (c == 0) return NewNode(node, i, s);
            if (parent[c] == node && item[c] == i) return c;
        }
    }

    int NewNode(int node, int i, int slot)
    {
        var n = NodeCount++;
        EnsureNodes(NodeCount);
        parent[n] = node; item[n] = i; count[n] = 0;
        slots[slot] = n;
        if (NodeCount > MaxLoad * (1 << bits)) Rehash(bits + 1);
        return n;
    }

    void Rehash(int newBits)
    {
        bits = newBits;
        if (slots.Length < 1 << bits) slots = new int[1 << bits];
        else Array.Clear(slots, 0, 1 << bits);
        var mask = (1 << bits) - 1;
        for (var n = 1; n < NodeCount; n++)
        {
            var s = Slot(parent[n], item[n]);
            while (slots[s] != 0) s = (s + 1) & mask;
            slots[s] = n;
        }
    }

    /// <summary>Fibonacci hashing of (parent, item): the top bits of the product spread consecutive keys well.</summary>
    int Slot(int node, int i) => (int)((((ulong)(uint)node << 32) | (uint)i) * 0x9E3779B97F4A7C15UL >> (64 - bits));

    void EnsureNodes(int size)
    {
        if (size <= parent.Length) return;
        var grown = Math.Max(size, (int)Math.Min(Array.MaxLength, 2L * parent.Length));
        Array.Resize(ref parent, grown);
        Array.Resize(ref item, grown);
        Array.Resize(ref count, grown);
    }
}
