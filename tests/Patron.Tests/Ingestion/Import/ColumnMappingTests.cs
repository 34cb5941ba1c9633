using Patron.Ingestion.Import.Mapping;

namespace Patron.Tests.Ingestion.Import;

public sealed class ColumnMappingTests
{
    [Fact]
    public void Chinese_order_export_headers_are_mapped_to_their_fields()
    {
        var mapping = ColumnMapping.Suggest(ImportKind.Orders, SampleFiles.OrderHeaders);

        Assert.Equal(new Dictionary<string, string>
        {
            ["orderId"] = "订单编号", ["buyerId"] = "买家会员名", ["name"] = "收货人姓名", ["mobile"] = "联系手机", ["address"] = "收货地址",
            ["placedAt"] = "订单付款时间", ["orderPaid"] = "实付金额", ["productName"] = "商品名称", ["quantity"] = "数量", ["lineAmount"] = "小计",
        }, mapping.Columns);
    }

    [Fact]
    public void English_headers_match_whatever_their_case_spacing_and_underscores()
    {
        var mapping = ColumnMapping.Suggest(ImportKind.Customers, ["Member Card No", "full_name", "MOBILE", "E-mail", "Date of Birth", "Sex", "Notes"]);

        Assert.Equal(new Dictionary<string, string>
        {
            ["memberCard"] = "Member Card No", ["name"] = "full_name", ["mobile"] = "MOBILE", ["email"] = "E-mail",
            ["birthday"] = "Date of Birth", ["gender"] = "Sex",
        }, mapping.Columns);
    }

    [Fact]
    public void A_customers_import_does_not_map_order_columns()
    {
        var mapping = ColumnMapping.Suggest(ImportKind.Customers, SampleFiles.OrderHeaders);
        Assert.DoesNotContain("orderId", mapping.Columns.Keys);
        Assert.Contains("mobile", mapping.Columns.Keys);
    }

    [Fact]
    public void A_mapping_survives_its_json_file()
    {
        var mapping = MappingPresets.Find(MappingPresets.Pos)! with { UtcOffsetHours = 9, DateFormat = "dd/MM/yyyy" };
        var back = ColumnMapping.FromJson(mapping.ToJson());
        Assert.Equal(mapping.Columns, back.Columns);
        Assert.Equal((mapping.Kind, mapping.Channel, 9d, "dd/MM/yyyy"), (back.Kind, back.Channel, back.UtcOffsetHours, back.DateFormat));
        Assert.Contains("\"订单编号\"", MappingPresets.Find(MappingPresets.OnlineShop)!.ToJson());
    }

    [Fact]
    public void A_mapping_that_names_a_missing_column_or_lacks_a_required_field_is_refused_with_reasons()
    {
        var mapping = new ColumnMapping(ImportKind.Orders, new() { ["orderId"] = "单号", ["colour"] = "颜色" });
        var (_, problems) = mapping.Resolve(["订单编号", "商品名称"]);

        Assert.Contains(problems, p => p.Contains("'单号'"));
        Assert.Contains(problems, p => p.Contains("'colour'"));
        Assert.Contains(problems, p => p.Contains("placedAt"));
        Assert.Contains(problems, p => p.Contains("productName or sku"));
    }

    [Theory]
    [InlineData(MappingPresets.Pos)]
    [InlineData(MappingPresets.OnlineShop)]
    [InlineData(MappingPresets.MemberList)]
    public void Every_preset_fits_a_file_with_its_own_headers(string name)
    {
        var preset = MappingPresets.Find(name)!;
        var (index, problems) = preset.Resolve(preset.Columns.Values.ToList());
        Assert.Empty(problems);
        Assert.Equal(preset.Columns.Count, index.Count(i => i >= 0));
    }
}
