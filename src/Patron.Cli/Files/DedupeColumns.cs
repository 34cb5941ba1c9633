using Patron.Engine.Matching;

namespace Patron.Cli.Files;

/// <summary>
/// Which column plays which <see cref="FieldRole"/>, suggested from the header names in English and Chinese (FEBRL's
/// given_name, surname, soc_sec_id …; CRM exports' 姓名, 手机, 邮箱, 生日, 地址 …) and overridable with --col ROLE=COLUMN.
/// Columns with no role are not compared.
/// </summary>
static class DedupeColumns
{
    static readonly Dictionary<string, FieldRole> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = FieldRole.FullName, ["full_name"] = FieldRole.FullName, ["customer_name"] = FieldRole.FullName,
        ["姓名"] = FieldRole.FullName, ["客户姓名"] = FieldRole.FullName, ["会员姓名"] = FieldRole.FullName, ["收货人姓名"] = FieldRole.FullName, ["收货人"] = FieldRole.FullName,
        ["given_name"] = FieldRole.GivenName, ["first_name"] = FieldRole.GivenName, ["firstname"] = FieldRole.GivenName, ["名"] = FieldRole.GivenName,
        ["surname"] = FieldRole.Surname, ["last_name"] = FieldRole.Surname, ["lastname"] = FieldRole.Surname, ["family_name"] = FieldRole.Surname, ["姓"] = FieldRole.Surname,
        ["date_of_birth"] = FieldRole.Birthday, ["dob"] = FieldRole.Birthday, ["birthday"] = FieldRole.Birthday, ["birth_date"] = FieldRole.Birthday,
        ["生日"] = FieldRole.Birthday, ["出生日期"] = FieldRole.Birthday,
        ["mobile"] = FieldRole.Mobile, ["phone"] = FieldRole.Mobile, ["mobile_phone"] = FieldRole.Mobile, ["cell"] = FieldRole.Mobile,
        ["手机"] = FieldRole.Mobile, ["手机号"] = FieldRole.Mobile, ["手机号码"] = FieldRole.Mobile, ["联系手机"] = FieldRole.Mobile, ["联系电话"] = FieldRole.Mobile, ["电话"] = FieldRole.Mobile,
        ["email"] = FieldRole.Email, ["e-mail"] = FieldRole.Email, ["邮箱"] = FieldRole.Email, ["电子邮箱"] = FieldRole.Email,
        ["member_card"] = FieldRole.MemberCard, ["card_no"] = FieldRole.MemberCard, ["会员卡号"] = FieldRole.MemberCard,
        ["address"] = FieldRole.Address, ["地址"] = FieldRole.Address, ["收货地址"] = FieldRole.Address, ["详细地址"] = FieldRole.Address,
        ["street_number"] = FieldRole.StreetNumber, ["address_1"] = FieldRole.AddressLine, ["address_2"] = FieldRole.AddressLine, ["street"] = FieldRole.AddressLine,
        ["suburb"] = FieldRole.Suburb, ["town"] = FieldRole.Suburb, ["city"] = FieldRole.Suburb,
        ["postcode"] = FieldRole.Postcode, ["zip"] = FieldRole.Postcode, ["postal_code"] = FieldRole.Postcode, ["邮编"] = FieldRole.Postcode,
        ["state"] = FieldRole.State, ["soc_sec_id"] = FieldRole.NationalId, ["ssn"] = FieldRole.NationalId, ["national_id"] = FieldRole.NationalId, ["身份证号"] = FieldRole.NationalId,
        ["gender"] = FieldRole.Gender, ["sex"] = FieldRole.Gender, ["性别"] = FieldRole.Gender,
    };

    /// <summary>The (column index, role) pairs compared, in header order; overrides are ROLE=COLUMN, a column by name or 1-based position.</summary>
    public static List<(int Column, FieldRole Role)> Resolve(string[] header, int idColumn, IEnumerable<string> overrides, IEnumerable<string> ignored)
    {
        var roles = new Dictionary<int, FieldRole>();
        for (var i = 0; i < header.Length; i++)
            if (i != idColumn && Known.TryGetValue(header[i], out var role)) roles[i] = role;
        foreach (var ignore in ignored) roles.Remove(Column(header, ignore, "--ignore-col"));
        foreach (var o in overrides)
        {
            var eq = o.IndexOf('=');
            if (eq <= 0 || !Enum.TryParse<FieldRole>(o[..eq], ignoreCase: true, out var role) || !Enum.IsDefined(role))
                throw new CliException($"--col takes ROLE=COLUMN with ROLE one of {string.Join(", ", Enum.GetNames<FieldRole>())} (was '{o}').");
            roles[Column(header, o[(eq + 1)..], "--col")] = role;
        }
        roles.Remove(idColumn);
        if (roles.Count == 0)
            throw new CliException($"No column to compare: none of the header names ({string.Join(", ", header)}) is known; name them with --col ROLE=COLUMN.");
        return [.. roles.OrderBy(r => r.Key).Select(r => (r.Key, r.Value))];
    }

    /// <summary>A column by its header name (trimmed, any case) or by 1-based position.</summary>
    public static int Column(string[] header, string nameOrPosition, string option)
    {
        var i = Array.FindIndex(header, h => string.Equals(h, nameOrPosition.Trim(), StringComparison.OrdinalIgnoreCase));
        if (i >= 0) return i;
        if (int.TryParse(nameOrPosition, out var position) && position >= 1 && position <= header.Length) return position - 1;
        throw new CliException($"{option}: no column '{nameOrPosition}' in the header ({string.Join(", ", header)}).");
    }
}
