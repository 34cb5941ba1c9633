using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Commerce;

public sealed class CatalogWriteTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_store_a_category_and_a_product_are_created_and_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        var store = (await Handlers.CreateStore(db).HandleAsync(new CreateStore(" BJ001 ", "朝阳  大悦城店", "北京", "北京"), Handlers.Clerk, Ct)).Ok();
        var category = (await Handlers.CreateCategory(db).HandleAsync(new CreateCategory("BEAUTY", "美妆"), Handlers.Clerk, Ct)).Ok();
        var product = (await Handlers.CreateProduct(db).HandleAsync(new CreateProduct("BT-001", "保湿面霜", CategoryCode: "BEAUTY", ListPrice: 19900),
            Handlers.Clerk, Ct)).Ok();

        Assert.Equal(("BJ001", "朝阳 大悦城店"), (store.Code, store.Name));
        Assert.Equal((category.Id, "美妆", 19900L), (product.CategoryId, product.CategoryName, product.ListPrice));
        await using var check = database.NewContext();
        var audit = await check.AuditEntries.Select(a => new { a.Action, a.Subject }).ToListAsync(Ct);
        Assert.Equal(["category", "product", "store"], audit.Where(a => a.Action == AuditAction.Create).Select(a => a.Subject).Order());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_taken_store_code_or_sku_is_rejected_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await Catalog.SeedAsync(db);

        var store = await Handlers.CreateStore(db).HandleAsync(new CreateStore(Catalog.StoreCode, "又一家店"), Handlers.Clerk, Ct);
        var product = await Handlers.CreateProduct(db).HandleAsync(new CreateProduct(Catalog.Apples, "苹果", CategoryCode: "FRESH", ListPrice: -1),
            Handlers.Clerk, Ct);
        var orphan = await Handlers.CreateProduct(db).HandleAsync(new CreateProduct("NEW-1", "新品", CategoryId: Guid.NewGuid()), Handlers.Clerk, Ct);

        Assert.Equal(["code"], store.Fields());
        Assert.Equal(["listPrice", "sku"], product.Fields().Order());
        Assert.Equal(["categoryId"], orphan.Fields());
        await using var check = database.NewContext();
        Assert.Equal((1, 2, 0), (await check.Stores.CountAsync(Ct), await check.Products.CountAsync(Ct), await check.AuditEntries.CountAsync(Ct)));
    }
}
