using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Privacy;

namespace Patron.Customers;

/// <param name="Search">A mobile (full or its last digits), a member card number or part of a name.</param>
/// <param name="Reveal">The caller holds customers.reveal; otherwise mobiles are masked.</param>
public sealed record SearchCustomers(string? Search = null, CustomerSort Sort = CustomerSort.SignedUpAt, bool Descending = true,
    int PageIndex = 0, int PageSize = 25, bool Reveal = false);

public sealed class SearchCustomersHandler(PatronDb db)
{
    public async Task<Page<CustomerSummary>> HandleAsync(SearchCustomers q, CancellationToken ct = default)
    {
        var (index, size) = Paging.Clamp(q.PageIndex, q.PageSize);
        var query = Filter(db.Customers.AsNoTracking(), q.Search);
        var total = await query.CountAsync(ct);
        var rows = await Order(query, q.Sort, q.Descending).ThenBy(c => c.Id)
            .Skip(index * size).Take(size)
            .Select(c => new CustomerSummary(c.Id, c.Name, c.Gender, c.Mobile, c.MemberCardNo, c.City, c.SignUpChannel, c.SignedUpAt, c.Tags))
            .ToListAsync(ct);
        if (!q.Reveal) rows = rows.Select(r => r with { Mobile = Masking.Mobile(r.Mobile) }).ToList();
        return new Page<CustomerSummary>(rows, total, index, size);
    }

    static IQueryable<Customer> Filter(IQueryable<Customer> query, string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term)) return query;
        var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == term.Replace(" ", "").Replace("-", "").TrimStart('+').Length && digits.Length >= 4)
        {
            // All digits: a whole mobile matches exactly (index), a shorter run matches the mobile's tail or a card number.
            if (digits.Length == 11 && digits[0] == '1') return query.Where(c => c.Mobile == "+86" + digits || c.MemberCardNo == digits);
            if (digits.Length == 13 && digits.StartsWith("86")) return query.Where(c => c.Mobile == "+" + digits);
            return query.Where(c => c.Mobile!.EndsWith(digits) || c.MemberCardNo!.StartsWith(digits));
        }
        return query.Where(c => c.Name.Contains(term) || c.MemberCardNo == term);
    }

    static IOrderedQueryable<Customer> Order(IQueryable<Customer> q, CustomerSort sort, bool desc) => sort switch
    {
        CustomerSort.Name => desc ? q.OrderByDescending(c => c.Name) : q.OrderBy(c => c.Name),
        CustomerSort.City => desc ? q.OrderByDescending(c => c.City) : q.OrderBy(c => c.City),
        CustomerSort.MemberCardNo => desc ? q.OrderByDescending(c => c.MemberCardNo) : q.OrderBy(c => c.MemberCardNo),
        _ => desc ? q.OrderByDescending(c => c.SignedUpAt) : q.OrderBy(c => c.SignedUpAt),
    };
}
