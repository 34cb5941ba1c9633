using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Platform.Security;
using Patron.Tests.Infrastructure;
using Patron.Web.Components.Pages.Customers;
using Patron.Web.Components.Shared;
using Patron.Web.Localization;

namespace Patron.Web.Tests.Ui;

/// <summary>The 360 page against a real (SQLite) database: the reveal button follows the customers.reveal permission.</summary>
public sealed class CustomerDetailTests : BunitContext, IAsyncLifetime
{
    TestDatabase database = default!;
    SampleShop shop = default!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.NewContext()) shop = await SampleShop.SeedAsync(db, DateTime.UtcNow);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Patron:Database:Provider"] = database.Options.Provider.ToString(),
            ["Patron:Database:ConnectionString"] = database.Options.ConnectionString,
        }).Build();
        Services.AddLogging();
        Services.AddPatron(configuration);
        Services.AddMudServices();
        Services.AddSingleton(new Text());
        Services.AddSingleton<LocalTime>();
        Services.AddSingleton<Handlers>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public async Task An_owner_gets_a_reveal_button_that_shows_the_full_mobile_and_is_audited_as_a_reveal()
    {
        SignIn(Roles.Owner);
        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Equal("138****1234", cut.FindAll("[data-testid=profile] [data-testid=mobile]")[0].TextContent));
        cut.Find("[data-testid=reveal]").Click();

        cut.WaitForAssertion(() => Assert.Equal("138 1234 1234", cut.FindAll("[data-testid=profile] [data-testid=mobile]")[0].TextContent));
        Assert.Empty(cut.FindAll("[data-testid=reveal]"));
        await using var db = database.NewContext();
        var actions = await db.AuditEntries.Where(a => a.CustomerId == shop.Wang.Id).OrderBy(a => a.At).Select(a => a.Action)
            .ToListAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal([AuditAction.View, AuditAction.Reveal], actions);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Marketer)]
    public void A_user_without_customers_reveal_sees_no_reveal_button(string role)
    {
        SignIn(role);
        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Equal("138****1234", cut.FindAll("[data-testid=profile] [data-testid=mobile]")[0].TextContent));
        Assert.Empty(cut.FindAll("[data-testid=reveal]"));
    }

    void SignIn(string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized($"{role.ToLowerInvariant()}@patron.test");
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()));
    }

    // The popover provider hosts the pager's page-size menu, as MainLayout does in the app.
    IRenderedComponent<IComponent> RenderPage() => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<CustomerDetail>(1);
        builder.AddAttribute(2, nameof(CustomerDetail.Id), shop.Wang.Id);
        builder.CloseComponent();
    });

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await database.DisposeAsync();
    }
}
