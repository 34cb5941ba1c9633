using Patron.Engine.Matching;

namespace Patron.Engine.Tests.Matching;

public sealed class NameSimilarityTests
{
    [Fact]
    public void A_homophone_in_a_two_character_name_agrees_by_half()
    {
        // 伟 and 玮 are both wei: one character of two differs.
        Assert.Equal(0.5, NameSimilarity.Similarity("张伟", "张玮"), 6);
        Assert.Equal(2 / 3.0, NameSimilarity.Similarity("王晓明", "王小明"), 6);
    }

    [Fact]
    public void Reordered_characters_agree_through_the_character_overlap()
    {
        // Edit similarity 1 - 2/3 (two substitutions); overlap 3 of 3: 0.9 × 1 wins.
        Assert.Equal(0.9, NameSimilarity.Similarity("张明伟", "张伟明"), 6);
    }

    [Fact]
    public void Different_Chinese_names_do_not_agree()
    {
        Assert.Equal(0, NameSimilarity.Similarity("张伟", "李娜"));
        Assert.Equal(1, NameSimilarity.Similarity("李娜", "李娜"));
    }

    [Fact]
    public void Latin_names_with_family_and_given_name_swapped_agree_fully()
    {
        var (a, b) = ("wei zhang", "zhang wei");
        Assert.True(JaroWinkler.Similarity(a, b) < 0.8);
        Assert.Equal(1, NameSimilarity.Similarity(a, b, FieldText.SortedWords(a), FieldText.SortedWords(b)));
    }

    [Fact]
    public void Names_are_normalised_before_comparison()
    {
        // Full-width Latin, a space inside a Chinese name, punctuation.
        Assert.Equal("zhang wei", FieldText.Normalise(FieldKind.Name, "Ｚｈａｎｇ  Wei,"));
        Assert.Equal("张伟", FieldText.Normalise(FieldKind.Name, " 张 伟 "));
        Assert.Null(FieldText.Normalise(FieldKind.Name, "  "));
    }
}
