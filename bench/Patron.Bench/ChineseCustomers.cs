using System.Globalization;
using System.Text;

namespace Patron.Bench;

/// <summary>A generated customer record as a shop export would hold it, with the entity it truly belongs to.</summary>
sealed record GeneratedCustomer(string Id, string Entity, string Name, string Mobile, string Email, string Birthday, string Address);

/// <summary>
/// A labelled Chinese customer set with realistic corruption, since no public one exists: names drawn from common
/// family names (Zipf-weighted) and given-name characters; duplicates of an entity get one to three of: a homophone
/// or a typo in the name (张伟/张玮), a mobile written another way (+86, 0086, spaces, dashes, full-width digits),
/// masked (138****8000) or with one digit wrong, the email's domain or case changed, the birthday in another format
/// or with day and month swapped, the address abbreviated (上海市浦东新区 → 上海浦东), spaced or with a typo, fields left
/// empty. Hard negatives are built in: many people share a name (王伟), and households share an address and family name.
/// Deterministic for a seed.
/// </summary>
sealed class ChineseCustomers(int seed)
{
    static readonly string[] Families = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".Select(c => c.ToString()).ToArray();
    static readonly string[] Given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华红玲婷雪慧峰建文斌辉鹏飞宇浩博欣佳晨怡倩俊志梅琴云莉萍鑫丹凤春宁旭亮成林晶海波玉荣秋兵东晓永国瑞凯琳颖彤子轩梓涵一诺欣怡宇航思远雨萱".Select(c => c.ToString()).ToArray();
    static readonly string[][] Homophones =
    [
        ["伟", "玮", "炜", "蔚"], ["静", "婧", "晶", "菁"], ["丽", "莉", "俐", "利"], ["娜", "纳"], ["敏", "民", "闽"], ["杰", "洁", "捷"],
        ["涛", "韬", "滔"], ["明", "铭", "鸣"], ["军", "君", "均"], ["磊", "垒"], ["勇", "永", "咏"], ["艳", "燕", "彦", "雁"], ["娟", "鹃", "涓"],
        ["霞", "侠"], ["平", "萍", "苹"], ["刚", "钢", "岗"], ["华", "桦", "骅"], ["红", "虹", "宏", "鸿"], ["玲", "琳", "林", "凌"], ["婷", "亭", "庭"],
        ["雪", "学"], ["慧", "惠", "蕙"], ["峰", "锋", "丰", "枫"], ["建", "健", "剑"], ["文", "雯", "闻"], ["斌", "彬", "滨"], ["辉", "晖", "徽"],
        ["鹏", "朋"], ["飞", "菲", "霏"], ["宇", "雨", "羽", "禹"], ["浩", "昊", "皓"], ["博", "波", "柏"], ["欣", "新", "鑫", "馨"], ["佳", "嘉", "家"],
        ["晨", "辰", "琛"], ["怡", "仪", "宜"], ["倩", "茜"], ["俊", "骏", "峻"], ["志", "智", "芝"], ["徐", "许"], ["刘", "柳"], ["王", "汪"], ["张", "章"],
    ];
    // (full province, full city or null for a municipality, district, short form as people write it)
    static readonly (string Province, string? City, string District, string Short)[] Districts =
    [
        ("上海市", null, "浦东新区", "上海浦东"), ("上海市", null, "徐汇区", "上海徐汇"), ("上海市", null, "闵行区", "上海闵行"),
        ("北京市", null, "朝阳区", "北京朝阳"), ("北京市", null, "海淀区", "北京海淀"), ("天津市", null, "南开区", "天津南开"),
        ("广东省", "广州市", "天河区", "广州天河"), ("广东省", "深圳市", "南山区", "深圳南山"), ("浙江省", "杭州市", "西湖区", "杭州西湖"),
        ("江苏省", "南京市", "鼓楼区", "南京鼓楼"), ("四川省", "成都市", "武侯区", "成都武侯"), ("湖北省", "武汉市", "洪山区", "武汉洪山"),
    ];
    static readonly string[] Streets = ["张杨路", "世纪大道", "建国路", "中关村大街", "天河路", "科技园路", "文三路", "中山路", "人民南路", "珞喻路", "解放路", "长江路", "和平街", "新华路", "友谊路", "幸福里"];
    static readonly string[] Domains = ["qq.com", "163.com", "126.com", "sina.com", "gmail.com", "outlook.com"];
    static readonly int[] MobilePrefixes = [130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 155, 157, 158, 159, 166, 176, 177, 178, 180, 181, 182, 185, 186, 187, 188, 189, 191, 198, 199];

