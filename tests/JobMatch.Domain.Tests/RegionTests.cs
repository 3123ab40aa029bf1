using JobMatch.Domain.Regions;

namespace JobMatch.Domain.Tests;

public sealed class RegionTests
{
    [Fact]
    public void The_twelve_leagues_and_cities_and_every_county_have_chinese_and_english_names_and_a_seat()
    {
        Assert.Equal(12, InnerMongoliaRegions.Leagues.Count);
        Assert.Equal(108, InnerMongoliaRegions.Counties.Count);
        Assert.All(InnerMongoliaRegions.All, region =>
        {
            Assert.Matches(@"^15\d{2}(00|\d[1-9]|[1-9]\d)$", region.Code);
            Assert.NotEqual(region.Name, region.EnglishName);
            Assert.Matches(@"^[A-Z][A-Za-z \-]+$", region.EnglishName);
            Assert.InRange(region.Latitude, 37, 54);
            Assert.InRange(region.Longitude, 97, 127);
        });
        Assert.Equal(InnerMongoliaRegions.Counties.Count, InnerMongoliaRegions.Leagues.Sum(league => InnerMongoliaRegions.CountiesOf(league.Code).Count));
        Assert.Equal("Horqin Right Front Banner", InnerMongoliaRegions.Find("152221")!.EnglishName);
        Assert.Equal("Xincheng District", InnerMongoliaRegions.Find("150102")!.EnglishName);
        Assert.Equal("150100", InnerMongoliaRegions.Find("150102")!.LeagueCode);
        Assert.Equal("1501", InnerMongoliaRegions.Find("150102")!.ParentCode);
    }

    [Theory]
    [InlineData("呼和浩特市新城区", "150102")]
    [InlineData("内蒙古自治区呼和浩特市新城区", "150102")]
    [InlineData("赛罕区", "150105")]
    [InlineData("赛罕", "150105")]
    [InlineData("呼和浩特 赛罕区", "150105")]
    [InlineData("包头市", "150200")]
    [InlineData("包头", "150200")]
    [InlineData("九原区", "150207")]
    [InlineData("科尔沁右翼前旗", "152221")]
    [InlineData("兴安盟科尔沁右翼前旗", "152221")]
    [InlineData("Saihan District, Hohhot", "150105")]
    [InlineData("hohhot", "150100")]
    [InlineData("Xilingol League", "152500")]
    [InlineData("150207", "150207")]
    [InlineData("　赛罕区\u200B", "150105")]
    public void A_typed_place_name_resolves_to_its_division(string typed, string code) =>
        Assert.Equal([code], InnerMongoliaRegions.Resolve(typed).Select(region => region.Code));

    [Theory]
    [InlineData("")]
    [InlineData("北京市朝阳区")]
    [InlineData("159999")]
    [InlineData("区")]
    public void Names_that_are_no_division_of_inner_mongolia_resolve_to_nothing(string typed) =>
        Assert.Empty(InnerMongoliaRegions.Resolve(typed));

    [Fact]
    public void Names_read_as_people_write_them_in_either_language()
    {
        Assert.Equal("包头市九原区", InnerMongoliaRegions.DisplayName("150207"));
        Assert.Equal("Jiuyuan District, Baotou", InnerMongoliaRegions.DisplayName("150207", "en"));
        Assert.Equal("锡林郭勒盟", InnerMongoliaRegions.DisplayName("152500"));
        Assert.Equal("内蒙古全区", InnerMongoliaRegions.DisplayName(RegionCodes.Whole));
        Assert.Equal("159999", InnerMongoliaRegions.DisplayName("159999"));
    }

    [Theory]
    [InlineData("150000", "150207", true)]
    [InlineData("150100", "150102", true)]
    [InlineData("150100", "150207", false)]
    [InlineData("150102", "150102", true)]
    [InlineData("150102", "150103", false)]
    public void Division_codes_nest_by_prefix(string region, string code, bool covers) =>
        Assert.Equal(covers, RegionCodes.Covers(region, code));

    [Theory]
    [InlineData("150000", true)]
    [InlineData("150100", true)]
    [InlineData("150102", true)]
    [InlineData("159999", false)]
    [InlineData("110101", false)]
    [InlineData("1501", false)]
    [InlineData(null, false)]
    public void Known_codes_are_the_whole_region_its_leagues_and_their_counties(string? code, bool known) =>
        Assert.Equal(known, RegionCodes.IsKnown(code));

    [Fact]
    public void Kinds_keep_banners_and_counties_apart_from_cities()
    {
        Assert.Equal("banner-county", InnerMongoliaRegions.KindOf("152221"));
        Assert.Equal("city", InnerMongoliaRegions.KindOf("150102"));
        Assert.Equal("city", InnerMongoliaRegions.KindOf("150199"));
        Assert.Equal("unknown", InnerMongoliaRegions.KindOf("159999"));
    }
}
