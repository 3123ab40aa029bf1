using System.Security.Claims;
using System.Text;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Auth;
using JobMatch.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Profiles.Api.Audit;
using Profiles.Api.KeyGroups;

namespace Profiles.Api.Import;

public sealed record ImportResponse(Guid ImportId, string Register, int Rows);

/// <summary>
/// Caseworkers upload a real-name register as CSV (Content-Type text/csv). Every line is validated first; if any is
/// wrong, nothing is imported and the answer is a validation problem naming each line and field (errors keyed
/// "rows[line].field", with errorCount and rowCount beside them).
/// </summary>
public static class ImportApi
{
    /// <summary>Errors listed in one answer; errorCount still counts them all.</summary>
    public const int MaxListedErrors = 1000;

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var imports = endpoints.MapApiGroup("/api/profiles/registers", "Register import", "Importing key-group registers from other offices.").RequireAuthorization(Policies.Staff);
        imports.MapPost("/{register}/imports", ImportRegister).Accepts<string>("text/csv")
            .WithName("ImportRegister").WithSummary("Import a key-group register (CSV) for the caller's regions; rows are checked and reported one by one.");
        return endpoints;
    }

    /// <summary>The file refused whole: each line's fields and messages (the first <see cref="MaxListedErrors"/>), and counts.</summary>
    private static ValidationProblem NothingImported(IReadOnlyList<RowError> errors, int rowCount)
    {
        var listed = errors.Take(MaxListedErrors).GroupBy(error => $"rows[{error.Line}].{error.Field}")
            .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray());
        return TypedResults.ValidationProblem(listed, "Nothing was imported: correct these lines and upload the file again.",
            extensions: new Dictionary<string, object?> { ["errorCount"] = errors.Count, ["rowCount"] = rowCount });
    }

    public static async Task<Results<Ok<ImportResponse>, ValidationProblem>> ImportRegister(
        string register, HttpRequest request, ClaimsPrincipal caller, RegisterImporter importer, AuditLog audit, Transactions transactions,
        CancellationToken cancellationToken)
    {
        if (!Register.All.Contains(register))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["register"] = ["The register is one of " + string.Join(", ", Register.All) + "."] });

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var (rows, errors) = await RegisterCsv.ReadAsync(reader, caller, DateOnly.FromDateTime(DateTime.UtcNow));
        if (errors.Count == 0 && rows.Count == 0) errors.Add(new RowError(2, "row", "The file has no rows."));
        if (errors.Count > 0) return NothingImported(errors, rows.Count + errors.Select(e => e.Line).Distinct().Count());

        var importId = Guid.CreateVersion7();
        ImportOutcome? outcome = null;
        await transactions.RunAsync(async transaction =>
        {
            outcome = await importer.ImportAsync(transaction, caller, register, rows, importId);
            if (outcome.Refused.Count > 0) return;
            var reason = $"{register} import {importId}: {rows.Count} rows";
            await audit.RecordAsync(transaction, caller, "import-register", null, ["name", "nationalId", "phone", "regionCode"], reason);
            // Each seeker whose key groups the file changed is named in the audit, not only the file.
            foreach (var seekerId in outcome.Seekers)
                await audit.RecordAsync(transaction, caller, "import-register", seekerId, ["keyGroups"], reason);
        }, cancellationToken);
        if (outcome!.Refused.Count > 0) return NothingImported(outcome.Refused, rows.Count);
        return TypedResults.Ok(new ImportResponse(importId, register, rows.Count));
    }
}
