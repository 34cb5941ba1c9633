namespace Patron.DemoData.People;

/// <summary>Occupations and tags, in both locales.</summary>
static class Traits
{
    static readonly (string Zh, string En)[] Working =
    [
        ("教师", "Teacher"), ("医生", "Doctor"), ("护士", "Nurse"), ("工程师", "Engineer"), ("程序员", "Software developer"),
        ("会计", "Accountant"), ("销售", "Sales"), ("公务员", "Civil servant"), ("自由职业", "Freelancer"), ("个体经营", "Self-employed"),
        ("设计师", "Designer"), ("律师", "Lawyer"), ("职员", "Office worker"), ("司机", "Driver"), ("厨师", "Chef"), ("全职主妇", "Homemaker"),
    ];

    static readonly (string Zh, string En) Student = ("学生", "Student");
    static readonly (string Zh, string En) Retired = ("退休", "Retired");

    /// <summary>About a third of members leave the field empty; the very young study and the old are retired.</summary>
    public static string? Occupation(DemoRandom random, int age, bool english)
    {
        if (random.Chance(0.35)) return null;
        var pick = age < 23 && random.Chance(0.8) ? Student
            : age >= 60 && random.Chance(0.85) ? Retired
            : Working[random.Next(Working.Length)];
        return english ? pick.En : pick.Zh;
    }

    public static readonly (string Zh, string En) FruitLover = ("水果控", "Fruit lover");
    public static readonly (string Zh, string En) SeafoodFan = ("海鲜达人", "Seafood fan");
    public static readonly (string Zh, string En) HomeCook = ("爱下厨", "Home cook");
    public static readonly (string Zh, string En) SnackFan = ("零食党", "Snack fan");
    public static readonly (string Zh, string En) YoungParent = ("宝妈宝爸", "Young parent");
    public static readonly (string Zh, string En) DealSeeker = ("价格敏感", "Deal seeker");
    public static readonly (string Zh, string En) Corporate = ("企业团购", "Corporate buyer");
    public static readonly (string Zh, string En) Organic = ("有机偏好", "Prefers organic");
}
