using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Patron.Ingestion.Import.Reading;

namespace Patron.Tests.Ingestion.Import;

/// <summary>
/// Small messy exports written on the fly in the formats shops send: GBK with semicolons, gzipped UTF-8 with tabs,
/// .xlsx. The same table in every format, so a test can check that the format changes nothing.
/// </summary>
sealed class SampleFiles : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("patron-import-").FullName;

    public static readonly string[] OrderHeaders = ["订单编号", "买家会员名", "收货人姓名", "联系手机", "收货地址", "订单付款时间", "实付金额", "商品名称", "数量", "小计"];

    /// <summary>
    /// 12 rows: 8 orders, of which T1003 and T1006 have two lines; rejected are T1004 (impossible mobile), T1005
    /// (no time), both rows of T1006 (one bad quantity) and T1009 (a future time); T1007 is anonymous; T1008 shares
    /// T1001's mobile; T1010 writes its mobile with full-width digits.
    /// </summary>
    public static string[][] Orders =>
    [
        OrderHeaders,
        ["T1001", "小明", "王小明先生", "138 0013 8000", "上海浦东新区张江路1号", "2024-03-05 14:23:11", "¥25.80", "有机苹果", "2", "25.80"],
        ["T1002", "lily_li", "李丽", "+86-139-0013-9000", "北京市朝阳区建国路88号", "2024/3/6 9:05", "1,234.50元", "进口牛奶", "1", "1234.50"],
        ["T1003", "张三", "张三", "0086 13700137000", "浙江省杭州市西湖区文三路5号", "2024-03-07 10:00:00", "30.00", "香蕉", "1", "10.00"],
        ["T1003", "张三", "张三", "0086 13700137000", "浙江省杭州市西湖区文三路5号", "2024-03-07 10:00:00", "30.00", "橙子", "2", "20.00"],
        ["T1004", "bad", "赵六", "12345", "广州市天河区", "2024-03-08 11:00:00", "9.90", "鸡蛋", "1", "9.90"],
        ["T1005", "notime", "钱七", "13600136000", "深圳市南山区", "", "5.00", "面包", "1", "5.00"],
        ["T1006", "孙八", "孙八", "13500135000", "南京市鼓楼区", "2024-03-09 12:00:00", "12.00", "酸奶", "1", "6.00"],
        ["T1006", "孙八", "孙八", "13500135000", "南京市鼓楼区", "2024-03-09 12:00:00", "12.00", "酸奶", "abc", "6.00"],
        ["T1007", "", "", "", "", "2024-03-10 08:30:00", "3.50", "矿泉水", "1", "3.50"],
        ["T1008", "xiaoming2", "王小明", "13800138000", "上海市浦东新区张江路1号", "2024-03-11 18:00:00", "8.00", "有机苹果", "1", "8.00"],
        ["T1009", "future", "周九", "13300133000", "成都市武侯区", "2099-01-01 00:00:00", "1.00", "盐", "1", "1.00"],
        ["T1010", "吴十", "吴十", "１３２００１３２０００", "重庆渝中区解放碑", "2024年3月12日 9:00", "７．５０", "豆腐", "1", "7.50"],
    ];

    public static readonly string[] MemberHeaders = ["会员卡号", "姓名", "手机号", "性别", "生日", "邮箱", "地址"];

    /// <summary>5 members: one without any identifier and one with a bad birthday are rejected.</summary>
    public static string[][] Members =>
    [
        MemberHeaders,
        ["8800 0001", "陈一", "13100131000", "女", "1990-05-06", "Chen.Yi@Example.COM", "上海市徐汇区漕溪北路1号"],
        ["8800 0002", "Mr. John Smith", "13000130000", "M", "1985/2/3", "john@example.com", ""],
        ["", "无号码", "", "男", "", "", ""],
        ["8800 0004", "林四", "18900189000", "1", "1992-02-30", "", ""],
        ["8800 0005", "黄五", "18800188000", "未知", "19951201", "", "天津和平区南京路2号"],
    ];

    public string Path(string name) => System.IO.Path.Combine(folder, name);

    public string Csv(string name, string[][] rows, char delimiter = ',', Encoding? encoding = null, bool gzip = false)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join(delimiter, row.Select(c => c.Contains(delimiter) || c.Contains('"') ? $"\"{c.Replace("\"", "\"\"")}\"" : c))).Append("\r\n");
        var bytes = (encoding ?? new UTF8Encoding(false)).GetPreamble().Concat((encoding ?? new UTF8Encoding(false)).GetBytes(text.ToString())).ToArray();
        var path = Path(name);
        using var file = File.Create(path);
        if (gzip)
        {
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(bytes);
        }
        else file.Write(bytes);
        return path;
    }

    public static Encoding Gbk => TextEncodingSniffer.Gb18030;

    public string Xlsx(string name, string[][] rows)
    {
        var path = Path(name);
        var table = rows.Skip(1).Select(r => (IDictionary<string, object>)rows[0].Select((h, i) => (h, (object)r[i])).ToDictionary(p => p.h, p => p.Item2));
        MiniExcel.SaveAs(path, table);
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
