using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Patron.Commerce.Contracts;
using Patron.Platform;
using Patron.Platform.Security;

namespace Patron.Commerce;

public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder api)
    {
        var stores = api.MapGroup("/stores").WithTags("Catalog");
        stores.MapGet("/", ListStoresAsync).WithName("ListStores").WithSummary("All stores, by code")
            .RequireAuthorization(Permissions.CatalogView);
        stores.MapGet("/{id:guid}", GetStoreAsync).WithName("GetStore").WithSummary("A store")
            .RequireAuthorization(Permissions.CatalogView).ProducesProblem(StatusCodes.Status404NotFound);
        stores.MapPost("/", CreateStoreAsync).WithName("CreateStore").WithSummary("Create a store; its code must be new")
            .RequireAuthorization(Permissions.CatalogEdit);

        var products = api.MapGroup("/products").WithTags("Catalog");
        products.MapGet("/", ListProductsAsync).WithName("ListProducts").WithSummary("Products by SKU, optionally searched or by category")
            .RequireAuthorization(Permissions.CatalogView);
        products.MapGet("/{id:guid}", GetProductAsync).WithName("GetProduct").WithSummary("A product")
            .RequireAuthorization(Permissions.CatalogView).ProducesProblem(StatusCodes.Status404NotFound);
        products.MapPost("/", CreateProductAsync).WithName("CreateProduct").WithSummary("Create a product; its SKU must be new")
            .RequireAuthorization(Permissions.CatalogEdit);

        var categories = api.MapGroup("/categories").WithTags("Catalog");
        categories.MapGet("/", ListCategoriesAsync).WithName("ListCategories").WithSummary("All product categories, by code")
            .RequireAuthorization(Permissions.CatalogView);
        categories.MapPost("/", CreateCategoryAsync).WithName("CreateCategory").WithSummary("Create a category; its code must be new")
            .RequireAuthorization(Permissions.CatalogEdit);
        return api;
    }

    static async Task<Ok<List<StoreView>>> ListStoresAsync(ListStoresHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(ct));

    static async Task<Results<Ok<StoreView>, ProblemHttpResult>> GetStoreAsync(Guid id, GetStoreHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(id, ct) is { } store ? TypedResults.Ok(store) : ApiResults.NotFound("store", id);

    static async Task<Results<Created<StoreView>, ValidationProblem>> CreateStoreAsync(CreateStore request, HttpContext http,
        CreateStoreHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ApiResults.Actor(http), ct);
        return result.Value is { } store ? TypedResults.Created($"/api/v1/stores/{store.Id}", store) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Ok<Page<ProductView>>> ListProductsAsync(
        [Description("Part of the name, or the start of the SKU.")] string? search, Guid? categoryId,
        [Description("Zero-based page index.")] int? page, int? pageSize, ListProductsHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(new ListProducts(search, categoryId, page ?? 0, pageSize ?? 25), ct));

    static async Task<Results<Ok<ProductView>, ProblemHttpResult>> GetProductAsync(Guid id, GetProductHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(id, ct) is { } product ? TypedResults.Ok(product) : ApiResults.NotFound("product", id);

    static async Task<Results<Created<ProductView>, ValidationProblem>> CreateProductAsync(CreateProduct request, HttpContext http,
        CreateProductHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ApiResults.Actor(http), ct);
        return result.Value is { } product ? TypedResults.Created($"/api/v1/products/{product.Id}", product) : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Ok<List<CategoryView>>> ListCategoriesAsync(ListCategoriesHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(ct));

    static async Task<Results<Created<CategoryView>, ValidationProblem>> CreateCategoryAsync(CreateCategory request, HttpContext http,
        CreateCategoryHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ApiResults.Actor(http), ct);
        return result.Value is { } category ? TypedResults.Created((string?)null, category) : ApiResults.Invalid(result.Errors!);
    }
}
