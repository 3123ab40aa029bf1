using Microsoft.Playwright;
using static JobMatch.Portal.Tests.Visitor;

namespace JobMatch.Portal.Tests;

/// <summary>The portal serves no script at all; with JavaScript switched off every form still works.</summary>
[Collection(PortalCollection.Name)]
public sealed class NoScriptTests(PortalStack stack)
{
    [Fact]
    public async Task With_javascript_off_a_seeker_signs_in_searches_switches_language_and_gets_name_suggestions()
    {
        await using var visitor = await OpenAsync(stack, "no-script", javaScript: false);
        await visitor.GotoAsync("/Account/SignIn?returnUrl=%2FSeeker%2FSearch");
        Assert.Equal(0, await visitor.Page.Locator("script").CountAsync());
        await visitor.FillAsync(("username", "seeker"), ("password", PortalStack.DemoPassword));
        await visitor.SubmitAsync(Zh("signIn.submit"));
        Assert.EndsWith("/Seeker/Search", visitor.Page.Url, StringComparison.Ordinal);
        await visitor.FillAsync(("q", "叉车"), ("region", "150100"));
        await visitor.SubmitAsync(Zh("search.submit"));
        Assert.Contains("q=%E5%8F%89%E8%BD%A6", visitor.Page.Url, StringComparison.Ordinal);
        await visitor.CheckAsync("search");
        await visitor.SubmitAsync(visitor.Page.GetByRole(AriaRole.Link, new() { Name = "English" }));
        Assert.Equal("en", await visitor.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal("叉车", await visitor.Field("q").InputValueAsync());
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
