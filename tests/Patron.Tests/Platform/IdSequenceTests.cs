using Patron.Platform;

namespace Patron.Tests.Platform;

public sealed class IdSequenceTests
{
    [Fact]
    public void Ids_from_interleaved_sequences_are_unique_and_strictly_increasing_as_guids_and_as_text()
    {
        var first = new IdSequence(blockSize: 7);
        var second = new IdSequence(blockSize: 300);
        var ids = new List<Guid>();
        // Interleaved blocks: every block is reserved after the previous one, so the order in which they were drawn holds.
        for (var i = 0; i < 5_000; i++) ids.Add(i % 3 == 0 ? second.Next() : first.Next());
        var byBlock = ids.Where((_, i) => i % 3 != 0).ToList();
        Assert.Equal(byBlock.Count, byBlock.Distinct().Count());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        AssertIncreasing(byBlock);
        AssertIncreasing(ids.Where((_, i) => i % 3 == 0).ToList());
        var fill = new Guid[100_000];
        IdSequence.Fill(fill);
        AssertIncreasing(fill);
        Assert.True(fill[0].CompareTo(ids.Max()) > 0, "a later fill continues after every id handed out before");
    }

    [Fact]
    public void Ids_are_version_7_with_the_current_time_in_the_first_48_bits()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = new IdSequence().Next();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        var ms = Convert.ToInt64(id.ToString("N")[..12], 16);
        // At most one millisecond borrowed ahead when a millisecond's counter runs out.
        Assert.InRange(ms, before, after + 1);
    }

    [Fact]
    public void A_million_ids_filled_at_once_are_unique()
    {
        // Thousands of ids share a millisecond: the counter, not the clock, keeps them apart.
        var ids = new Guid[1_000_000];
        IdSequence.Fill(ids);
        Assert.Equal(ids.Length, ids.ToHashSet().Count);
    }

    static void AssertIncreasing(IReadOnlyList<Guid> ids)
    {
        for (var i = 1; i < ids.Count; i++)
        {
            Assert.True(ids[i - 1].CompareTo(ids[i]) < 0, $"id {i} is not above id {i - 1}");
            Assert.True(string.CompareOrdinal(ids[i - 1].ToString("D").ToUpperInvariant(), ids[i].ToString("D").ToUpperInvariant()) < 0);
        }
    }
}