    readonly Random random = new(seed);
    readonly double[] familyWeights = Zipf(Families.Length, 1.0);
    readonly double[] givenWeights = Zipf(Given.Length, 0.8);

    /// <summary>
    /// entities originals, and for a share of them 1 to maxDuplicates corrupted duplicates; a household share of the
    /// originals reuse an earlier original's address and family name (a different person at the same home).
    /// </summary>
    public List<GeneratedCustomer> Generate(int entities, double duplicateShare = 0.3, int maxDuplicates = 3, double householdShare = 0.1)
    {
        var originals = new List<GeneratedCustomer>(entities);
        for (var e = 0; e < entities; e++)
        {
            var household = e > 0 && random.NextDouble() < householdShare ? originals[random.Next(originals.Count)] : null;
            originals.Add(Original(e, household));
        }
        var all = new List<GeneratedCustomer>((int)(entities * (1 + duplicateShare * 2)));
        foreach (var o in originals)
        {
            all.Add(o);
            if (random.NextDouble() >= duplicateShare) continue;
            var copies = 1 + random.Next(maxDuplicates);
            for (var k = 0; k < copies; k++) all.Add(Corrupt(o, $"{o.Id}-dup-{k}"));
        }
        // Shuffled, so that duplicates are not next to their originals (as in an export merged from several shops).
        for (var i = all.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (all[i], all[j]) = (all[j], all[i]);
        }
        return all;
    }

