using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Security;

namespace Patron.Commerce;

public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("/", CreateAsync).WithName("CreateOrder").RequireAuthorization(Permissions.OrdersCreate)
            .WithSummary("Record a sale (idempotent on source + externalId)")
            .WithDescription("201 with the new order; 200 with the original order when (source, externalId) was recorded before, "
                + "in which case nothing is written. Gross = Σ line amounts, paid = gross − discount.");
        orders.MapPost("/{id:guid}/refunds", RefundAsync).WithName("RefundOrder").RequireAuthorization(Permissions.OrdersCreate)
            .WithSummary("Refund an order in full or in part (idempotent on refundKey)")
            .WithDescription("Give an amount, lines, or neither for all that is left. 201 with the refund; 200 with the original "
                + "when the refundKey was used before on this order, in which case nothing is written.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapGet("/{id:guid}", GetAsync).WithName("GetOrder").RequireAuthorization(Permissions.OrdersView)
            .WithSummary("An order with its lines").ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapGet("/", ListAsync).WithName("ListOrders").RequireAuthorization(Permissions.OrdersView)
            .WithSummary("Orders, newest first");
        // Lives with the orders because it reads them; the customer module is asked only whether the customer exists.
        api.MapGet("/customers/{id:guid}/orders", ListForCustomerAsync).WithName("ListCustomerOrders").WithTags("Customers")
            .RequireAuthorization(Permissions.CustomersView, Permissions.OrdersView)
            .WithSummary("A customer's orders, newest first").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    static async Task<Results<Created<OrderDetails>, Ok<OrderDetails>, ValidationProblem>> CreateAsync(CreateOrder request,
        CreateOrderHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ct);
        if (result.Value is not { } created) return ApiResults.Invalid(result.Errors!);
        return created.Replayed
            ? TypedResults.Ok(created.Order)
            : TypedResults.Created($"/api/v1/orders/{created.Order.Order.Id}", created.Order);
    }

    static async Task<Results<Created<OrderRefunded>, Ok<OrderRefunded>, ValidationProblem, ProblemHttpResult>> RefundAsync(Guid id,
        RefundOrder request, RefundOrderHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, request, ct);
        if (result.NotFound) return ApiResults.NotFound("order", id);
        if (result.Value is not { } refund) return ApiResults.Invalid(result.Errors!);
        return refund.Replayed ? TypedResults.Ok(refund) : TypedResults.Created($"/api/v1/orders/{id}", refund);
    }

    static async Task<Results<Ok<OrderDetails>, ProblemHttpResult>> GetAsync(Guid id, GetOrderHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(id, ct) is { } order ? TypedResults.Ok(order) : ApiResults.NotFound("order", id);

    static async Task<Ok<Page<OrderSummary>>> ListAsync(Guid? customerId, Guid? storeId, SalesChannel? source, OrderStatus? status,
        [Description("Placed at or after (UTC).")] DateTime? from, [Description("Placed before (UTC).")] DateTime? to,
        [Description("Zero-based page index.")] int? page, int? pageSize, ListOrdersHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(
            new ListOrders(customerId, storeId, source, status, AsUtc(from), AsUtc(to), page ?? 0, pageSize ?? 25), ct));

    static async Task<Results<Ok<Page<OrderSummary>>, ProblemHttpResult>> ListForCustomerAsync(Guid id,
        [Description("Zero-based page index.")] int? page, int? pageSize,
        CustomerDirectory customers, ListOrdersHandler handler, CancellationToken ct)
    {
        if (!await customers.ExistsAsync(id, ct)) return ApiResults.NotFound("customer", id);
        return TypedResults.Ok(await handler.HandleAsync(new ListOrders(CustomerId: id, PageIndex: page ?? 0, PageSize: pageSize ?? 25), ct));
    }

    /// <summary>A query-string time without a zone is taken as UTC (the API's time zone); PostgreSQL refuses unzoned times.</summary>
    static DateTime? AsUtc(DateTime? t) => t?.Kind switch
    {
        DateTimeKind.Local => t.Value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(t.Value, DateTimeKind.Utc),
        _ => t,
    };
}
