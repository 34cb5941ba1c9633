using Patron.Customers.Contracts;

namespace Patron.Customers.Merging;

/// <summary>
/// Which of two records survives a merge, and the golden record built from both. The survivor is the older record
/// (it carries the longer history and the id other systems know); each field then takes the best value of the two:
/// <list type="bullet">
/// <item>name: source priority (a record the customer gave in a store or app beats an imported one), then the more complete;</item>
/// <item>mobile: a verified mobile is never replaced by an unverified one; otherwise the most recent non-empty;</item>
/// <item>email, occupation: the most recent non-empty; gender, birthday, card, preferred channel: the survivor's unless empty;</item>
/// <item>province, city, district and address as one block from the more complete address, so its parts stay consistent;</item>
/// <item>sign-up: the earlier one; tags: both.</item>
/// </list>
/// </summary>
static class Survivorship
{
    public static (Customer Survivor, Customer Absorbed) Choose(Customer a, Customer b) =>
        (a.CreatedAt, a.Id).CompareTo((b.CreatedAt, b.Id)) <= 0 ? (a, b) : (b, a);

    public static void Apply(Customer survivor, Customer absorbed)
    {
        var (recent, older) = absorbed.UpdatedAt > survivor.UpdatedAt ? (absorbed, survivor) : (survivor, absorbed);
        var nameFrom = (Priority(absorbed.SignUpChannel), Length(absorbed.Name)).CompareTo((Priority(survivor.SignUpChannel), Length(survivor.Name))) > 0 ? absorbed : survivor;
        survivor.Name = nameFrom.Name;
        if (survivor.Gender == Gender.Unknown) survivor.Gender = absorbed.Gender;
        survivor.Birthday ??= absorbed.Birthday;
        if (!survivor.MobileVerified && absorbed.Mobile is not null && (absorbed.MobileVerified || recent == absorbed || survivor.Mobile is null))
            (survivor.Mobile, survivor.MobileVerified) = (absorbed.Mobile, absorbed.MobileVerified);
        survivor.Email = Recent(recent.Email, older.Email);
        survivor.Occupation = Recent(recent.Occupation, older.Occupation);
        survivor.MemberCardNo ??= absorbed.MemberCardNo;
        if (survivor.PreferredChannel == ContactChannel.None) survivor.PreferredChannel = absorbed.PreferredChannel;
        if (AddressLength(absorbed) > AddressLength(survivor))
            (survivor.Province, survivor.City, survivor.District, survivor.Address) = (absorbed.Province, absorbed.City, absorbed.District, absorbed.Address);
        if (absorbed.SignedUpAt < survivor.SignedUpAt)
            (survivor.SignedUpAt, survivor.SignUpChannel, survivor.SignUpStoreId) = (absorbed.SignedUpAt, absorbed.SignUpChannel, absorbed.SignUpStoreId);
        survivor.Tags = [.. survivor.Tags.Union(absorbed.Tags)];
    }

    /// <summary>Channels where the customer typed their own details rank above shop exports and imports.</summary>
    static int Priority(SignUpChannel channel) => channel switch
    {
        SignUpChannel.Store or SignUpChannel.App or SignUpChannel.MiniProgram => 2,
        SignUpChannel.OnlineShop or SignUpChannel.Phone => 1,
        _ => 0,
    };

    static int Length(string? s) => string.IsNullOrWhiteSpace(s) ? 0 : s.Trim().Length;

    static int AddressLength(Customer c) => Length(c.Province) + Length(c.City) + Length(c.District) + Length(c.Address);

    static string? Recent(string? recent, string? older) => string.IsNullOrWhiteSpace(recent) ? older : recent;
}
