using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Ingestion.Import;

public sealed class CustomerImportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_member_list_in_xlsx_creates_customers_and_matches_existing_ones_by_card(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid existing;
        await using (var db = database.NewContext())
            existing = (await Handlers.CreateCustomer(db).HandleAsync(
                new Patron.Customers.CreateCustomer("陈一一", MemberCardNo: "88000001"), Handlers.Clerk, ct: Ct)).Ok().Id;
        using var files = new SampleFiles();

        var report = await Importer.ImportAsync(database,
            new RunImport(files.Xlsx("members.xlsx", SampleFiles.Members), ImportKind.Customers, "stores", Preset: MappingPresets.MemberList), Ct);

        Assert.Equal((5, 3, 2), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal((2, 1), (report.CustomersCreated, report.CustomersMatched));
        Assert.Contains(report.Rejections.Single(r => r.Row == 3).Reasons, r => r.StartsWith("No mobile, email, member card"));
        Assert.Contains(report.Rejections.Single(r => r.Row == 4).Reasons, r => r.StartsWith("birthday:"));
        await using var check = database.NewContext();
        var links = await check.CustomerIdentifiers.Where(i => i.CustomerId == existing).Select(i => i.Kind + "=" + i.Value).OrderBy(v => v).ToListAsync(Ct);
        Assert.Equal(["Email=chen.yi@example.com", "MemberCard=88000001", "Mobile=+8613100131000"], links);
        var john = await check.Customers.SingleAsync(c => c.MemberCardNo == "88000002", Ct);
        Assert.Equal(("John Smith", Gender.Male, new DateOnly(1985, 2, 3), "john@example.com", SignUpChannel.Import),
            (john.Name, john.Gender, john.Birthday, john.Email, john.SignUpChannel));
        var huang = await check.Customers.SingleAsync(c => c.MemberCardNo == "88000005", Ct);
        Assert.Equal((new DateOnly(1995, 12, 1), "天津市", "和平区", "南京路2号"), (huang.Birthday, huang.City, huang.District, huang.Address));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_quarantine_downloads_as_the_original_rows_with_reasons_and_fixed_rows_import(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var files = new SampleFiles();
        var report = await Importer.ImportAsync(database,
            new RunImport(files.Csv("members.csv", SampleFiles.Members, ';', SampleFiles.Gbk), ImportKind.Customers, "stores"), Ct);

        var csv = new StringWriter();
        await using (var db = database.NewContext()) Assert.Equal(2, await new ExportQuarantineHandler(db, new AuditLog(db, TimeProvider.System)).WriteCsvAsync(report.JobId, Actor.System, csv, Ct));
        var rows = Parse(csv.ToString());
        Assert.Equal([.. SampleFiles.MemberHeaders, ExportQuarantineHandler.ReasonColumn], rows[0]);
        Assert.Equal(SampleFiles.Members[3], rows[1][..^1]);
        Assert.Equal(SampleFiles.Members[4], rows[2][..^1]);
        Assert.Contains("1992-02-30 does not exist", rows[2][^1]);

        rows[1][2] = "13700001111";
        rows[2][4] = "1992-02-28";
        var fixedFile = files.Csv("fixed.csv", rows.ToArray());
        var again = await Importer.ImportAsync(database, new RunImport(fixedFile, ImportKind.Customers, "stores"), Ct);
        Assert.Equal((2, 0, 2), (again.RowsAccepted, again.RowsRejected, again.CustomersCreated));
    }

    [Fact]
    public async Task A_preview_shows_cleaned_values_and_problems_without_writing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var files = new SampleFiles();
        var path = files.Csv("orders.csv", SampleFiles.Orders);
        ImportPreview preview;
        await using (var db = database.NewContext())
            preview = await new PreviewImportHandler(new SourceMappings(db, TimeProvider.System), TimeProvider.System)
                .HandleAsync(new PreviewImport(path, ImportKind.Orders, "taobao", Rows: 5), Ct);

        Assert.Empty(preview.MappingProblems);
        Assert.Equal(5, preview.Rows.Count);
        Assert.Equal(("+8613800138000", "2024-03-05 06:23:11Z", "25.80"),
            (preview.Rows[0].Values["mobile"], preview.Rows[0].Values["placedAt"], preview.Rows[0].Values["lineAmount"]));
        Assert.Empty(preview.Rows[0].Problems);
        Assert.NotEmpty(preview.Rows[4].Problems);
        await using var check = database.NewContext();
        Assert.Equal(0, await check.Set<ImportJob>().CountAsync(Ct) + await check.Orders.CountAsync(Ct));
    }

    static List<string[]> Parse(string text)
    {
        using var csv = new CsvParser(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Record!);
        return rows;
    }
}
