namespace Patron.DemoData.People;

/// <summary>Mobiles, e-mail addresses, WeChat OpenIDs and member cards; each unique within one generated data set.</summary>
sealed class Contacts
{
    /// <summary>Mobile prefixes that libphonenumber accepts as valid for CN (13x, 15x, 17x, 18x, 19x); 154, 170 and 171 are left out on purpose.</summary>
    static readonly int[] MobilePrefixes =
        [130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159,
         173, 175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 191, 193, 195, 196, 198, 199];

    static readonly string[] ChineseDomains = ["163.com", "126.com", "sina.com", "foxmail.com", "139.com"];
    static readonly string[] EnglishDomains = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.com"];
    const string OpenIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    readonly HashSet<long> mobiles = [];
    readonly HashSet<string> emails = [];

    /// <summary>E.164, e.g. +8613812345678.</summary>
    public string Mobile(DemoRandom random)
    {
        while (true)
        {
            var number = MobilePrefixes[random.Next(MobilePrefixes.Length)] * 100_000_000L + random.Next(100_000_000);
            if (mobiles.Add(number)) return $"+86{number}";
        }
    }

    /// <summary>Chinese customers often use a numeric QQ mailbox; the others a word and a number.</summary>
    public string Email(DemoRandom random, bool english, string? first, string? last)
    {
        while (true)
        {
            var email = english
                ? $"{first!.ToLowerInvariant()}.{last!.ToLowerInvariant()}{random.Next(1, 1000)}@{random.Pick(EnglishDomains)}"
                : random.Chance(0.5)
                    ? $"{random.Next(10_000_000, 2_000_000_000)}@qq.com"
                    : $"{Letters(random, random.Next(4, 9))}{random.Next(1, 10_000)}@{random.Pick(ChineseDomains)}";
            if (emails.Add(email)) return email;
        }
    }

    /// <summary>A WeChat OpenID is 28 characters and starts with "o"; 162 random bits make collisions negligible.</summary>
    public static string OpenId(DemoRandom random) =>
        string.Create(28, random, (span, r) =>
        {
            span[0] = 'o';
            for (var i = 1; i < span.Length; i++) span[i] = OpenIdAlphabet[r.Next(OpenIdAlphabet.Length)];
        });

    /// <summary>Member cards are numbered in sign-up order; unique by construction.</summary>
    public static string MemberCard(int index) => $"8860{index + 1:D8}";

    static string Letters(DemoRandom random, int length) =>
        string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + r.Next(26));
        });
}
