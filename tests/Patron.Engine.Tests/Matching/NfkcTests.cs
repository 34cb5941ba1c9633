using System.Text;
using Patron.Engine.Matching;

namespace Patron.Engine.Tests.Matching;

public sealed class NfkcTests
{
    [Fact]
    public void Every_character_of_the_basic_plane_normalises_as_ICU_does()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var s = ((char)c).ToString();
            string icu;
            try { icu = s.Normalize(NormalizationForm.FormKC); }
            catch (ArgumentException)
            {
                // Noncharacters (U+FFFE, U+FDD0…) are refused by ICU, and must still be.
                Assert.Throws<ArgumentException>(() => Nfkc.Of(s));
                continue;
            }
            Assert.True(icu == Nfkc.Of(s), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("王小明")]
    [InlineData("上海市浦东新区张江路1号")]
    [InlineData("Ｊｏｈｎ　Ｓｍｉｔｈ")]
    [InlineData("２０２４年３月５日")]
    [InlineData("王小明①号")]
    [InlineData("Zoe\u0301")]
    [InlineData("ﬁle №5")]
    [InlineData("plain ascii 123")]
    public void Mixed_text_normalises_as_ICU_does(string s) => Assert.Equal(s.Normalize(NormalizationForm.FormKC), Nfkc.Of(s));

    [Fact]
    public void Text_that_cannot_change_is_returned_as_it_is()
    {
        var s = "浙江省杭州市西湖区文三路73号 room 5";
        Assert.Same(s, Nfkc.Of(s));
    }
}