    GeneratedCustomer Original(int e, GeneratedCustomer? household)
    {
        var family = household is not null ? household.Name[..1] : Families[Pick(familyWeights)];
        var given = Given[Pick(givenWeights)] + (random.NextDouble() < 0.7 ? Given[Pick(givenWeights)] : "");
        var mobile = $"{MobilePrefixes[random.Next(MobilePrefixes.Length)]}{random.Next(100_000_000):D8}";
        var email = random.NextDouble() < 0.6
            ? (random.NextDouble() < 0.5 ? $"{random.Next(10_000, 2_000_000_000)}@qq.com" : $"{Letters(random.Next(4, 9))}{random.Next(100)}@{Domains[random.Next(Domains.Length)]}")
            : "";
        var birthday = new DateOnly(1950, 1, 1).AddDays(random.Next(365 * 55)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string address;
        if (household is not null) address = household.Address;
        else
        {
            var d = Districts[random.Next(Districts.Length)];
            address = $"{d.Province}{d.City}{d.District}{Streets[random.Next(Streets.Length)]}{random.Next(1, 1000)}号" +
                      (random.NextDouble() < 0.5 ? $"{random.Next(1, 30)}栋{random.Next(1, 30)}{random.Next(1, 4):D2}室" : "");
        }
        var id = $"c{e}";
        return new GeneratedCustomer(id, $"e{e}", family + given, mobile, email, birthday, address);
    }

    GeneratedCustomer Corrupt(GeneratedCustomer o, string id)
    {
        var c = o with { Id = id };
        var changes = 1 + random.Next(3);
        for (var k = 0; k < changes; k++)
            c = random.Next(5) switch
            {
                0 => c with { Name = CorruptName(c.Name) },
                1 => c with { Mobile = CorruptMobile(c.Mobile) },
                2 => c with { Email = CorruptEmail(c.Email) },
                3 => c with { Birthday = CorruptBirthday(c.Birthday) },
                _ => c with { Address = CorruptAddress(c.Address) },
            };
        // Every record is also re-written the way its channel writes it: formats vary even without mistakes.
        return c with { Mobile = Format(c.Mobile), Birthday = FormatDate(c.Birthday) };
    }

    string CorruptName(string name)
    {
        if (name.Length < 2) return name;
        var roll = random.NextDouble();
        if (roll < 0.6)
        {
            // A homophone: the input method offered a character with the same sound.
            var positions = Enumerable.Range(0, name.Length).Where(i => Homophones.Any(g => g.Contains(name[i].ToString()))).ToList();
            if (positions.Count > 0)
            {
                var i = positions[random.Next(positions.Count)];
                var group = Homophones.First(g => g.Contains(name[i].ToString()));
                var other = group.Where(x => x != name[i].ToString()).ToArray();
                return name[..i] + other[random.Next(other.Length)] + name[(i + 1)..];
            }
        }
        if (roll < 0.75 && name.Length > 2) return name[..^1]; // the last character left out
        if (roll < 0.85) return name[0] + " " + name[1..];     // a space after the family name
        if (roll < 0.95) return name + (random.Next(2) == 0 ? "先生" : "女士");
        return "";
    }

    string CorruptMobile(string mobile)
    {
        if (mobile.Length != 11) return mobile;
        return random.Next(4) switch
        {
            0 => mobile[..3] + "****" + mobile[7..],
            1 => OneDigitWrong(mobile),
            2 => "",
            _ => mobile,
        };
    }

    string OneDigitWrong(string mobile)
    {
        var i = random.Next(3, 11);
        return mobile[..i] + (char)('0' + (mobile[i] - '0' + 1 + random.Next(8)) % 10) + mobile[(i + 1)..];
    }

    string CorruptEmail(string email)
    {
        if (email.Length == 0) return random.Next(3) == 0 ? $"{Letters(6)}@163.com" : "";
        return random.Next(3) switch
        {
            0 => email.Replace("@qq.com", "@foxmail.com").Replace("@163.com", "@126.com"),
            1 => email.ToUpperInvariant(),
            _ => "",
        };
    }

    string CorruptBirthday(string iso)
    {
        if (iso.Length == 0) return iso;
        var d = DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (random.Next(3) > 0 && d.Day <= 12 && d.Day != d.Month) return new DateOnly(d.Year, d.Day, d.Month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return random.Next(2) == 0 ? "" : d.AddYears(random.Next(2) == 0 ? 1 : -1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    string CorruptAddress(string address)
    {
        var d = Districts.FirstOrDefault(x => address.StartsWith(x.Province + x.City + x.District, StringComparison.Ordinal));
        var rest = d.Province is null ? address : address[(d.Province.Length + (d.City?.Length ?? 0) + d.District.Length)..];
        return random.Next(5) switch
        {
            0 when d.Province is not null => d.Short + rest,
            1 when d.Province is not null => d.District + rest,
            2 when d.Province is not null => $"{d.Province} {d.City} {d.District} {rest}",
            3 => rest.Contains('栋') ? address[..address.IndexOf(rest, StringComparison.Ordinal)] + rest[..(rest.IndexOf('号') + 1)] : address.Replace("号", ""),
            _ => "",
        };
    }

    string Format(string mobile)
    {
        if (mobile.Length != 11 || mobile.Contains('*')) return mobile;
        return random.Next(6) switch
        {
            0 => $"{mobile[..3]} {mobile[3..7]} {mobile[7..]}",
            1 => "+86 " + mobile,
            2 => $"+86-{mobile[..3]}-{mobile[3..7]}-{mobile[7..]}",
            3 => "0086" + mobile,
            4 => string.Concat(mobile.Select(c => (char)(c - '0' + '０'))),
            _ => mobile,
        };
    }

    string FormatDate(string iso)
    {
        if (iso.Length == 0) return iso;
        var d = DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return random.Next(4) switch
        {
            0 => d.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
            1 => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            2 => $"{d.Year}年{d.Month}月{d.Day}日",
            _ => iso,
        };
    }

    string Letters(int n)
    {
        var b = new StringBuilder(n);
        for (var i = 0; i < n; i++) b.Append((char)('a' + random.Next(26)));
        return b.ToString();
    }

    int Pick(double[] cumulative)
    {
        var i = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    static double[] Zipf(int n, double s)
    {
        var c = new double[n];
        for (var i = 0; i < n; i++) c[i] = (i > 0 ? c[i - 1] : 0) + 1 / Math.Pow(i + 1, s);
        return c;
    }
}
