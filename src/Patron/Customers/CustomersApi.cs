using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Platform.Security;

namespace Patron.Customers;

public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        customers.MapGet("/", ListAsync).WithName("ListCustomers").RequireAuthorization(Permissions.CustomersView)
            .WithSummary("List or search customers")
            .WithDescription("Search by a whole mobile, its last digits, a member card number or part of a name. "
                + "Mobiles are masked unless the caller holds customers.reveal and asks with reveal=true (audited).");
        customers.MapGet("/{id:guid}", GetAsync).WithName("GetCustomer").RequireAuthorization(Permissions.CustomersView)
            .WithSummary("A customer's profile: details, identifiers, purchase KPIs, recent events")
            .WithDescription("Every read is audited. Contact details are masked unless the caller holds customers.reveal and asks with reveal=true.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        customers.MapPost("/", CreateAsync).WithName("CreateCustomer").RequireAuthorization(Permissions.CustomersEdit)
            .WithSummary("Create a customer")
            .WithDescription("Mobiles are normalised to E.164 (default region CN), emails trimmed with a lower-case domain. "
                + "A mobile, email or member card that another customer has is rejected.");
        customers.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateCustomer").RequireAuthorization(Permissions.CustomersEdit)
            .WithSummary("Replace a customer's editable fields")
            .WithDescription("Send every field: an omitted optional field is cleared. Sign-up channel, store and time do not change.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    static async Task<Ok<Page<CustomerSummary>>> ListAsync(
        [Description("Mobile (whole or last digits), member card number or part of a name.")] string? search,
        CustomerSort? sort, bool? desc,
        [Description("Zero-based page index.")] int? page, int? pageSize,
        [Description("Show whole mobiles; needs customers.reveal.")] bool? reveal,
        HttpContext http, SearchCustomersHandler handler, AuditLog audit, CancellationToken ct)
    {
        var revealed = reveal == true && await ApiResults.HoldsAsync(http, Permissions.CustomersReveal);
        var result = await handler.HandleAsync(new SearchCustomers(search, sort ?? CustomerSort.SignedUpAt, desc ?? true,
            page ?? 0, pageSize ?? 25, revealed), ct);
        // A revealed list shows many people's mobiles at once: record it like a revealed profile (PIPL art. 51).
        if (revealed)
            await audit.RecordAsync(ApiResults.Actor(http), AuditAction.Reveal, "customer-list",
                detail: $"mobiles of {result.Items.Count} customers, page {result.PageIndex}", ct: ct);
        return TypedResults.Ok(result);
    }

    static async Task<Results<Ok<CustomerProfile>, ProblemHttpResult>> GetAsync(Guid id,
        [Description("Show contact details in full; needs customers.reveal.")] bool? reveal,
        HttpContext http, GetCustomerProfileHandler handler, CancellationToken ct)
    {
        var revealed = reveal == true && await ApiResults.HoldsAsync(http, Permissions.CustomersReveal);
        var profile = await handler.HandleAsync(new GetCustomerProfile(id, ApiResults.Actor(http), revealed), ct);
        return profile is null ? ApiResults.NotFound("customer", id) : TypedResults.Ok(profile);
    }

    static async Task<Results<Created<CustomerDetails>, ValidationProblem>> CreateAsync(CreateCustomer request,
        HttpContext http, CreateCustomerHandler handler, CancellationToken ct)
    {
        var reveal = await ApiResults.HoldsAsync(http, Permissions.CustomersReveal);
        var result = await handler.HandleAsync(request, ApiResults.Actor(http), reveal, ct);
        return result.Value is { } created
            ? TypedResults.Created($"/api/v1/customers/{created.Id}", created)
            : ApiResults.Invalid(result.Errors!);
    }

    static async Task<Results<Ok<CustomerDetails>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, UpdateCustomer request,
        HttpContext http, UpdateCustomerHandler handler, CancellationToken ct)
    {
        var reveal = await ApiResults.HoldsAsync(http, Permissions.CustomersReveal);
        var result = await handler.HandleAsync(id, request, ApiResults.Actor(http), reveal, ct);
        if (result.NotFound) return ApiResults.NotFound("customer", id);
        return result.Value is { } updated ? TypedResults.Ok(updated) : ApiResults.Invalid(result.Errors!);
    }
}
