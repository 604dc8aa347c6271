using IotActors.Node.Tests.Api;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace IotActors.Node.Tests.Dashboard;

/// <summary>The dashboard in a real headless Chromium (Debian's chromium + chromium-driver) against the API on real Kestrel.</summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string DriverPath = "/usr/bin/chromedriver";
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "iotactors-chromium-" + Guid.NewGuid().ToString("N"));
    private ApiTestServer _server = null!;
    private ChromeDriver? _browser;

    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard");

    public async Task InitializeAsync() => _server = await ApiTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        _browser?.Quit();
        _browser?.Dispose();
        await _server.DisposeAsync();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task Page_shows_live_values_without_reload_and_an_operator_turns_the_fan_on()
    {
        for (int i = 0; i < 20; i++)
        {
            _server.Site.RecordReading("living-room-temp", "temperature", "C", 21 + (i % 5) * 0.4);
            _server.Time.Advance(TimeSpan.FromSeconds(30));
        }
        await _server.History.FlushAsync();

        ChromeDriver browser = _browser = StartChromium();
        browser.Navigate().GoToUrl(_server.BaseAddress);
        Wait(() => browser.FindElement(By.Id("login")).Displayed, "the token form shows on first visit");
        browser.FindElement(By.Id("token")).SendKeys(_server.OperatorToken);
        browser.FindElement(By.CssSelector("#login button[type=submit]")).Click();

        Wait(() => Text(browser, "#device-living-room-temp .value") == "22.6 C", "the sensor's latest value shows");
        Wait(() => Text(browser, "#conn") == "live", "the event stream connects");
        Wait(() => Text(browser, "#cluster tbody") .Contains("iot://test@node1"), "the cluster table lists this node");
        browser.ExecuteScript("window.__noReload = 42;");

        _server.Site.RecordReading("living-room-temp", "temperature", "C", 27.3);
        Wait(() => Text(browser, "#device-living-room-temp .value") == "27.3 C", "a streamed reading updates the card");
        browser.ExecuteScript("return window.__noReload;").Should().Be(42L, "the page was not reloaded");
        Screenshot(browser, "desktop-live");

        Text(browser, "#device-fan .state").Should().Be("idle");
        browser.FindElement(By.CssSelector("#device-fan .toggle")).Click();
        Wait(() => Text(browser, "#device-fan .state") == "active", "the fan shows active after the operator's command");
        (await _server.Site.GetDeviceAsync("fan"))!.Active.Should().BeTrue();
        Text(browser, "#log").Should().Contain("fan is now active");

        browser.Manage().Window.Size = new System.Drawing.Size(412, 915);
        Wait(() => Text(browser, "#device-fan .toggle") == "Turn off", "the button offers to turn the fan off");
        Screenshot(browser, "phone");
    }

    private ChromeDriver StartChromium()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException(
                $"Dashboard tests need Debian's chromium ({ChromiumPath}) and chromium-driver ({DriverPath}): run 'apt-get install -y chromium chromium-driver' (CI installs them in .ci/setup).");
        }

        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + _profile, "--window-size=1200,1000");
        ChromeDriverService service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static string Text(IWebDriver browser, string css)
    {
        try
        {
            return browser.FindElement(By.CssSelector(css)).Text;
        }
        catch (NoSuchElementException)
        {
            return "";
        }
        catch (StaleElementReferenceException)
        {
            return "";
        }
    }

    private static void Wait(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}.");
            IotActors.TestKit.TestKit.Pause(TimeSpan.FromMilliseconds(50));
        }
    }

    private static void Screenshot(ITakesScreenshot browser, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        browser.GetScreenshot().SaveAsFile(Path.Combine(ScreenshotDir, name + ".png"));
    }
}
