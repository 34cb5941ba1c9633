using System.Globalization;
using Patron.Customers.Contracts;
using Patron.Engine.Matching;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Import;

/// <summary>
/// Cleans one row with the shared rules (<see cref="Normalise"/>, Ingestion.Cleaning): every mapped cell is read and
/// every problem collected, so the quarantine shows all that is wrong with a row at once.
/// </summary>
/// <param name="cacheCapacity">Distinct buyers (and distinct values per field, up to 65,536) remembered before a cache is
/// cleared; smaller only in tests, to show that a cache that fills up gives the same answers.</param>
public sealed class RowCleaner(ColumnMapping mapping, int[] index, string source, DateTime utcNow, int cacheCapacity = RowCleaner.DefaultCacheCapacity)
{
    public const int DefaultCacheCapacity = 200_000;
    const int MaxFieldCache = 65_536;
    static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(1);
    static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    const int MaxSku = 32, MaxOrderId = 64, MaxBuyerId = 128;

    static readonly TargetField[] PersonFields =
    [
        TargetField.Name, TargetField.Mobile, TargetField.Email, TargetField.MemberCard, TargetField.BuyerId, TargetField.Gender,
        TargetField.Birthday, TargetField.Address, TargetField.Province, TargetField.City, TargetField.District,
    ];

    // An order export repeats the buyer on every line and every order; cleaning a person once per distinct set of
    // cells (the address parse and libphonenumber dominate) makes the import several times faster. A buyer seen for
    // the first time still shares many values with others (an address, a name, a gender): those are cached per field.
    readonly Dictionary<string, CleanPerson> people = new(StringComparer.Ordinal);
    string[] personCells = new string[PersonFields.Length], lastCells = new string[PersonFields.Length];
    CleanPerson? lastPerson;
    readonly BoundedCache<NormalisedPhone> phones = new(Normalise.Phone, Math.Min(cacheCapacity, MaxFieldCache));
    readonly BoundedCache<Normalised> emails = new(Normalise.Email, Math.Min(cacheCapacity, MaxFieldCache));
    readonly BoundedCache<Normalised> cards = new(Normalise.MemberCard, Math.Min(cacheCapacity, MaxFieldCache));
    readonly BoundedCache<Cleaned<PersonName>> names = new(NameCleaning.Clean, Math.Min(cacheCapacity, MaxFieldCache));
    readonly BoundedCache<Cleaned<Gender>> genders = new(g => GenderCleaning.Parse(g, mapping.GenderCodes), Math.Min(cacheCapacity, MaxFieldCache));
    readonly BoundedCache<Cleaned<DateOnly>> birthdays = new(d => DateCleaning.Parse(d, mapping.DateFormat), Math.Min(cacheCapacity, MaxFieldCache));
    readonly BoundedCache<Cleaned<ChineseAddress>> addresses = new(AddressCleaning.Parse, Math.Min(cacheCapacity, MaxFieldCache));
    string? lastTime;
    (DateTime? Utc, RowProblem? Problem) lastPlacedAt;

    sealed record CleanPerson(ImportedCustomer? Customer, RowProblem[] Problems, RowProblem[] Notes);

    public CleanRow Clean(SourceRow row)
    {
        var r = new CleanRow(row) { Store = Text(Cell(row, TargetField.Store)) };
        var person = PersonOf(row);
        r.Customer = person.Customer;
        r.Problems.AddRange(person.Problems);
        r.Notes.AddRange(person.Notes);
        if (mapping.Kind == ImportKind.Orders) Order(row, r);
        else if (r.Customer is null && !r.Rejected)
            r.Problems.Add(RowProblem.NoIdentifier());
        return r;
    }

    CleanPerson PersonOf(SourceRow row)
    {
        for (var f = 0; f < PersonFields.Length; f++) personCells[f] = Cell(row, PersonFields[f]);
        // The lines of one order repeat its buyer cell for cell: no key to build or look up.
        if (lastPerson is not null && personCells.AsSpan().SequenceEqual(lastCells)) return lastPerson;
        var key = string.Join('\u001f', personCells);
        if (!people.TryGetValue(key, out var person))
        {
            var scratch = new CleanRow(row);
            var customer = Person(row, scratch);
            if (people.Count >= cacheCapacity) people.Clear();
            people[key] = person = new CleanPerson(customer, [.. scratch.Problems], [.. scratch.Notes]);
        }
        (personCells, lastCells) = (lastCells, personCells);
        return lastPerson = person;
    }

