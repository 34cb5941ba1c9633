using PhoneNumbers;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.DemoData;

namespace Patron.Tests.DemoData;

public sealed class DemoDataGeneratorTests
{
    static readonly DemoDataOptions Small = new() { Customers = 300, Months = 6, Seed = 42, AsOf = new DateOnly(2025, 9, 1) };

    [Fact]
    public void The_same_seed_generates_the_same_rows_ids_included()
    {
        var first = new DemoSample(Small);
        var second = new DemoSample(Small);
        Assert.Equivalent(first.Generator.Catalog.Products, second.Generator.Catalog.Products, strict: true);
        Assert.Equivalent(first.Customers, second.Customers, strict: true);
        Assert.Equivalent(first.Sales, second.Sales, strict: true);
    }

    [Fact]
    public void A_different_seed_generates_different_customers()
    {
        var other = new DemoDataGenerator(Small with { Seed = 43 }).Customers().Select(c => c.Customer.Name).ToList();
        var names = new DemoDataGenerator(Small).Customers().Select(c => c.Customer.Name).ToList();
        Assert.NotEqual(names, other);
    }

    [Fact]
    public void The_chain_has_eight_stores_in_three_cities_and_a_category_tree_with_about_300_products()
    {
        var catalog = DemoSample.Get().Generator.Catalog;
        Assert.Equal(8, catalog.Stores.Count);
        Assert.Equal(3, catalog.Stores.Select(s => s.City).Distinct().Count());
        Assert.Equal(8, catalog.Stores.Select(s => s.Code).Distinct().Count());
        Assert.Equal(15, catalog.Categories.Count);
        Assert.Equal(3, catalog.Categories.Count(c => c.ParentId is null));
        Assert.All(catalog.Categories.Where(c => c.ParentId is not null), c => Assert.Contains(catalog.Categories, p => p.Id == c.ParentId));
        Assert.InRange(catalog.Products.Count, 250, 350);
        Assert.Equal(catalog.Products.Count, catalog.Products.Select(p => p.Sku).Distinct().Count());
        Assert.All(catalog.Products, p => Assert.True(p.ListPrice > 0 && p.ListPrice % 10 == 0, p.Name));
        Assert.Contains(catalog.Products, p => p.Name == "五常大米 5kg");
    }

    [Fact]
    public void Counts_fall_in_the_expected_ranges()
    {
        var sample = DemoSample.Get();
        Assert.Equal(DemoSample.Options.Customers, sample.Customers.Count);
        Assert.All(sample.Customers, c => Assert.InRange(c.Identifiers.Count, 2, 4));
        var perMember = sample.MemberOrders.Count() / (double)sample.Customers.Count;
        Assert.InRange(perMember, 3, 15);
        Assert.InRange(sample.Orders.Count(o => o.CustomerId is null) / (double)sample.Sales.Count, 0.05, 0.3);
        Assert.All(sample.Orders, o => Assert.InRange(o.Lines.Count, 1, 8));
        Assert.InRange(sample.Sales.Sum(s => s.Events.Count), sample.Customers.Count, sample.Sales.Count * 3);
    }

    [Fact]
    public void Mobiles_are_valid_Chinese_mobile_numbers_in_E164()
    {
        var phones = PhoneNumberUtil.GetInstance();
        Assert.All(DemoSample.Get().Customers, c =>
        {
            var mobile = c.Customer.Mobile!;
            var number = phones.Parse(mobile, "CN");
            Assert.True(phones.IsValidNumberForRegion(number, "CN"), mobile);
            Assert.Equal(PhoneNumberType.MOBILE, phones.GetNumberType(number));
            Assert.Equal(mobile, phones.Format(number, PhoneNumberFormat.E164));
        });
    }

