using Patron.Ingestion.Cleaning;

namespace Patron.Tests.Ingestion.Cleaning;

public sealed class RegionTableTests
{
    [Fact]
    public void The_table_has_all_34_provincial_level_divisions_and_4_municipalities()
    {
        Assert.Equal(34, RegionTable.Provinces.Count);
        Assert.Equal(["北京市", "天津市", "上海市", "重庆市"], RegionTable.Provinces.Where(p => p.IsMunicipality).Select(p => p.Name));
    }

    [Fact]
    public void The_table_has_all_333_prefecture_level_divisions() =>
        Assert.Equal(333, RegionTable.Cities.Count(c => !c.Parent!.IsMunicipality));

    [Fact]
    public void No_name_or_short_form_is_listed_twice_at_the_same_level()
    {
        var provinceNames = RegionTable.Provinces.SelectMany(p => p.Shorts.Prepend(p.Name)).ToList();
        Assert.Equal(provinceNames.Count, provinceNames.Distinct().Count());
        var cityNames = RegionTable.Cities.SelectMany(c => c.Shorts.Prepend(c.Name)).ToList();
        Assert.Equal(cityNames.Count, cityNames.Distinct().Count());
        foreach (var city in RegionTable.Cities)
        {
            var districtNames = city.Children.SelectMany(d => d.Shorts.Prepend(d.Name)).ToList();
            Assert.Equal(districtNames.Count, districtNames.Distinct().Count());
        }
    }

    [Theory]
    [InlineData("北京市", 16)]
    [InlineData("上海市", 16)]
    [InlineData("天津市", 16)]
    [InlineData("重庆市", 38)]
    [InlineData("杭州市", 13)]
    [InlineData("南京市", 11)]
    [InlineData("广州市", 11)]
    [InlineData("深圳市", 9)]
    [InlineData("成都市", 20)]
    [InlineData("武汉市", 13)]
    [InlineData("苏州市", 9)]
    public void Districts_are_complete_for_the_covered_cities(string city, int districts) =>
        Assert.Equal(districts, RegionTable.Cities.Single(c => c.Name == city).Children.Count);

    [Theory]
    [InlineData("上海市", "上海")]
    [InlineData("广东省", "粤")]
    [InlineData("内蒙古自治区", "内蒙古")]
    public void Provinces_carry_their_short_forms(string province, string shortForm) =>
        Assert.Contains(shortForm, RegionTable.Provinces.Single(p => p.Name == province).Shorts);
}
