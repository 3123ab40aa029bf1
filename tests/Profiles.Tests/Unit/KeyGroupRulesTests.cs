using JobMatch.Contracts;
using Profiles.Api.KeyGroups;
using Profiles.Api.Profiles;

namespace Profiles.Tests.Unit;

public sealed class KeyGroupRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly PersonalDetails Nobody = new(new DateOnly(1995, 1, 1), "male", null, null, null, false);

    private static KeyGroupStatus Group(string name, ProfileDetails? details = null, PersonalDetails? personal = null, params RegisterEntry[] registers) =>
        KeyGroupRules.Derive(details ?? ProfileDetails.Empty, personal ?? Nobody, registers, Today).Single(status => status.KeyGroup == name);

    private static ProfileDetails Graduated(DateOnly left) =>
        ProfileDetails.Empty with { Education = [new EducationEntry("bachelor", "Mining engineering", "Inner Mongolia University", left)] };

    [Fact]
    public void Someone_who_left_school_within_two_years_is_a_graduate_with_the_date_as_evidence()
    {
        var status = Group(SeekerKeyGroups.Graduate, Graduated(new DateOnly(2025, 7, 1)));

        Assert.True(status.Applies);
        Assert.Contains("2025-07-01", status.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Someone_who_left_school_more_than_two_years_ago_is_not_a_graduate_unless_on_the_register()
    {
        Assert.False(Group(SeekerKeyGroups.Graduate, Graduated(new DateOnly(2024, 7, 1))).Applies);

        var registered = Group(SeekerKeyGroups.Graduate, Graduated(new DateOnly(2024, 7, 1)), null, new RegisterEntry(Register.UnemployedGraduates, new DateOnly(2024, 9, 1)));

        Assert.True(registered.Applies);
        Assert.Contains("register", registered.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_veteran_is_known_by_the_discharge_and_keeps_branch_and_military_occupation_as_evidence()
    {
        var status = Group(SeekerKeyGroups.Veteran, personal: Nobody with { Veteran = new VeteranService(new DateOnly(2020, 9, 1), "Army", "Vehicle mechanic") });

        Assert.True(status.Applies);
        Assert.Contains("Vehicle mechanic", status.Evidence, StringComparison.Ordinal);
        Assert.False(Group(SeekerKeyGroups.Veteran).Applies);
    }

    [Fact]
    public void Registered_rural_residence_makes_a_rural_worker()
    {
        Assert.True(Group(SeekerKeyGroups.RuralWorker, ProfileDetails.Empty with { RuralResidence = true }).Applies);
        Assert.False(Group(SeekerKeyGroups.RuralWorker).Applies);
    }

    [Theory]
    [InlineData("female", 1986, 11, 22, true)]  // 40 today
    [InlineData("female", 1986, 11, 23, false)] // 40 tomorrow
    [InlineData("male", 1976, 11, 22, true)]    // 50 today
    [InlineData("male", 1980, 1, 1, false)]     // 46
    public void Women_from_40_and_men_from_50_have_employment_difficulties(string gender, int year, int month, int day, bool applies)
    {
        Assert.Equal(applies, Group(SeekerKeyGroups.EmploymentDifficulty, personal: Nobody with { BirthDate = new DateOnly(year, month, day), Gender = gender }).Applies);
    }

    [Fact]
    public void Twelve_months_unemployed_disability_or_low_income_each_count_as_employment_difficulties()
    {
        Assert.True(Group(SeekerKeyGroups.EmploymentDifficulty, ProfileDetails.Empty with { UnemployedSince = Today.AddMonths(-12) }).Applies);
        Assert.False(Group(SeekerKeyGroups.EmploymentDifficulty, ProfileDetails.Empty with { UnemployedSince = Today.AddMonths(-11) }).Applies);
        Assert.True(Group(SeekerKeyGroups.EmploymentDifficulty, personal: Nobody with { Disability = new Disability("physical", 3) }).Applies);
        Assert.True(Group(SeekerKeyGroups.EmploymentDifficulty, personal: Nobody with { LowIncomeHousehold = true }).Applies);
        Assert.True(Group(SeekerKeyGroups.EmploymentDifficulty, null, null, new RegisterEntry(Register.LowIncomeHouseholds, new DateOnly(2026, 1, 1))).Applies);
        Assert.False(Group(SeekerKeyGroups.EmploymentDifficulty).Applies);
    }
}
