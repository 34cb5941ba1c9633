using Patron.Ingestion.Cleaning;

namespace Patron.Tests.Ingestion.Cleaning;

public sealed class NameCleaningTests
{
    [Theory]
    [InlineData("王先生", "王", "先生")]
    [InlineData("李女士", "李", "女士")]
    [InlineData("张小姐", "张", "小姐")]
    [InlineData("陈太太", "陈", "太太")]
    [InlineData("刘老师", "刘", "老师")]
    [InlineData(" 王 先生 ", "王", "先生")]
    [InlineData("欧阳先生", "欧阳", "先生")]
    [InlineData("Mr. John  Smith", "John Smith", "Mr")]
    [InlineData("mr john smith", "john smith", "Mr")]
    [InlineData("Mrs. Jane Doe", "Jane Doe", "Mrs")]
    [InlineData("MS Ada Lovelace", "Ada Lovelace", "Ms")]
    [InlineData("Miss Lee", "Lee", "Miss")]
    [InlineData("Dr.Wang", "Wang", "Dr")]
    [InlineData("Mr 王", "王", "Mr")]
    [InlineData("Ｍｒ．Ｊｏｈｎ　Ｓｍｉｔｈ", "John Smith", "Mr")]
    public void Honorifics_are_split_off_before_or_after_the_name(string raw, string name, string honorific)
    {
        var cleaned = NameCleaning.Clean(raw);
        Assert.Null(cleaned.Error);
        Assert.Equal(new PersonName(name, honorific), cleaned.Value);
    }

    [Theory]
    [InlineData("张三", "张三")]
    [InlineData("  张\u3000三  ", "张 三")]
    [InlineData("John \t  Smith", "John Smith")]
    [InlineData("Ｊｏｈｎ", "John")]
    [InlineData("Drew Barrymore", "Drew Barrymore")]
    [InlineData("Missy Elliott", "Missy Elliott")]
    [InlineData("阿卜杜·热合曼", "阿卜杜·热合曼")]
    [InlineData("O'Brien", "O'Brien")]
    public void Names_without_honorifics_are_only_tidied(string raw, string name)
    {
        var cleaned = NameCleaning.Clean(raw);
        Assert.Null(cleaned.Error);
        Assert.Equal(new PersonName(name, null), cleaned.Value);
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("---")]
    [InlineData("？？？")]
    [InlineData("123.45")]
    [InlineData("先生")]
    [InlineData("Mr.")]
    [InlineData("N/A")]
    [InlineData("无")]
    [InlineData("null")]
    public void Obvious_non_names_are_refused_with_a_reason(string raw)
    {
        var cleaned = NameCleaning.Clean(raw);
        Assert.False(cleaned.HasValue);
        Assert.False(string.IsNullOrWhiteSpace(cleaned.Error));
    }

    [Fact]
    public void An_empty_name_is_empty_not_an_error() => Assert.True(NameCleaning.Clean("  ").IsEmpty);
}
