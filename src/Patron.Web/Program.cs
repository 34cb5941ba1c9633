using Patron;
using Patron.Ingestion;
using Patron.Platform;
using Patron.Segmentation;
using Patron.Web.Api;
using Patron.Web.Components;
using Patron.Web.Hosting;
using Patron.Web.Localization;
using Patron.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddPatronSettings().AddCommandLine(args);  // patron.json beside ./data/, shared with the CLI
builder.WebHost.UseStaticWebAssets();                     // `dotnet run` serves Blazor's and MudBlazor's files in Production too

builder.Services.AddPatron(builder.Configuration);       // business modules, database, identity core
builder.Services.AddPatronSecurity();                     // cookies, API keys, permission policies
builder.Services.AddPatronLocalization();                 // zh-CN default, English switchable
builder.Services.AddPatronUi();                           // Blazor interactive server + MudBlazor
builder.Services.AddPatronApi();                          // REST API, ProblemDetails, OpenAPI
builder.Services.AddSegmentationRefresher();              // feature store loaded at start-up, segments refreshed on orders
builder.Services.AddImportQueue();                        // uploaded files imported in the background, one at a time

var app = builder.Build();

await app.PrepareDatabaseAsync();                         // migrate, first owner, demo data on the embedded db

app.UsePatronPipeline();
app.MapAccountEndpoints();                                // /account/login, /account/logout, /culture
app.MapPatronApi();                                       // /api/v1/..., /openapi/v1.json, /api/docs
app.MapPatronUi();                                        // the Blazor app

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