    string Cell(SourceRow row, TargetField field) => index[(int)field] is var i and >= 0 ? row.Cell(i).Trim() : "";

    ImportedCustomer? Person(SourceRow row, CleanRow r)
    {
        var problems = r.Problems;
        string? mobile = null;
        var phoneCell = Cell(row, TargetField.Mobile);
        var phone = phones.Get(phoneCell);
        if (phone.Error is not null) problems.Add(RowProblem.Phone("mobile", phoneCell, phone));
        else if (phone.Value is not null && phone.Kind == PhoneKind.Landline) r.Notes.Add(RowProblem.PhoneLandline("mobile", phoneCell));
        else mobile = phone.Value;

        var emailCell = Cell(row, TargetField.Email);
        var cleanEmail = emails.Get(emailCell);
        if (cleanEmail.Error is not null) problems.Add(RowProblem.Email(emailCell, cleanEmail));
        var email = cleanEmail.Value;
        var cardCell = Cell(row, TargetField.MemberCard);
        var cleanCard = cards.Get(cardCell);
        if (cleanCard.Error is not null) problems.Add(RowProblem.MemberCard(cardCell, cleanCard));
        var card = cleanCard.Value;
        var buyerCell = Cell(row, TargetField.BuyerId);
        string? buyer = null;
        if (buyerCell.Length > 0)
        {
            buyer = $"{source}:{Normalise.Text(Nfkc.Of(buyerCell))}";
            if (buyer.Length > MaxBuyerId) { problems.Add(RowProblem.BuyerIdTooLong(MaxBuyerId - source.Length - 1)); buyer = null; }
        }

        var nameCell = Cell(row, TargetField.Name);
        var name = names.Get(nameCell);
        if (name.Problem is { } badName) problems.Add(badName.At("name", nameCell));
        var gender = genders.Get(Cell(row, TargetField.Gender));
        if (gender.Problem is { } badGender) problems.Add(badGender.In("gender"));
        var genderValue = gender.Value;
        // 王先生 in a name column says more than an empty gender column.
        if (genderValue == Gender.Unknown && name.HasValue && name.Value.Honorific is { } h)
            genderValue = GenderCleaning.Parse(h).Value;
        var birthday = birthdays.Get(Cell(row, TargetField.Birthday));
        if (birthday.Problem is { } badBirthday) problems.Add(badBirthday.In("birthday"));
        // The address parser refuses nothing: what it cannot place stays in the detail.
        var address = addresses.Get(Cell(row, TargetField.Address));
        var a = address.HasValue ? address.Value : null;

        if (mobile is null && email is null && card is null && buyer is null) return null;
        var displayName = name.HasValue ? name.Value.Name : buyerCell.Length > 0 ? Normalise.Text(buyerCell)! : "";
        if (displayName.Length == 0 && mapping.Kind == ImportKind.Customers) problems.Add(RowProblem.NameRequired());
        if (displayName.Length > Normalise.MaxName) displayName = displayName[..Normalise.MaxName];
        return new ImportedCustomer(
            displayName, genderValue, birthday.HasValue ? birthday.Value : null, mobile, email, card, buyer,
            Or(Cell(row, TargetField.Province), a?.Province), Or(Cell(row, TargetField.City), a?.City),
            Or(Cell(row, TargetField.District), a?.District), Truncate(a?.Detail, 200));
    }

