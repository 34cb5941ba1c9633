using Patron.Customers.Contracts;
using Patron.Platform.Privacy;

namespace Patron.Customers;

static class CustomerViews
{
    /// <summary>Contact details in full only when the caller may reveal them (and that read is audited by the caller).</summary>
    public static CustomerDetails Details(Customer c, string? storeName, bool reveal) =>
        new(c.Id, c.Name, c.Gender, c.Birthday,
            reveal ? c.Mobile : Masking.Mobile(c.Mobile), reveal ? c.Email : Masking.Email(c.Email),
            c.Province, c.City, c.District, c.Address, c.Occupation, c.MemberCardNo, c.SignUpChannel, c.SignUpStoreId, storeName,
            c.SignedUpAt, c.PreferredChannel, c.Tags, c.CreatedAt, c.UpdatedAt, reveal);
}
