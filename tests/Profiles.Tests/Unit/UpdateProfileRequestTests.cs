using Profiles.Api.Profiles;

namespace Profiles.Tests.Unit;

public sealed class UpdateProfileRequestTests
{
    private static UpdateProfileRequest Valid() => new(
        Name: "张伟", Phone: "13912345678", Skills: ["Welding"], RegionCode: "150102", Latitude: 40.84, Longitude: 111.75,
        MaxCommuteKm: 30, WillingToRelocate: false);

    [Fact]
    public void A_complete_request_is_valid()
    {
        Assert.True(Valid().Validate().IsValid);
        Assert.True((Valid() with { Phone = null, Latitude = null, Longitude = null, MaxCommuteKm = null }).Validate().IsValid);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12912345678")]
    [InlineData("139123456789")]
    [InlineData("+8613912345678")]
    [InlineData("139 1234 5678")]
    public void A_phone_that_is_not_an_11_digit_mainland_mobile_names_the_phone(string phone)
    {
        Assert.Equal(["phone"], (Valid() with { Phone = phone }).Validate().Errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("110101")]
    [InlineData("1501")]
    public void A_region_outside_Inner_Mongolia_names_the_region_code(string? regionCode)
    {
        Assert.Equal(["regionCode"], (Valid() with { RegionCode = regionCode }).Validate().Errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_missing_name_names_the_name(string? name)
    {
        Assert.Equal(["name"], (Valid() with { Name = name }).Validate().Errors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2001)]
    public void A_commute_limit_outside_1_to_2000_km_is_refused(int km)
    {
        Assert.Equal(["maxCommuteKm"], (Valid() with { MaxCommuteKm = km }).Validate().Errors.Keys);
    }
}
