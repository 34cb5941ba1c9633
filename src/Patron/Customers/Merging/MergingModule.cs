using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Patron.Customers.Contracts;

namespace Patron.Customers.Merging;

public static class MergingModule
{
    public static IServiceCollection AddCustomerMerging(this IServiceCollection services) => services
        .AddHostedService<NewCustomerMatching>()
        .AddScoped<MatchNewCustomersPassHandler>()
        .AddScoped<MergeRows>()
        .AddScoped<ICustomerMergeParticipant, CustomersMergeParticipant>()
        .AddScoped<MergeCustomersHandler>()
        .AddScoped<UnmergeCustomersHandler>()
        .AddScoped<MatchDecisions>()
        .AddScoped<RunMatchingHandler>()
        .AddScoped<MatchNewCustomersHandler>()
        .AddScoped<ListReviewQueueHandler>()
        .AddScoped<DecideCandidateHandler>()
        .AddScoped<MergeHistoryHandler>();
}
