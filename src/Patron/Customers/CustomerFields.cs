using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Customers;

/// <summary>The editable fields of a customer, shared by <see cref="CreateCustomer"/> and <see cref="UpdateCustomer"/>.</summary>
public interface ICustomerFields
{
    string? Name { get; }
    Gender Gender { get; }
    DateOnly? Birthday { get; }
    string? Mobile { get; }
    string? Email { get; }
    string? Province { get; }
    string? City { get; }
    string? District { get; }
    string? Address { get; }
    string? Occupation { get; }
    string? MemberCardNo { get; }
    ContactChannel PreferredChannel { get; }
    IReadOnlyList<string>? Tags { get; }
}

/// <summary>The fields after normalisation; only built when every field passed.</summary>
sealed record CustomerValues(string Name, Gender Gender, DateOnly? Birthday, string? Mobile, string? Email,
    string? Province, string? City, string? District, string? Address, string? Occupation, string? MemberCardNo,
    ContactChannel PreferredChannel, List<string> Tags)
{
    public const int MaxTags = 20;
    public const int MaxTag = 32;
    static readonly DateOnly EarliestBirthday = new(1900, 1, 1);

    public static CustomerValues Validate(ICustomerFields f, DateTime utcNow, ValidationErrors errors)
    {
        var name = Take(Normalise.Name(f.Name), "name", errors);
        var mobile = Take(Normalise.Mobile(f.Mobile), "mobile", errors);
        var email = Take(Normalise.Email(f.Email), "email", errors);
        var card = Take(Normalise.MemberCard(f.MemberCardNo), "memberCardNo", errors);
        if (!Enum.IsDefined(f.Gender)) errors.Add("gender", $"One of {string.Join(", ", Enum.GetNames<Gender>())}.");
        if (!Enum.IsDefined(f.PreferredChannel)) errors.Add("preferredChannel", $"One of {string.Join(", ", Enum.GetNames<ContactChannel>())}.");
        // The customer's today may already be tomorrow in UTC terms: allow the earliest time zone (UTC+14).
        if (f.Birthday > DateOnly.FromDateTime(utcNow.AddHours(14))) errors.Add("birthday", "Cannot be in the future.");
        if (f.Birthday < EarliestBirthday) errors.Add("birthday", "Cannot be before 1900.");
        var tags = (f.Tags ?? []).Select(Normalise.Text).OfType<string>().Distinct().ToList();
        if (tags.Count > MaxTags) errors.Add("tags", $"At most {MaxTags} tags.");
        if (tags.Any(t => t.Length > MaxTag)) errors.Add("tags", $"A tag has at most {MaxTag} characters.");

        return new CustomerValues(name ?? "", f.Gender, f.Birthday, mobile, email,
            Text(f.Province, 40, "province", errors), Text(f.City, 40, "city", errors), Text(f.District, 40, "district", errors),
            Text(f.Address, 200, "address", errors), Text(f.Occupation, 40, "occupation", errors), card, f.PreferredChannel, tags);
    }

    /// <summary>The identifiers these fields give the customer, with the request field each came from.</summary>
    public IEnumerable<(IdentifierKind Kind, string Value, string Field)> Identifiers()
    {
        if (Mobile is not null) yield return (IdentifierKind.Mobile, Mobile, "mobile");
        if (Email is not null) yield return (IdentifierKind.Email, Normalise.EmailKey(Email), "email");
        if (MemberCardNo is not null) yield return (IdentifierKind.MemberCard, MemberCardNo, "memberCardNo");
    }

    /// <summary>Copies the values onto the entity and names the fields that changed (names only: values are personal data).</summary>
    public List<string> ApplyTo(Customer c)
    {
        var changed = new List<string>();
        void Set<T>(string field, T current, T value, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            assign(value);
            changed.Add(field);
        }
        Set("name", c.Name, Name, v => c.Name = v);
        Set("gender", c.Gender, Gender, v => c.Gender = v);
        Set("birthday", c.Birthday, Birthday, v => c.Birthday = v);
        Set("mobile", c.Mobile, Mobile, v => c.Mobile = v);
        Set("email", c.Email, Email, v => c.Email = v);
        Set("province", c.Province, Province, v => c.Province = v);
        Set("city", c.City, City, v => c.City = v);
        Set("district", c.District, District, v => c.District = v);
        Set("address", c.Address, Address, v => c.Address = v);
        Set("occupation", c.Occupation, Occupation, v => c.Occupation = v);
        Set("memberCardNo", c.MemberCardNo, MemberCardNo, v => c.MemberCardNo = v);
        Set("preferredChannel", c.PreferredChannel, PreferredChannel, v => c.PreferredChannel = v);
        if (!c.Tags.SequenceEqual(Tags))
        {
            c.Tags = Tags;
            changed.Add("tags");
        }
        return changed;
    }

    static string? Take(Normalised n, string field, ValidationErrors errors)
    {
        if (n.Error is not null) errors.Add(field, n.Error);
        return n.Value;
    }

    static string? Text(string? raw, int max, string field, ValidationErrors errors)
    {
        var s = Normalise.Text(raw);
        if (s?.Length > max) errors.Add(field, $"At most {max} characters.");
        return s;
    }
}