    [Fact]
    public void Identifiers_are_unique_per_kind_and_value_and_point_at_their_customer()
    {
        var customers = DemoSample.Get().Customers;
        var identifiers = customers.SelectMany(c => c.Identifiers).ToList();
        Assert.Equal(identifiers.Count, identifiers.Select(i => (i.Kind, i.Value)).Distinct().Count());
        Assert.Equal(customers.Count, customers.Select(c => c.Customer.Id).Distinct().Count());
        Assert.All(customers, c => Assert.All(c.Identifiers, i => Assert.Equal(c.Customer.Id, i.CustomerId)));
        Assert.All(customers, c => Assert.Contains(c.Identifiers, i => i.Kind == IdentifierKind.Mobile && i.Value == c.Customer.Mobile));
        Assert.All(customers, c => Assert.Equal(c.Customer.Email is not null, c.Identifiers.Any(i => i.Kind == IdentifierKind.Email)));
        Assert.Contains(identifiers, i => i.Kind == IdentifierKind.WeChatOpenId && i.Value.Length == 28 && i.Value[0] == 'o');
    }

    [Fact]
    public void Order_amounts_add_up()
    {
        Assert.All(DemoSample.Get().Orders, o =>
        {
            Assert.All(o.Lines, l => Assert.Equal(l.UnitPrice * l.Quantity, l.Amount));
            Assert.All(o.Lines, l => Assert.Equal(o.CustomerId, l.CustomerId));
            Assert.Equal(Enumerable.Range(1, o.Lines.Count), o.Lines.Select(l => l.LineNo));
            Assert.Equal(o.Lines.Sum(l => l.Amount), o.GrossAmount);
            Assert.InRange(o.DiscountAmount, 0, o.GrossAmount);
            Assert.Equal(o.GrossAmount - o.DiscountAmount, o.PaidAmount);
            Assert.InRange(o.RefundedAmount, 0, o.PaidAmount);
            if (o.Status == OrderStatus.Refunded) Assert.Equal(o.PaidAmount, o.RefundedAmount);
            if (o.Status == OrderStatus.Completed) Assert.Equal(0, o.RefundedAmount);
        });
    }

    [Fact]
    public void Between_half_a_percent_and_three_percent_of_orders_are_refunded()
    {
        var orders = DemoSample.Get().Orders.ToList();
        Assert.InRange(orders.Count(o => o.Status == OrderStatus.Refunded) / (double)orders.Count, 0.005, 0.03);
        Assert.Contains(orders, o => o.Status == OrderStatus.PartlyRefunded && o.RefundedAmount > 0 && o.RefundedAmount < o.PaidAmount);
    }

    [Fact]
    public void Some_members_register_and_never_buy()
    {
        var sample = DemoSample.Get();
        var buyers = sample.MemberOrders.Select(o => o.CustomerId).ToHashSet();
        Assert.InRange(sample.Customers.Count(c => !buyers.Contains(c.Customer.Id)) / (double)sample.Customers.Count, 0.03, 0.14);
    }

    [Fact]
    public void External_ids_are_unique_per_source_and_walk_ins_are_anonymous_store_orders()
    {
        var orders = DemoSample.Get().Orders.ToList();
        Assert.Equal(orders.Count, orders.Select(o => (o.Source, o.ExternalId)).Distinct().Count());
        Assert.All(orders.Where(o => o.CustomerId is null), o => Assert.Equal(SalesChannel.Pos, o.Source));
        Assert.All(orders.Where(o => o.Source == SalesChannel.Pos), o => Assert.NotNull(o.StoreId));
        Assert.True(orders.Count(o => o.Source == SalesChannel.Pos) > orders.Count / 2, "Most orders are made in the stores.");
        Assert.Contains(orders, o => o.Source == SalesChannel.MiniProgram);
        Assert.Contains(orders, o => o.Source == SalesChannel.OnlineShop);
        Assert.True(orders.Count(o => o.PaymentMethod is PaymentMethod.WeChatPay or PaymentMethod.Alipay) > orders.Count * 0.7);
    }
}
