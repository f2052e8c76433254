using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Security;

/// <summary>
/// The sign-in page of the shared lab (local mode: loopback, no authentication needed): it renders and passes axe,
/// the app bar says local mode, its forms refuse a post without the antiforgery token, and a malformed key gets a
/// clear error and no session.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInPageTests(BrowserLab lab)
{
    [Fact]
    public async Task Local_mode_needs_no_sign_in_and_the_sign_in_page_refuses_a_malformed_key()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("local-mode")).ToHaveTextAsync("Local mode — no authentication");

        var response = await page.GotoAsync("/sign-in?returnUrl=%2Fruns");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await Assertions.Expect(page.GetByText("This lab runs in local mode")).ToBeVisibleAsync();
        Assert.Equal("password", await page.GetByLabel("API key").GetAttributeAsync("type"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("sign-in");

        await page.GetByLabel("API key").FillAsync("not-a-key");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            r => r.Url.Contains("/sign-in", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("That is not an API key");
        Assert.Equal("", await page.GetByLabel("API key").InputValueAsync());
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == LabSession.CookieName);
        await page.ScreenshotAsync("sign-in-refused");
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/sign-out")]
    public async Task A_session_form_posted_without_its_antiforgery_token_is_refused(string path)
    {
        var page = await lab.NewPageAsync();

        var form = page.APIRequest.CreateFormData();
        form.Set("Input.Key", "lsk_" + new string('A', 43));
        form.Set("_handler", "sign-in");

        var response = await page.APIRequest.PostAsync(path, new() { Form = form });

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == LabSession.CookieName);
    }
}
