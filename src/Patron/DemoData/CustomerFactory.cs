using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.DemoData.People;

namespace Patron.DemoData;

/// <summary>One generated member with the identifiers that point at them.</summary>
public sealed record DemoCustomer(Customer Customer, IReadOnlyList<CustomerIdentifier> Identifiers);

/// <summary>Turns a shopper into a member record: name, contact details, address near the home store, tags that follow their buying.</summary>
sealed class CustomerFactory(DemoRandom random, DemoCatalog catalog, DemoCalendar calendar, Shoppers shoppers, DateOnly asOf, bool english)
{
    readonly Contacts contacts = new();

    public DemoCustomer Create(int index)
    {
        var s = shoppers.All[index];
        var signedUp = calendar.ToUtc(s.SignUpDay, s.SignUpHours);
        var gender = random.NextDouble() switch { < 0.54 => Gender.Female, < 0.98 => Gender.Male, _ => Gender.Unknown };
        string name, first = "", last = "";
        if (english) { (first, last) = Names.English(random, gender); name = $"{first} {last}"; }
        else name = Names.Chinese(random, gender);
        var age = Age(random);
        var store = catalog.StoreSpecs[s.HomeStore];
        var district = random.Chance(0.75) ? store.District : random.Pick(store.City.Districts);
        var street = random.Pick(district.Streets);
        var (lane, building, room) = (random.Next(1, 2000), random.Next(1, 40), random.Next(1, 33) * 100 + random.Next(1, 5));
        var mobile = contacts.Mobile(random);
        var email = random.Chance(english ? 0.6 : 0.3) ? contacts.Email(random, english, first, last) : null;
        var customer = new Customer
        {
            Id = s.Id,
            Name = name,
            Gender = gender,
            Birthday = random.Chance(0.9) ? asOf.AddYears(-age).AddDays(-random.Next(365)) : null,
            Mobile = mobile,
            Email = email,
            Province = english ? store.City.ProvinceEn : store.City.ProvinceZh,
            City = english ? store.City.En : store.City.Zh,
            District = english ? district.En : district.Zh,
            Address = english ? $"Room {room}, No. {building}, Lane {lane}, {street.En}" : $"{street.Zh}{lane}弄{building}号{room}室",
            Occupation = Traits.Occupation(random, age, english),
            MemberCardNo = Contacts.MemberCard(index),
            SignUpChannel = s.Channel,
            SignUpStoreId = s.Channel is SignUpChannel.Store or SignUpChannel.MiniProgram ? catalog.Stores[s.HomeStore].Id : null,
            SignedUpAt = signedUp,
            PreferredChannel = PreferredChannel(random, email is not null, s.UsesWeChat),
            Tags = Tags(index, age),
            CreatedAt = signedUp,
            UpdatedAt = signedUp,
        };
        return new DemoCustomer(customer, Identifiers(customer, s));
    }

    List<CustomerIdentifier> Identifiers(Customer c, Shopper s)
    {
        var source = s.Channel switch
        {
            SignUpChannel.Store => "store", SignUpChannel.MiniProgram => "mini-program",
            SignUpChannel.OnlineShop => "online-shop", _ => "app",
        };
        var list = new List<CustomerIdentifier>(4) { Identifier(c, IdentifierKind.Mobile, c.Mobile!, source), Identifier(c, IdentifierKind.MemberCard, c.MemberCardNo!, source) };
        if (c.Email is not null) list.Add(Identifier(c, IdentifierKind.Email, c.Email, source));
        if (s.UsesWeChat) list.Add(Identifier(c, IdentifierKind.WeChatOpenId, Contacts.OpenId(random), "mini-program"));
        return list;
    }

    CustomerIdentifier Identifier(Customer c, IdentifierKind kind, string value, string source) => new()
    {
        Id = random.Guid7(c.SignedUpAt), CustomerId = c.Id, Kind = kind, Value = value, Source = source, CreatedAt = c.SignedUpAt,
    };

    /// <summary>Ages 18-75, most members between 25 and 55.</summary>
    static int Age(DemoRandom random) => random.NextDouble() switch
    {
        < 0.08 => random.Next(18, 25), < 0.35 => random.Next(25, 35), < 0.62 => random.Next(35, 45),
        < 0.80 => random.Next(45, 55), < 0.93 => random.Next(55, 65), _ => random.Next(65, 76),
    };

    static ContactChannel PreferredChannel(DemoRandom random, bool hasEmail, bool usesWeChat) => random.NextDouble() switch
    {
        < 0.45 when usesWeChat => ContactChannel.WeChat,
        < 0.12 when hasEmail => ContactChannel.Email,
        < 0.80 => ContactChannel.Sms,
        < 0.92 => usesWeChat ? ContactChannel.WeChat : ContactChannel.Phone,
        _ => ContactChannel.None,
    };

    /// <summary>Tags a store manager would have set: most follow the member's real category preferences, so they carry signal.</summary>
    List<string> Tags(int index, int age)
    {
        var tags = new List<string>(3);
        void Add((string Zh, string En) tag) => tags.Add(english ? tag.En : tag.Zh);
        if (shoppers.CategoryShare(index, 0) > 0.35) Add(Traits.FruitLover);
        if (shoppers.CategoryShare(index, 3) > 0.25) Add(Traits.SeafoodFan);
        if (shoppers.CategoryShare(index, 1) + shoppers.CategoryShare(index, 5) > 0.45) Add(Traits.HomeCook);
        if (shoppers.CategoryShare(index, 7) > 0.3) Add(Traits.SnackFan);
        if (age is >= 26 and <= 40 && shoppers.CategoryShare(index, 4) > 0.2 && random.Chance(0.6)) Add(Traits.YoungParent);
        if (random.Chance(0.08)) Add(Traits.DealSeeker);
        if (random.Chance(0.04)) Add(Traits.Organic);
        if (random.Chance(0.01)) Add(Traits.Corporate);
        return tags;
    }
}
