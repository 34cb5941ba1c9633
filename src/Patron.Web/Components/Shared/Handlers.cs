namespace Patron.Web.Components.Shared;

/// <summary>
/// Runs one business handler in a fresh DI scope. A circuit lives as long as the browser tab, so a scoped
/// PatronDb injected into a component would be shared by every click (and by concurrent renders); a scope per
/// call gives each operation its own short-lived context, as a request would.
/// </summary>
public sealed class Handlers(IServiceScopeFactory scopes)
{
    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> call) where THandler : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>For an operation that needs several services sharing one unit of work (a change and its audit entry).</summary>
    public async Task<TResult> RunAsync<TResult>(Func<IServiceProvider, Task<TResult>> call)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider);
    }
}
