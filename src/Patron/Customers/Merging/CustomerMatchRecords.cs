using System.Globalization;
using System.Text.Json;
using Patron.Customers.Contracts;
using Patron.Engine.Matching;

namespace Patron.Customers.Merging;

/// <summary>The columns of a customer the matcher compares, read with one projection.</summary>
public sealed record MatchRow(Guid Id, string Name, Gender Gender, DateOnly? Birthday, string? Mobile, string? Email,
    string? Province, string? City, string? District, string? Address, string? MemberCardNo);

/// <summary>
/// Customers as engine records, with the field roles of the Chinese CRM columns: name, mobile, email, birthday, the
/// address (province, city, district and street as one text, the way Chinese addresses are written), member card and gender.
/// </summary>
static class CustomerMatchRecords
{
    public static readonly FieldRole[] Roles =
        [FieldRole.FullName, FieldRole.Mobile, FieldRole.Email, FieldRole.Birthday, FieldRole.Address, FieldRole.MemberCard, FieldRole.Gender];

    public static IQueryable<MatchRow> Project(IQueryable<Customer> customers) => customers.Select(c =>
        new MatchRow(c.Id, c.Name, c.Gender, c.Birthday, c.Mobile, c.Email, c.Province, c.City, c.District, c.Address, c.MemberCardNo));

    public static MatchRecords Prepare(IReadOnlyList<MatchRow> rows)
    {
        var columns = Roles.Select(_ => new string?[rows.Count]).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            columns[0][i] = r.Name;
            columns[1][i] = r.Mobile;
            columns[2][i] = r.Email;
            columns[3][i] = r.Birthday?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            columns[4][i] = string.Concat(r.Province, r.City, r.District, r.Address) is { Length: > 0 } a ? a : null;
            columns[5][i] = r.MemberCardNo;
            columns[6][i] = r.Gender == Gender.Unknown ? null : r.Gender.ToString();
        }
        return MatchRecords.Prepare(MatchModel.Fields(Roles), columns, swaps: MatchModel.Swaps(Roles));
    }

    /// <summary>Each field's contribution as a JSON object (field name → weight, two decimals) for the review queue.</summary>
    public static string Contributions(MatchRecords records, double[] contributions) =>
        JsonSerializer.Serialize(records.Fields.Select((f, i) => (f.Name, Math.Round(contributions[i], 2))).ToDictionary(t => t.Name, t => t.Item2));
}
