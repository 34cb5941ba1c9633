using System.Text.Json;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.DemoData;

namespace Patron.Tests.DemoData;

/// <summary>The generated behaviour carries the signal the analytics are meant to find.</summary>
public sealed class DemoBehaviourTests
{
    static readonly DemoSample Sample = DemoSample.Get();

    [Fact]
    public void Members_shop_more_on_weekends_and_most_on_member_day()
    {
        var start = DemoSample.Options.AsOf!.Value.AddMonths(-DemoSample.Options.Months);
        var days = Enumerable.Range(0, DemoSample.Options.AsOf!.Value.DayNumber - start.DayNumber).Select(start.AddDays).ToList();
        var perDay = Sample.MemberOrders.GroupBy(o => DemoSample.LocalDay(o.PlacedAt).DayOfWeek).ToDictionary(g => g.Key, g => (double)g.Count());
        double Average(params DayOfWeek[] which) => which.Sum(d => perDay[d]) / days.Count(d => which.Contains(d.DayOfWeek));
        var weekday = Average(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday);
        Assert.InRange(Average(DayOfWeek.Saturday, DayOfWeek.Sunday) / weekday, 1.15, 1.6);
        Assert.InRange(Average(DayOfWeek.Wednesday) / weekday, 1.3, 1.8);
    }

    [Fact]
    public void The_two_weeks_before_Spring_Festival_are_busier_than_usual()
    {
        var festival = new DateOnly(2026, 2, 17);
        var byDay = Sample.Orders.GroupBy(o => DemoSample.LocalDay(o.PlacedAt)).ToDictionary(g => g.Key, g => g.Count());
        var before = Enumerable.Range(2, 14).Average(d => byDay.GetValueOrDefault(festival.AddDays(-d)));
        var usual = Enumerable.Range(40, 60).Average(d => byDay.GetValueOrDefault(festival.AddDays(-d)));
        Assert.True(before > usual * 1.3, $"{before:0} orders a day before the festival, {usual:0} usually.");
    }

    [Fact]
    public void Customers_differ_in_how_often_they_buy()
    {
        var counts = Sample.MemberOrders.GroupBy(o => o.CustomerId).Select(g => g.Count()).Order().ToArray();
        var median = counts[counts.Length / 2];
        var p90 = counts[counts.Length * 9 / 10];
        Assert.True(p90 >= 3 * median, $"median {median}, 90th percentile {p90}");
        Assert.Contains(counts, c => c == 1);
    }

    [Fact]
    public void Members_buy_mostly_from_their_preferred_categories()
    {
        var categoryOf = Sample.Generator.Catalog.Products.ToDictionary(p => p.Id, p => p.CategoryId);
        var topShares = Sample.MemberOrders.GroupBy(o => o.CustomerId)
            .Select(g => g.SelectMany(o => o.Lines).ToList()).Where(lines => lines.Count >= 20)
            .Select(lines => lines.GroupBy(l => categoryOf[l.ProductId]).Max(c => c.Count()) / (double)lines.Count)
            .ToList();
        // Buying by the chain's average mix, the largest of 12 categories would hold about 14% of the lines.
        Assert.True(topShares.Average() > 0.3, $"average top-category share {topShares.Average():P0}");
    }

    [Fact]
    public void Orders_and_events_happen_after_sign_up_inside_the_period_in_UTC()
    {
        var signedUp = Sample.Customers.ToDictionary(c => c.Customer.Id, c => c.Customer.SignedUpAt);
        var start = DemoSample.Options.AsOf!.Value.AddMonths(-DemoSample.Options.Months).ToDateTime(TimeOnly.MinValue).AddHours(-8);
        var end = DemoSample.Options.AsOf!.Value.ToDateTime(TimeOnly.MinValue).AddHours(-8).AddHours(1);
        Assert.All(Sample.Orders, o =>
        {
            Assert.Equal(DateTimeKind.Utc, o.PlacedAt.Kind);
            Assert.InRange(o.PlacedAt, start, end);
            if (o.CustomerId is { } id) Assert.True(o.PlacedAt >= signedUp[id]);
            // Stores open 08:00-22:00 China time.
            if (o.Source == SalesChannel.Pos) Assert.InRange(o.PlacedAt.AddHours(8).Hour, 8, 21);
        });
        Assert.All(Sample.Sales.SelectMany(s => s.Events), e => Assert.True(e.At >= signedUp[e.CustomerId]));
    }

