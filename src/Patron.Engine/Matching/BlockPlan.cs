namespace Patron.Engine.Matching;

/// <summary>
/// The candidate pairs of a set of records: for each blocking key, records are sorted by the key's hash and each run of
/// equal hashes is a block whose pairs are all compared. A pair that shares several keys is compared once, in the
/// first key it shares (checked from the hashes, so no set of seen pairs is kept). A block larger than MaxBlock
/// (a placeholder value, a chain store's address) is skipped and counted: its pairs must come from other keys.
/// The work is Σ block² over the kept blocks: close to linear while the keys are selective.
/// </summary>
public sealed class BlockPlan
{
    readonly ulong[][] hashes;
    readonly bool[][] oversized;
    readonly int[][] order;
    // Per record, its hash under every key side by side, 0 where the key is missing or its block was skipped: the
    // seen-before test of a pair then reads one cache line per record instead of one per key.
    readonly ulong[] compared;
    readonly List<(int Key, int Start, int Length)> blocks = [];

    public IReadOnlyList<BlockingKey> Keys { get; }
    public int MaxBlock { get; }
    public int Blocks => blocks.Count;
    public long SkippedBlocks { get; private set; }
    public long SkippedRecords { get; private set; }

    public BlockPlan(MatchRecords records, IReadOnlyList<BlockingKey> keys, int maxBlock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlock, 2);
        (Keys, MaxBlock) = (keys, maxBlock);
        var n = records.Count;
        hashes = new ulong[keys.Count][];
        oversized = new bool[keys.Count][];
        order = new int[keys.Count][];
        Parallel.For(0, keys.Count, k =>
        {
            var h = new ulong[n];
            for (var i = 0; i < n; i++) h[i] = keys[k].Hash(records, i);
            hashes[k] = h;
            var sortedHashes = h.Where(x => x != 0).ToArray();
            var members = new int[sortedHashes.Length];
            for (int i = 0, m = 0; i < n; i++) if (h[i] != 0) members[m++] = i;
            Array.Sort(sortedHashes, members);
            order[k] = members;
            oversized[k] = new bool[n];
            var local = new List<(int, int, int)>();
            for (var start = 0; start < members.Length;)
            {
                var end = start + 1;
                while (end < members.Length && sortedHashes[end] == sortedHashes[start]) end++;
                if (end - start > maxBlock)
                    for (var i = start; i < end; i++) oversized[k][members[i]] = true;
                else if (end - start > 1) local.Add((k, start, end - start));
                start = end;
            }
            lock (blocks) blocks.AddRange(local);
        });
        blocks.Sort();
        compared = new ulong[(long)n * keys.Count];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < keys.Count; k++)
                compared[(long)i * keys.Count + k] = oversized[k][i] ? 0 : hashes[k][i];
        for (var k = 0; k < keys.Count; k++)
        {
            SkippedRecords += oversized[k].Count(x => x);
            var members = order[k];
            for (var start = 0; start < members.Length;)
            {
                var end = start + 1;
                while (end < members.Length && hashes[k][members[end]] == hashes[k][members[start]]) end++;
                if (end - start > maxBlock) SkippedBlocks++;
                start = end;
            }
        }
    }

    /// <summary>The records of block b (indexes into the records), and the key it belongs to.</summary>
    public ReadOnlySpan<int> Members(int block, out int key)
    {
        var (k, start, length) = blocks[block];
        key = k;
        return order[k].AsSpan(start, length);
    }

    /// <summary>True when a and b share an earlier key whose block was compared: the pair was scored there already.</summary>
    public bool SeenBefore(int key, int a, int b)
    {
        var (x, y) = ((long)a * Keys.Count, (long)b * Keys.Count);
        for (var k = 0; k < key; k++)
            if (compared[x + k] != 0 && compared[x + k] == compared[y + k]) return true;
        return false;
    }

    /// <summary>Every candidate pair once (a before b in the block), in block order; links only across sources when given.</summary>
    public IEnumerable<(int A, int B)> Pairs(int[]? source = null)
    {
        for (var b = 0; b < blocks.Count; b++)
        {
            var (k, start, length) = blocks[b];
            for (var i = 0; i < length; i++)
                for (var j = i + 1; j < length; j++)
                {
                    var (x, y) = (order[k][start + i], order[k][start + j]);
                    if (source is not null && source[x] == source[y]) continue;
                    if (!SeenBefore(k, x, y)) yield return (x, y);
                }
        }
    }
}
