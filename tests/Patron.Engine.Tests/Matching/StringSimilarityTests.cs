using Patron.Engine.Matching;

namespace Patron.Engine.Tests.Matching;

public sealed class StringSimilarityTests
{
    // Winkler (1990) and the Wikipedia worked examples, computed by hand:
    // MARTHA/MARHTA: m = 6, t = 1, Jaro = (1 + 1 + 5/6) / 3 = 0.9444; prefix 3: 0.9444 + 0.3 × 0.0556 = 0.9611.
    // DIXON/DICKSONX: m = 4, t = 0, Jaro = (4/5 + 4/8 + 1) / 3 = 0.7667; prefix 2: 0.7667 + 0.2 × 0.2333 = 0.8133.
    // DWAYNE/DUANE: m = 4, t = 0, Jaro = (4/6 + 4/5 + 1) / 3 = 0.8222; prefix 1: 0.8222 + 0.1 × 0.1778 = 0.8400.
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9444, 0.9611)]
    [InlineData("DIXON", "DICKSONX", 0.7667, 0.8133)]
    [InlineData("DWAYNE", "DUANE", 0.8222, 0.8400)]
    public void Jaro_and_Jaro_Winkler_match_the_hand_computed_values(string a, string b, double jaro, double winkler)
    {
        Assert.Equal(jaro, JaroWinkler.Jaro(a, b), 4);
        Assert.Equal(winkler, JaroWinkler.Similarity(a, b), 4);
        Assert.Equal(winkler, JaroWinkler.Similarity(b, a), 4);
    }

    [Fact]
    public void Equal_strings_score_1_and_strings_with_nothing_in_common_0()
    {
        Assert.Equal(1, JaroWinkler.Similarity("zhang", "zhang"));
        Assert.Equal(0, JaroWinkler.Similarity("abc", "xyz"));
        Assert.Equal(0, JaroWinkler.Similarity("abc", ""));
    }

    [Fact]
    public void A_long_string_beyond_the_stack_buffer_gives_the_same_value_as_a_short_one_would()
    {
        var a = new string('a', 200) + "MARTHA";
        var b = new string('a', 200) + "MARHTA";
        var similarity = JaroWinkler.Similarity(a, b);
        Assert.InRange(similarity, 0.99, 1.0);
        Assert.NotEqual(1, similarity);
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("13800138000", "13800183000", 1)] // two adjacent digits swapped: one slip
    [InlineData("ca", "ac", 1)]
    [InlineData("", "abc", 3)]
    public void Edit_distance_counts_an_adjacent_swap_as_one_edit(string a, string b, int distance) =>
        Assert.Equal(distance, EditDistance.Distance(a, b));

    [Theory]
    [InlineData("Robert", "R163")]
    [InlineData("Rupert", "R163")]
    [InlineData("Ashcraft", "A261")] // H does not separate the s and c codes
    [InlineData("Tymczak", "T522")]
    [InlineData("Pfister", "P236")]
    [InlineData("Lee", "L000")]
    public void Soundex_follows_the_national_archives_rules(string name, string code) => Assert.Equal(code, Phonetic.Soundex(name));
}