    void Order(SourceRow row, CleanRow r)
    {
        var problems = r.Problems;
        var orderId = Text(Cell(row, TargetField.OrderId));
        if (orderId is null) problems.Add(RowProblem.OrderIdRequired());
        else if (orderId.Length > MaxOrderId) problems.Add(RowProblem.TooLong("orderId", MaxOrderId));
        r.OrderId = orderId;
        r.PlacedAt = PlacedAt(Cell(row, TargetField.PlacedAt), problems);

        r.Sku = Text(Cell(row, TargetField.Sku));
        if (r.Sku?.Length > MaxSku) problems.Add(RowProblem.TooLong("sku", MaxSku));
        r.ProductName = Truncate(Text(Cell(row, TargetField.ProductName)), 200);
        if (r.Sku is null && r.ProductName is null) problems.Add(RowProblem.ProductRequired());

        var qtyCell = Cell(row, TargetField.Quantity);
        if (PlainCount(qtyCell) is { } plainQty) r.Quantity = plainQty;
        else if (Nfkc.Of(qtyCell) is { Length: > 0 } qty)
        {
            if (!decimal.TryParse(qty, NumberStyles.Number, CultureInfo.InvariantCulture, out var q) || q != decimal.Truncate(q) || q > int.MaxValue)
                problems.Add(RowProblem.QuantityNotWhole(qty));
            else if (q <= 0) problems.Add(RowProblem.QuantityNotPositive(qty));
            else r.Quantity = (int)q;
        }
        r.UnitPrice = Money(row, TargetField.UnitPrice, problems);
        r.LineAmount = Money(row, TargetField.LineAmount, problems);
        r.OrderPaid = Money(row, TargetField.OrderPaid, problems);
    }

    long? Money(SourceRow row, TargetField field, List<RowProblem> problems)
    {
        var raw = Cell(row, field);
        if (PlainFen(raw) is { } plain) return plain;
        var fen = AmountCleaning.ToFen(raw);
        if (fen.Problem is { } bad) { problems.Add(bad.In(TargetFields.Key(field))); return null; }
        if (fen.HasValue && fen.Value < 0) { problems.Add(RowProblem.AmountNegative(TargetFields.Key(field), raw)); return null; }
        return fen.HasValue ? fen.Value : null;
    }

    DateTime? PlacedAt(string raw, List<RowProblem> problems)
    {
        // The lines of an order are adjacent and share their time.
        if (raw != lastTime) (lastTime, lastPlacedAt) = (raw, ParsePlacedAt(raw));
        if (lastPlacedAt.Problem is { } problem) problems.Add(problem);
        return lastPlacedAt.Utc;
    }

    (DateTime?, RowProblem?) ParsePlacedAt(string raw)
    {
        var problems = new List<RowProblem>();
        return (PlacedAtUncached(raw, problems), problems.FirstOrDefault());
    }

    DateTime? PlacedAtUncached(string raw, List<RowProblem> problems)
    {
        if (raw.Length == 0) { problems.Add(RowProblem.Required("placedAt")); return null; }
        var utc = LocalTime.ToUtcOrProblem(raw, mapping.UtcOffsetHours, mapping.DateFormat, out var problem);
        if (utc is null) problems.Add(problem!.In("placedAt"));
        else if (utc > utcNow + FutureTolerance) problems.Add(RowProblem.TimeInFuture("placedAt", raw));
        else if (utc < Earliest) problems.Add(RowProblem.TimeBefore2000("placedAt", raw));
        else return utc;
        return null;
    }

    /// <summary>A count in plain ASCII digits (1, 12, 007), without normalisation and decimal.Parse; null for anything else (zero included).</summary>
    static int? PlainCount(string s)
    {
        if (s.Length is 0 or > 9) return null;
        var n = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9') return null;
            n = n * 10 + (c - '0');
        }
        return n > 0 ? n : null;
    }

    /// <summary>The common case (12.30, 5) without the regular expressions and normalisation of AmountCleaning.</summary>
    static long? PlainFen(string s)
    {
        if (s.Length is 0 or > 15) return null;
        long fen = 0;
        int dot = -1;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '.' && dot < 0 && i > 0) dot = i;
            else if (c is >= '0' and <= '9') fen = fen * 10 + (c - '0');
            else return null;
        }
        var decimals = dot < 0 ? 0 : s.Length - dot - 1;
        return decimals switch { 0 when dot < 0 => fen * 100, 1 => fen * 10, 2 => fen, _ => null };
    }

    /// <summary><see cref="Normalise.Text"/> for a trimmed cell, skipping its regular expression when there is nothing to collapse.</summary>
    static string? Text(string cell)
    {
        if (cell.Length == 0) return null;
        for (var i = 0; i < cell.Length; i++)
            if (char.IsWhiteSpace(cell[i]) && (cell[i] != ' ' || (i + 1 < cell.Length && char.IsWhiteSpace(cell[i + 1])))) return Normalise.Text(cell);
        return cell;
    }

    static string? Or(string cell, string? parsed) => cell.Length > 0 ? Truncate(Normalise.Text(cell), 40) : parsed;

    static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
