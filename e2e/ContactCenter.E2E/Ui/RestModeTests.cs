using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactCenter.Core.Queue;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.E2E.Ui;

/// <summary>
/// REST and the pages agree: a mode set through <c>PUT /v1/accounts/{id}/sessions/{id}/mode</c> (straight to call
/// control, no page involved) shows in the open console's Mode column and on the agent's whisper banner.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class RestModeTests(UiFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task ModeSetThroughRestApi_ConsoleAndAgentBannerFollow()
    {
        var agent = await fixture.NewPageAsync();
        await UiSteps.SignInAsync(agent, "Agent", "/agent");
        await UiSteps.WaitInteractiveAsync(agent);
        await agent.GetByTestId("status-available").ClickAsync();
        var supervisor = await fixture.NewPageAsync();
        await UiSteps.SignInAsync(supervisor, "Supervisor", "/supervisor");
        await UiSteps.WaitInteractiveAsync(supervisor);
        var customer = await fixture.NewPageAsync();
        await customer.GotoAsync("/call");
        await UiSteps.WaitInteractiveAsync(customer);
        await customer.Locator("[data-testid=caller-name] input").FillAsync("Rest Mode Caller");
        await customer.GetByTestId("call-button").ClickAsync();
        await Expect(agent.GetByTestId("offer-caller")).ToHaveTextAsync("Rest Mode Caller");
        await agent.GetByTestId("offer-accept").ClickAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Connected");
        await Expect(supervisor.GetByTestId("row-agent")).ToHaveTextAsync("Agent");
        await supervisor.GetByTestId("action-monitor").ClickAsync();
        await Expect(supervisor.GetByTestId("row-mode")).ToHaveTextAsync("Monitor");
        await Expect(agent.GetByTestId("whisper-indicator")).ToHaveCountAsync(0);

        var call = fixture.Host.Services.GetRequiredService<CallCenter>().ActiveCalls.Single(c => c.CustomerName == "Rest Mode Caller");
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String("demo:demo-secret-change-me"u8.ToArray()));
        var clock = Stopwatch.StartNew();
        using var response = await http.PutAsJsonAsync($"/v1/accounts/demo/sessions/{call.CallId}/mode", new
        {
            mode = "whisper",
            supervisors = call.Supervisors.Select(s => s.ParticipantId),
            agents = call.Agents.Select(a => a.ParticipantId),
            customers = new[] { call.CustomerParticipantId },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        await Expect(supervisor.GetByTestId("row-mode")).ToHaveTextAsync("Whisper");
        await Expect(agent.GetByTestId("whisper-indicator")).ToBeVisibleAsync();
        output.WriteLine($"PUT mode → console and agent banner: {clock.ElapsedMilliseconds} ms");

        await agent.GetByTestId("agent-hangup").ClickAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Call ended");
        await agent.GetByTestId("status-away").ClickAsync();
        foreach (var page in new[] { agent, supervisor, customer })
        {
            await page.Context.CloseAsync();
        }
    }
}
