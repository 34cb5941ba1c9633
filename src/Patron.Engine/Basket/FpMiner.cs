namespace Patron.Engine.Basket;

/// <summary>
/// The mining step of FP-Growth (Han, Pei &amp; Yin 2000, §3, procedure FP-growth): for each item of a tree, least
/// frequent first, the itemset suffix ∪ {item} is frequent; its conditional pattern base (the prefix paths of the
/// item's nodes, weighted by their counts) keeps only the items that are frequent within it and becomes the
/// conditional FP-tree, mined in turn. A tree that is a single path yields every combination of its nodes directly
/// (Lemma 3.2), each with the count of its deepest node.
/// </summary>
sealed class FpMiner(int minCount, int maxLength, int[] itemOfRank)
{
    readonly List<FpTree> treeAtDepth = [];
    readonly List<int> suffix = [];
    readonly int[] weight = new int[itemOfRank.Length];
    readonly int[] occurrences = new int[itemOfRank.Length];
    readonly int[] newId = new int[itemOfRank.Length];
    readonly int[] path = new int[itemOfRank.Length];
    // The pattern base as read in one walk up the tree (leaf to root), so that the second pass reads memory in order.
    int[] baseItems = new int[1024];
    int[] baseEnds = new int[64];

    public List<FrequentItemset> Result { get; } = [];

    public void Mine(FpTree tree, int depth = 0)
    {
        if (tree.IsSinglePath)
        {
            Combine(tree, 1);
            return;
        }
        for (var j = tree.ItemCount - 1; j >= 0; j--)
        {
            suffix.Add(tree.GlobalItem[j]);
            Emit(tree.Support[j]);
            if (suffix.Count < maxLength && j > 0 && Conditional(tree, j, TreeAt(depth + 1)) is { } conditional)
                Mine(conditional, depth + 1);
            suffix.RemoveAt(suffix.Count - 1);
        }
    }

    /// <summary>Every combination of the single path's nodes from node <paramref name="from"/> down, added to the suffix.</summary>
    void Combine(FpTree tree, int from)
    {
        if (suffix.Count >= maxLength) return;
        for (var node = from; node < tree.NodeCount; node++)
        {
            suffix.Add(tree.GlobalItem[tree[node].Item]);
            Emit(tree[node].Count);
            Combine(tree, node + 1);
            suffix.RemoveAt(suffix.Count - 1);
        }
    }

    /// <summary>The conditional FP-tree of local item j, built into target; null when no item in its base is frequent.</summary>
    FpTree? Conditional(FpTree tree, int j, FpTree target)
    {
        var nodes = tree.NodesOf(j);
        Array.Clear(weight, 0, j);
        Array.Clear(occurrences, 0, j);
        if (baseEnds.Length < nodes.Length) baseEnds = new int[Math.Max(nodes.Length, 2 * baseEnds.Length)];
        var used = 0;
        for (var k = 0; k < nodes.Length; k++)
        {
            if (baseItems.Length < used + j) Array.Resize(ref baseItems, Math.Max(used + j, 2 * baseItems.Length));
            var w = tree[nodes[k]].Count;
            for (var p = tree[nodes[k]].Parent; p > 0;)
            {
                ref readonly var node = ref tree[p];
                baseItems[used++] = node.Item;
                weight[node.Item] += w;
                occurrences[node.Item]++;
                p = node.Parent;
            }
            baseEnds[k] = used;
        }
        var kept = 0;
        var bound = 0;
        for (var c = 0; c < j; c++)
            if (weight[c] >= minCount) { newId[c] = kept++; bound += occurrences[c]; }
            else newId[c] = -1;
        if (kept == 0) return null;

        target.Reset(kept, bound);
        for (var c = 0; c < j; c++)
            if (newId[c] >= 0) target.GlobalItem[newId[c]] = tree.GlobalItem[c];
        for (var k = 0; k < nodes.Length; k++)
        {
            // Read backwards: the walk went leaf to root (decreasing ids); the tree wants root first.
            var length = 0;
            for (var at = baseEnds[k] - 1; at >= (k == 0 ? 0 : baseEnds[k - 1]); at--)
                if (newId[baseItems[at]] is >= 0 and var id) path[length++] = id;
            if (length > 0) target.Insert(path.AsSpan(0, length), tree[nodes[k]].Count);
        }
        target.Finish();
        return target;
    }

    FpTree TreeAt(int depth)
    {
        while (treeAtDepth.Count <= depth) treeAtDepth.Add(new FpTree());
        return treeAtDepth[depth];
    }

    void Emit(int count)
    {
        var items = new int[suffix.Count];
        for (var k = 0; k < items.Length; k++) items[k] = itemOfRank[suffix[k]];
        Array.Sort(items);
        Result.Add(new FrequentItemset(items, count));
    }
}
