using JobPostings.Api.Postings;

namespace JobPostings.Tests.Unit;

public sealed class CreatePostingRequestTests
{
    private static readonly DateTime Now = new(2025, 6, 1, 8, 0, 0, DateTimeKind.Utc);

    private static CreatePostingRequest Valid() => new(
        Title: "焊工 Welder", Description: "Shift work in Baotou.", OccupationCode: "6-18-02", Skills: ["Welding", "Forklift"],
        RegionCode: "150203", Latitude: 40.66, Longitude: 109.84, SalaryMin: 5000, SalaryMax: 8000, Vacancies: 3,
        ValidUntil: Now.AddDays(30));

    private static IDictionary<string, string[]> Errors(CreatePostingRequest request) => request.Validate(Now).Errors;

    [Fact]
    public void A_complete_request_is_valid()
    {
        var validation = Valid().Validate(Now);

        Assert.True(validation.IsValid);
        Assert.Empty(validation.Errors);
    }

    [Fact]
    public void A_request_with_only_a_title_and_a_region_is_valid()
    {
        var request = new CreatePostingRequest("Cook", null, null, null, "150102", null, null, null, null, null, null);

        Assert.True(request.Validate(Now).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_title_names_the_title(string? title)
    {
        var errors = Errors(Valid() with { Title = title });

        Assert.Equal(["title"], errors.Keys);
    }

    [Theory]
    [InlineData("4-02-02-02", true)]
    [InlineData(" 4-02-02-02 ", true)]
    [InlineData("2-07-10-01", true)] // a repeated code stays valid
    [InlineData("4-02-02", false)]   // a 小类, not an occupation
    [InlineData("4-02-02-99", false)]
    [InlineData("8332.1", false)]    // an ESCO code belongs in occupationCode
    [InlineData("道路货运汽车驾驶员", false)]
    public void A_national_occupation_code_must_be_an_occupation_of_the_classification(string code, bool valid)
    {
        var errors = Errors(Valid() with { NationalOccupationCode = code });
        Assert.Equal(valid ? [] : ["nationalOccupationCode"], errors.Keys);
    }

    [Fact]
    public void A_title_longer_than_200_characters_is_refused()
    {
        Assert.True((Valid() with { Title = new string('x', 200) }).Validate(Now).IsValid);
        Assert.Equal(["title"], Errors(Valid() with { Title = new string('x', 201) }).Keys);
    }

    [Fact]
    public void A_description_longer_than_20000_characters_is_refused()
    {
        Assert.Equal(["description"], Errors(Valid() with { Description = new string('x', 20_001) }).Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("110101")]
    [InlineData("15010")]
    [InlineData("1501020")]
    [InlineData("15010a")]
    public void A_region_outside_the_Inner_Mongolia_division_codes_names_the_region_code(string? regionCode)
    {
        var errors = Errors(Valid() with { RegionCode = regionCode });

        Assert.Equal(["regionCode"], errors.Keys);
    }

    [Fact]
    public void A_latitude_without_a_longitude_is_refused()
    {
        Assert.Equal(["latitude"], Errors(Valid() with { Longitude = null }).Keys);
        Assert.Equal(["latitude"], Errors(Valid() with { Latitude = null }).Keys);
    }

    [Fact]
    public void Coordinates_out_of_range_name_their_field()
    {
        Assert.Equal(["latitude"], Errors(Valid() with { Latitude = 90.5 }).Keys);
        Assert.Equal(["longitude"], Errors(Valid() with { Longitude = -180.5 }).Keys);
    }

    [Fact]
    public void A_negative_minimum_salary_names_salaryMin()
    {
        Assert.Equal(["salaryMin"], Errors(Valid() with { SalaryMin = -1, SalaryMax = null }).Keys);
    }

    [Fact]
    public void A_maximum_salary_below_the_minimum_names_salaryMax()
    {
        Assert.Equal(["salaryMax"], Errors(Valid() with { SalaryMin = 8000, SalaryMax = 5000 }).Keys);
        Assert.True((Valid() with { SalaryMin = 5000, SalaryMax = 5000 }).Validate(Now).IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(10_001)]
    public void Vacancies_outside_1_to_10000_are_refused(int vacancies)
    {
        Assert.Equal(["vacancies"], Errors(Valid() with { Vacancies = vacancies }).Keys);
    }

    [Fact]
    public void A_validity_date_that_is_not_in_the_future_is_refused()
    {
        Assert.Equal(["validUntil"], Errors(Valid() with { ValidUntil = Now }).Keys);
        Assert.Equal(["validUntil"], Errors(Valid() with { ValidUntil = Now.AddDays(-1) }).Keys);
    }

    [Fact]
    public void More_than_50_skills_are_refused()
    {
        var skills = Enumerable.Range(0, CreatePostingRequest.MaxSkills + 1).Select(i => $"skill {i}").ToList();

        Assert.True((Valid() with { Skills = skills[..CreatePostingRequest.MaxSkills] }).Validate(Now).IsValid);
        Assert.Equal(["skills"], Errors(Valid() with { Skills = skills }).Keys);
    }

    [Fact]
    public void A_blank_skill_is_refused()
    {
        Assert.Equal(["skills"], Errors(Valid() with { Skills = ["Welding", " "] }).Keys);
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var errors = Errors(Valid() with { Title = "", RegionCode = "110000", SalaryMin = 9000, SalaryMax = 100 });

        Assert.Equal(["regionCode", "salaryMax", "title"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.NotEmpty(messages));
    }

    [Fact]
    public void Enum_numbers_the_enums_do_not_define_are_refused_with_their_fields()
    {
        var errors = Errors(Valid() with { EmploymentType = (EmploymentType)99, Education = (Education)42, KeyGroups = [(KeyGroup)7] });

        Assert.Equal(["education", "employmentType", "keyGroups"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_skill_longer_than_a_hundred_characters_is_refused()
    {
        var errors = Errors(Valid() with { Skills = ["Welding", new string('x', 101)], OptionalSkills = [new string('y', 101)] });

        Assert.Equal(["optionalSkills", "skills"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.True(Valid().Validate(Now).IsValid);
    }
}
