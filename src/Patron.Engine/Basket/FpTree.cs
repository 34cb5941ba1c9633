using System.Numerics;

namespace Patron.Engine.Basket;

/// <summary>
/// The FP-tree of Han, Pei &amp; Yin (2000, §2.1) in one array of small structs rather than node objects: at 20M
/// order lines the tree has millions of nodes, and walking up a path then touches one cache line per node.
/// Node 0 is the root. Items are local ids 0..ItemCount−1 in the tree's f-list order, so a path from the root
/// holds increasing ids. Children are found either by hashing (parent, item) in one open-addressing table, or,
/// for paths added in lexicographic order, not at all (see InsertInOrder). The node-links of the paper (all nodes
/// of one item) are built once, after the last insert, by counting sort. A tree is reused: the miner keeps one
/// per recursion depth and resets it for each conditional tree.
/// </summary>
sealed class FpTree
{
    public struct Node
    {
        public int Parent, Item, Count;
    }

    const double MaxLoad = 0.7;
    Node[] nodes = new Node[16];
    int[] slots = new int[16];
    int bits;
    int[] linkStart = new int[2], links = new int[16];
    int[] lastPath = new int[16], lastNodes = new int[16];
    int lastLength;

    public int NodeCount { get; private set; }
    public int ItemCount { get; private set; }

    /// <summary>Per local item: the number of baskets (or weight of conditional paths) that hold it.</summary>
    public int[] Support { get; private set; } = new int[1];

    /// <summary>Per local item: its rank in the whole data set, which the miner maps back to the caller's item id.</summary>
    public int[] GlobalItem { get; private set; } = new int[1];

    public ref readonly Node this[int node] => ref nodes[node];

    /// <summary>The node-links of an item: every node that holds it, in creation order.</summary>
    public ReadOnlySpan<int> NodesOf(int localItem) => links.AsSpan(linkStart[localItem], linkStart[localItem + 1] - linkStart[localItem]);

    /// <summary>Nodes are created along the chain only, so a single path means every node's parent is the node before it.</summary>
    public bool IsSinglePath
    {
        get
        {
            for (var n = 1; n < NodeCount; n++)
                if (nodes[n].Parent != n - 1) return false;
            return true;
        }
    }

    /// <summary>Empties the tree for itemCount items; maxNodes (an upper bound, not counting the root) sizes the arrays once.</summary>
    public void Reset(int itemCount, int maxNodes)
    {
        ItemCount = itemCount;
        if (Support.Length < itemCount) { Support = new int[itemCount]; GlobalItem = new int[itemCount]; }
        Array.Clear(Support, 0, itemCount);
        // Uninitialised: every node is written before it is read, and untouched pages of a generous bound cost nothing.
        if (nodes.Length < maxNodes + 1) nodes = GC.AllocateUninitializedArray<Node>(maxNodes + 1);
        bits = Math.Max(4, BitOperations.Log2((uint)(maxNodes / MaxLoad)) + 1);
        nodes[0] = new Node { Parent = -1, Item = -1 };
        NodeCount = 1;
        lastLength = 0;
    }

    /// <summary>Adds a path of increasing local ids with a weight: 1 for a basket, the node count for a conditional pattern base.</summary>
    public void Insert(ReadOnlySpan<int> path, int weight)
    {
        if (NodeCount == 1) ClearSlots();
        var node = 0;
        foreach (var i in path)
        {
            node = ChildOrNew(node, i);
            nodes[node].Count += weight;
            Support[i] += weight;
        }
    }

    /// <summary>
    /// Adds a path that sorts lexicographically at or after every path added since Reset (see PathOrder). Such a
    /// path shares nodes only with the previous one, along their common prefix, so no lookup is needed.
    /// Not to be mixed with Insert on the same tree: these nodes are not in the lookup table.
    /// </summary>
    public void InsertInOrder(ReadOnlySpan<int> path, int weight)
    {
        var common = 0;
        while (common < lastLength && common < path.Length && lastPath[common] == path[common]) common++;
        if (lastPath.Length < path.Length)
        {
            Array.Resize(ref lastPath, Math.Max(path.Length, 2 * lastPath.Length));
            Array.Resize(ref lastNodes, lastPath.Length);
        }
        for (var d = 0; d < path.Length; d++)
        {
            if (d >= common)
            {
                lastNodes[d] = Append(d == 0 ? 0 : lastNodes[d - 1], path[d]);
                lastPath[d] = path[d];
            }
            nodes[lastNodes[d]].Count += weight;
            Support[path[d]] += weight;
        }
        lastLength = path.Length;
    }

    /// <summary>Builds the node-links; call once after the last insert.</summary>
    public void Finish()
    {
        if (linkStart.Length < ItemCount + 1) linkStart = new int[ItemCount + 1];
        Array.Clear(linkStart, 0, ItemCount + 1);
        if (links.Length < NodeCount) links = GC.AllocateUninitializedArray<int>(Math.Max(NodeCount, Math.Min(nodes.Length, 2 * links.Length)));
        for (var n = 1; n < NodeCount; n++) linkStart[nodes[n].Item + 1]++;
        for (var i = 0; i < ItemCount; i++) linkStart[i + 1] += linkStart[i];
        Span<int> next = ItemCount <= 1024 ? stackalloc int[ItemCount] : new int[ItemCount];
        linkStart.AsSpan(0, ItemCount).CopyTo(next);
        for (var n = 1; n < NodeCount; n++) links[next[nodes[n].Item]++] = n;
    }

    int ChildOrNew(int node, int i)
    {
        var mask = (1 << bits) - 1;
        for (var s = Slot(node, i); ; s = (s + 1) & mask)
        {
            var c = slots[s];
            if (c == 0)
            {
                // Reset sized the table for maxNodes at MaxLoad; more nodes would mean the caller's bound was wrong.
                if (NodeCount > MaxLoad * (1 << bits)) throw new InvalidOperationException("More nodes than the bound given to Reset.");
                return slots[s] = Append(node, i);
            }
            if (nodes[c].Parent == node && nodes[c].Item == i) return c;
        }
    }

    int Append(int parent, int i)
    {
        if (NodeCount == nodes.Length) Array.Resize(ref nodes, (int)Math.Min(Array.MaxLength, 2L * nodes.Length));
        nodes[NodeCount] = new Node { Parent = parent, Item = i };
        return NodeCount++;
    }

    /// <summary>The lookup table is cleared on first use, so trees built in order never pay for it.</summary>
    void ClearSlots()
    {
        if (slots.Length < 1 << bits) slots = new int[1 << bits];
        else Array.Clear(slots, 0, 1 << bits);
    }

    /// <summary>Fibonacci hashing of (parent, item): the top bits of the product spread consecutive keys well.</summary>
    int Slot(int node, int i) => (int)((((ulong)(uint)node << 32) | (uint)i) * 0x9E3779B97F4A7C15UL >> (64 - bits));
}
