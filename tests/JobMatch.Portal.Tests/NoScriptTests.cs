using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>With JavaScript switched off every form still works: the place picker posts back to list a league's counties.</summary>
[Collection(PortalCollection.Name)]
public sealed class NoScriptTests(PortalStack stack)
{
    [Fact]
    public async Task With_javascript_off_a_seeker_signs_in_picks_a_place_from_both_lists_switches_language_and_gets_name_suggestions()
    {
        await using var visitor = await OpenAsync(stack, "no-script", javaScript: false);
        await visitor.GotoAsync("/Account/SignIn?returnUrl=%2FJobs");
        Assert.Equal(0, await visitor.Page.Locator("script").CountAsync());
        await visitor.FillAsync(("username", "seeker"), ("password", PortalStack.DemoPassword));
        await visitor.SubmitAsync(Zh("signIn.submit"));
        Assert.EndsWith("/Jobs", visitor.Page.Url, StringComparison.Ordinal);
        // The league first; "list" brings back the page with that league's banners, counties and districts.
        await visitor.FillAsync(("q", "叉车"));
        await visitor.Page.Locator("#place-league").SelectOptionAsync("150200");
        await Assertions.Expect(visitor.Page.Locator("#place-county option")).ToHaveCountAsync(1);
        await visitor.SubmitAsync(Zh("place.list"));
        await Assertions.Expect(visitor.Page.Locator("#place-county option[value='150207']")).ToHaveTextAsync("九原区");
        Assert.Equal("叉车", await visitor.Field("q").InputValueAsync());
        await visitor.Page.Locator("#place-county").SelectOptionAsync("150207");
        await visitor.SubmitAsync(Zh("search.submit"));
        Assert.Contains("place.County=150207", visitor.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(visitor.Page.Locator("#results")).ToBeVisibleAsync();
        await visitor.CheckAsync("search");
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Link, new() { Name = "English" }));
        Assert.Equal("en", await visitor.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal("叉车", await visitor.Field("q").InputValueAsync());
        await Assertions.Expect(visitor.Page.Locator("#place-county option[value='150207']")).ToHaveTextAsync("Jiuyuan District");
        // Skill and occupation names are suggested by a form post too, here in English (the Chinese name beside it).
        await visitor.GotoAsync("/Seeker/Profile");
        await visitor.FillAsync(("newOccupation", "forklift"));
        await visitor.SubmitAsync(En("profile.suggest"));
        await Assertions.Expect(visitor.Page.Locator("#occupation-suggestions option[value='forklift operator']")).ToHaveTextAsync("叉车司机");
        await visitor.CheckAsync("profile-suggestions-en");
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = En("nav.signOut") }));
        await Assertions.Expect(visitor.Page.Locator("header").GetByRole(AriaRole.Link, new() { Name = En("nav.signIn") })).ToHaveCountAsync(1);
    }
}
