using Patron.Customers.Contracts;

namespace Patron.DemoData.People;

/// <summary>Person names. Chinese surnames are weighted roughly by their share of the population (per mille).</summary>
static class Names
{
    static readonly (string Surname, double Weight)[] ChineseSurnames =
    [
        ("王", 74), ("李", 72), ("张", 69), ("刘", 54), ("陈", 45), ("杨", 31), ("赵", 20), ("黄", 19), ("周", 18), ("吴", 17),
        ("徐", 13), ("孙", 12), ("胡", 11), ("朱", 11), ("高", 10), ("林", 10), ("何", 9.5), ("郭", 9.4), ("马", 9), ("罗", 7.5),
        ("梁", 7), ("宋", 6.5), ("郑", 6.3), ("谢", 6), ("韩", 5.6), ("唐", 5.4), ("冯", 5.2), ("于", 5), ("董", 4.8), ("肖", 4.6),
        ("程", 4.5), ("曹", 4.4), ("袁", 4.3), ("邓", 4.2), ("许", 4.1), ("傅", 4), ("沈", 3.9), ("曾", 3.8), ("彭", 3.7), ("吕", 3.6),
        ("苏", 3.5), ("卢", 3.4), ("蒋", 3.3), ("蔡", 3.2), ("贾", 3), ("丁", 3), ("魏", 2.9), ("薛", 2.8), ("叶", 2.7), ("闫", 2.6),
        ("潘", 2.5), ("杜", 2.4), ("戴", 2.3), ("夏", 2.2), ("钟", 2.1), ("汪", 2), ("田", 2), ("任", 1.9), ("姜", 1.9), ("范", 1.8),
        ("方", 1.8), ("石", 1.7), ("姚", 1.7), ("谭", 1.6), ("廖", 1.6), ("邹", 1.5), ("熊", 1.5), ("金", 1.4), ("陆", 1.4), ("郝", 1.3),
        ("孔", 1.3), ("白", 1.2), ("崔", 1.2), ("康", 1.1), ("毛", 1.1), ("邱", 1), ("秦", 1), ("江", 1), ("史", 0.9), ("顾", 0.9),
        ("欧阳", 0.3), ("司马", 0.05), ("诸葛", 0.05),
    ];

    const string MaleChars = "伟强磊军洋勇杰涛明超刚辉鹏华飞斌宇浩凯健俊帆峰建国志文博昊然轩睿泽晨阳天宏宁";
    const string FemaleChars = "芳娜敏静丽艳娟霞燕玲婷雪琳颖倩慧洁欣怡佳梦晶蕾薇萍红月瑶琪悦雯璐梅兰秀萱诗涵";
    const string NeutralChars = "子一思嘉雨安可心若晓文乐家宇新佳辰昕";

    static readonly string[] EnglishMale =
        ["James", "John", "Robert", "Michael", "David", "William", "Richard", "Thomas", "Daniel", "Matthew", "Andrew", "Joshua",
         "Ryan", "Kevin", "Brian", "Jason", "Eric", "Adam", "Samuel", "Oliver", "Henry", "Jack", "Leo", "Ethan"];

    static readonly string[] EnglishFemale =
        ["Mary", "Jennifer", "Linda", "Sarah", "Jessica", "Emily", "Emma", "Olivia", "Sophia", "Grace", "Chloe", "Hannah",
         "Laura", "Rachel", "Amy", "Anna", "Lucy", "Helen", "Karen", "Nancy", "Alice", "Ella", "Zoe", "Mia"];

    static readonly string[] EnglishSurnames =
        ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Thomas", "Moore",
         "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Allen", "Young", "King",
         "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Turner",
         "Chen", "Wang", "Li", "Zhang"];

    static readonly Weights SurnameWeights = new(ChineseSurnames.Select(s => s.Weight).ToArray());

    public static string Chinese(DemoRandom random, Gender gender)
    {
        var surname = ChineseSurnames[SurnameWeights.Pick(random)].Surname;
        var pool = gender == Gender.Female ? FemaleChars : gender == Gender.Male ? MaleChars : NeutralChars;
        // About a quarter of given names have one character, the rest two; the second often from the neutral pool.
        var first = pool[random.Next(pool.Length)];
        if (random.Chance(0.25)) return $"{surname}{first}";
        var second = random.Chance(0.3) ? NeutralChars[random.Next(NeutralChars.Length)] : pool[random.Next(pool.Length)];
        return $"{surname}{first}{second}";
    }

    public static (string First, string Last) English(DemoRandom random, Gender gender)
    {
        var first = gender == Gender.Female || (gender == Gender.Unknown && random.Chance(0.5))
            ? random.Pick(EnglishFemale) : random.Pick(EnglishMale);
        return (first, random.Pick(EnglishSurnames));
    }
}
