using Patron.Ingestion.Cleaning;

namespace Patron.Tests.Ingestion.Cleaning;

public sealed class AddressCleaningTests
{
    [Theory]
    [InlineData("上海市浦东新区世纪大道100号", "上海市", "上海市", "浦东新区", "世纪大道100号")]
    [InlineData("上海浦东张江路1号", "上海市", "上海市", "浦东新区", "张江路1号")]
    [InlineData("上海 上海市 浦东新区 世纪大道100号", "上海市", "上海市", "浦东新区", "世纪大道100号")]
    [InlineData("上海市市辖区静安区南京西路1号", "上海市", "上海市", "静安区", "南京西路1号")]
    [InlineData("沪浦东新区张江路1号", "上海市", "上海市", "浦东新区", "张江路1号")]
    [InlineData("上海南京东路100号", "上海市", "上海市", null, "南京东路100号")]
    [InlineData("上海长宁路100号", "上海市", "上海市", null, "长宁路100号")]
    [InlineData("北京市朝阳区建国路88号", "北京市", "北京市", "朝阳区", "建国路88号")]
    [InlineData("北京海淀中关村大街1号", "北京市", "北京市", "海淀区", "中关村大街1号")]
    [InlineData("天津市滨海新区第三大街", "天津市", "天津市", "滨海新区", "第三大街")]
    [InlineData("重庆市渝中区解放碑", "重庆市", "重庆市", "渝中区", "解放碑")]
    [InlineData("重庆石柱县城", "重庆市", "重庆市", "石柱土家族自治县", "县城")]
    public void Municipalities_are_both_province_and_city(string raw, string p, string c, string? d, string detail) =>
        AssertParsed(raw, p, c, d, detail);

    [Theory]
    [InlineData("浙江省杭州市西湖区文三路90号", "浙江省", "杭州市", "西湖区", "文三路90号")]
    [InlineData("杭州市西湖区文三路", "浙江省", "杭州市", "西湖区", "文三路")]
    [InlineData("杭州西湖区文三路", "浙江省", "杭州市", "西湖区", "文三路")]
    [InlineData("浙江杭州余杭区良渚街道", "浙江省", "杭州市", "余杭区", "良渚街道")]
    [InlineData("浙江 杭州 滨江区 网商路699号", "浙江省", "杭州市", "滨江区", "网商路699号")]
    [InlineData("广东省深圳市南山区科技园", "广东省", "深圳市", "南山区", "科技园")]
    [InlineData("粤深圳南山区科技园", "广东省", "深圳市", "南山区", "科技园")]
    [InlineData("广州天河区天河路385号", "广东省", "广州市", "天河区", "天河路385号")]
    [InlineData("江苏省南京市鼓楼区中山路1号", "江苏省", "南京市", "鼓楼区", "中山路1号")]
    [InlineData("苏州市昆山市花桥镇", "江苏省", "苏州市", "昆山市", "花桥镇")]
    [InlineData("四川省成都市武侯区人民南路", "四川省", "成都市", "武侯区", "人民南路")]
    [InlineData("武汉市东西湖区金银湖", "湖北省", "武汉市", "东西湖区", "金银湖")]
    public void Provinces_are_inferred_from_the_city_and_districts_read_from_the_table(string raw, string p, string c, string? d, string detail) =>
        AssertParsed(raw, p, c, d, detail);

    [Theory]
    [InlineData("宁波市海曙区中山西路", "浙江省", "宁波市", null, "海曙区中山西路")]
    [InlineData("吉林市船营区", "吉林省", "吉林市", null, "船营区")]
    [InlineData("吉林省长春市朝阳区", "吉林省", "长春市", null, "朝阳区")]
    [InlineData("青岛市市南区", "山东省", "青岛市", null, "市南区")]
    [InlineData("台州市椒江区", "浙江省", "台州市", null, "椒江区")]
    [InlineData("延边州延吉市", "吉林省", "延边朝鲜族自治州", null, "延吉市")]
    [InlineData("新疆伊犁州伊宁市", "新疆维吾尔自治区", "伊犁哈萨克自治州", null, "伊宁市")]
    [InlineData("海南省三亚市吉阳区", "海南省", "三亚市", null, "吉阳区")]
    [InlineData("青海海南州共和县", "青海省", "海南藏族自治州", null, "共和县")]
    [InlineData("内蒙古呼和浩特市", "内蒙古自治区", "呼和浩特市", null, null)]
    public void Abbreviations_that_start_other_names_do_not_steal_the_match(string raw, string p, string c, string? d, string? detail) =>
        AssertParsed(raw, p, c, d, detail);

    [Theory]
    [InlineData("中山路100号")]
    [InlineData("南京东路100号")]
    [InlineData("四川北路1号")]
    [InlineData("新华路8号")]
    [InlineData("杭州大道1号")]
    [InlineData("宁海路2号")]
    public void Streets_named_after_places_are_not_read_as_places(string raw) => AssertParsed(raw, null, null, null, raw);

    [Theory]
    [InlineData("上海", "上海市", "上海市", null)]
    [InlineData("杭州", "浙江省", "杭州市", null)]
    [InlineData("沪", null, null, "沪")]
    [InlineData("Room 5, 1 Main St", null, null, "Room 5, 1 Main St")]
    public void Short_inputs_are_read_as_far_as_they_go(string raw, string? province, string? city, string? detail) =>
        AssertParsed(raw, province, city, null, detail);

    [Fact]
    public void A_province_alone_leaves_the_rest_as_detail() => AssertParsed("浙江省某某村", "浙江省", null, null, "某某村");

    [Fact]
    public void Full_width_characters_and_spaces_are_tidied() =>
        AssertParsed("上海市　浦东新区　世纪大道１００号　２０１室", "上海市", "上海市", "浦东新区", "世纪大道100号 201室");

    [Fact]
    public void An_empty_address_is_empty_not_an_error() => Assert.True(AddressCleaning.Parse(" ").IsEmpty);

    static void AssertParsed(string raw, string? province, string? city, string? district, string? detail)
    {
        var address = AddressCleaning.Parse(raw);
        Assert.Null(address.Error);
        Assert.Equal(new ChineseAddress(province, city, district, detail), address.Value);
    }
}
