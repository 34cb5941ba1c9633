namespace Patron.Engine.Matching;

/// <summary>Disjoint sets with path halving and union by size: near-constant time per operation.</summary>
public sealed class UnionFind
{
    readonly int[] parent;
    readonly int[] size;

    public UnionFind(int count)
    {
        parent = new int[count];
        size = new int[count];
        for (var i = 0; i < count; i++) (parent[i], size[i]) = (i, 1);
    }

    public int Find(int x)
    {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }

    /// <summary>True when a and b were in different sets.</summary>
    public bool Union(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra == rb) return false;
        if (size[ra] < size[rb]) (ra, rb) = (rb, ra);
        parent[rb] = ra;
        size[ra] += size[rb];
        return true;
    }

    /// <summary>For each element, the smallest element of its set: a cluster label that does not depend on union order.</summary>
    public int[] Labels()
    {
        var smallest = new int[parent.Length];
        Array.Fill(smallest, int.MaxValue);
        for (var i = 0; i < parent.Length; i++)
        {
            var r = Find(i);
            if (i < smallest[r]) smallest[r] = i;
        }
        var labels = new int[parent.Length];
        for (var i = 0; i < parent.Length; i++) labels[i] = smallest[Find(i)];
        return labels;
    }
}
