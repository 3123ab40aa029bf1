using System.Security.Claims;
using JobMatch.ServiceDefaults.Auth;
using Profiles.Api.Import;

namespace Profiles.Tests.Unit;

public sealed class RegisterCsvTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly ClaimsPrincipal HohhotCaseworker = new(new ClaimsIdentity(
        [new Claim(JobMatchClaims.Role, Roles.Caseworker), new Claim(JobMatchClaims.Region, "150100")], "test", JobMatchClaims.Subject, JobMatchClaims.Role));

    private static Task<(List<RegisterRow> Rows, List<RowError> Errors)> Read(string csv) =>
        RegisterCsv.ReadAsync(new StringReader(csv), HohhotCaseworker, Today);

    [Fact]
    public async Task Valid_rows_are_read_with_quoted_fields()
    {
        var id = TestIds.Make("150102", new DateOnly(2003, 6, 1), 123);

        var (rows, errors) = await Read($"name,national_id,phone,region_code,registered_on\n\"Bat, Erdene\",{id},13912345678,150102,2026-07-01\n");

        Assert.Empty(errors);
        var row = Assert.Single(rows);
        Assert.Equal("Bat, Erdene", row.Name);
        Assert.Equal(id, row.NationalId.Value);
        Assert.Equal(2, row.Line);
    }

    [Fact]
    public async Task Each_bad_field_is_reported_by_line_and_column_without_its_value()
    {
        var id = TestIds.Make("150102", new DateOnly(2003, 6, 1), 123);
        var badCheck = id[..17] + (id[17] == '0' ? '1' : '0');
        var csv = string.Join('\n',
            "name,national_id,phone,region_code,registered_on",
            $"张伟,{id},13912345678,150102,2026-07-01",
            $",{badCheck},123,150102,2026-07-01",
            $"李娜,{id},,150203,2027-01-01",
            "王芳,x,13912345678,150102");

        var (rows, errors) = await Read(csv);

        Assert.Single(rows);
        Assert.Equal(
            ["3:name", "3:national_id", "3:phone", "4:national_id", "4:region_code", "4:registered_on", "5:row"],
            errors.Select(error => $"{error.Line}:{error.Field}"));
        Assert.DoesNotContain(errors, error => error.Message.Contains(badCheck, StringComparison.Ordinal) || error.Message.Contains("123,", StringComparison.Ordinal));
        Assert.Contains("line 2", errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_the_header_is_refused_at_line_1()
    {
        var (rows, errors) = await Read("张伟,150102200306011234,,150102,2026-07-01\n");

        Assert.Empty(rows);
        Assert.Equal("header", Assert.Single(errors).Field);
    }
}