    [Fact]
    public void Events_carry_small_JSON_payloads_for_a_subset_of_members()
    {
        var events = Sample.Sales.SelectMany(s => s.Events).ToList();
        Assert.All(events.Where(e => e.Payload is not null), e =>
        {
            Assert.True(e.Payload!.Length < 200);
            using var _ = JsonDocument.Parse(e.Payload);
        });
        foreach (var kind in new[] { EventKind.StoreVisit, EventKind.ProductView, EventKind.AddToCart, EventKind.Search })
            Assert.Contains(events, e => e.Kind == kind);
        Assert.InRange(events.Select(e => e.CustomerId).Distinct().Count(), 1, Sample.Customers.Count * 0.7);
        Assert.Contains(events, e => e.Kind == EventKind.Search && e.Payload!.Contains("\"q\":\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Ids_are_version_7_and_grow_with_time()
    {
        Assert.All(Sample.Customers, c => Assert.Equal(7, c.Customer.Id.Version));
        var orders = Sample.Orders.Take(2_000).ToList();
        Assert.All(orders, o => Assert.Equal(7, o.Id.Version));
        // Sales come out in time order; ids follow the day they were placed on.
        Assert.True(orders.First().Id.CompareTo(orders.Last().Id) < 0 || orders.First().PlacedAt.Date == orders.Last().PlacedAt.Date);
        Assert.Equal(Sample.Customers.Select(c => c.Customer.SignedUpAt).Order(), Sample.Customers.Select(c => c.Customer.SignedUpAt));
    }

    [Fact]
    public void The_English_locale_keeps_the_structure_with_English_names()
    {
        var options = DemoSample.Options with { Customers = 200, Locale = DemoDataOptions.English };
        var english = new DemoDataGenerator(options);
        static bool Chinese(string? s) => s is not null && s.Any(ch => ch is >= '\u4e00' and <= '\u9fff');
        Assert.Equal(Sample.Generator.Catalog.Products.Count, english.Catalog.Products.Count);
        Assert.DoesNotContain(english.Catalog.Products, p => Chinese(p.Name));
        Assert.DoesNotContain(english.Catalog.Categories, c => Chinese(c.Name));
        Assert.DoesNotContain(english.Catalog.Stores, s => Chinese(s.Name) || Chinese(s.Address) || Chinese(s.City));
        var customers = english.Customers().Select(c => c.Customer).ToList();
        Assert.DoesNotContain(customers, c => Chinese(c.Name) || Chinese(c.Address) || Chinese(c.Occupation) || c.Tags.Any(Chinese));
        Assert.All(customers, c => Assert.StartsWith("+86", c.Mobile));
    }

    [Fact]
    public void Invalid_options_are_refused_with_a_message()
    {
        Assert.Throws<DemoDataException>(() => new DemoDataGenerator(new DemoDataOptions { Customers = 0 }));
        Assert.Throws<DemoDataException>(() => new DemoDataGenerator(new DemoDataOptions { Months = 0 }));
        var e = Assert.Throws<DemoDataException>(() => new DemoDataGenerator(new DemoDataOptions { Locale = "fr" }));
        Assert.Contains("zh-CN", e.Message);
    }

    [Fact]
    public void Members_sign_up_through_every_channel_with_plausible_profiles()
    {
        var customers = Sample.Customers.Select(c => c.Customer).ToList();
        Assert.All(Enum.GetValues<SignUpChannel>().Where(c => c is not SignUpChannel.Phone and not SignUpChannel.Import),
            channel => Assert.Contains(customers, c => c.SignUpChannel == channel));
        Assert.All(customers.Where(c => c.SignUpChannel == SignUpChannel.Store), c => Assert.NotNull(c.SignUpStoreId));
        Assert.All(customers.Where(c => c.Birthday is not null), c =>
            Assert.InRange(DemoSample.Options.AsOf!.Value.Year - c.Birthday!.Value.Year, 18, 76));
        Assert.InRange(customers.Count(c => c.Email is not null) / (double)customers.Count, 0.15, 0.5);
        Assert.True(customers.Count(c => c.Name.Length is 2 or 3) > customers.Count * 0.9, "Chinese names have one surname and one or two given characters.");
        Assert.Contains(customers, c => c.Tags.Count > 0);
        Assert.Contains(customers, c => c.Gender == Gender.Female);
    }
}
