using System.Globalization;
using ContactCenter.Core.Desks;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Calls;

/// <summary>Calls as a table: when, (the caller), the agent, the outcome (disposition, or what happened) and the note.</summary>
public partial class CallHistoryList
{
    [Parameter, EditorRequired]
    public IReadOnlyList<CallRecord> Calls { get; set; } = [];

    [Parameter]
    public bool ShowCaller { get; set; }

    /// <summary>A row was clicked (the call's id); rows are not clickable without it.</summary>
    [Parameter]
    public EventCallback<string> OnSelect { get; set; }

    [Parameter]
    public string? SelectedCallId { get; set; }

    [Parameter]
    public string EmptyText { get; set; } = "No earlier calls.";

    /// <summary>The outcome in words: the code picked, or why there is none.</summary>
    public static string Outcome(CallRecord call) => call switch
    {
        { EndedAt: null, ConnectedAt: null } => "Waiting",
        { EndedAt: null } => "In progress",
        { IsAbandoned: true } => "Abandoned (hung up while waiting)",
        { DispositionLabel: { } label } => label,
        { HasDisposition: true } => "Wrapped up",
        _ => "No code",
    };

    private static string When(CallRecord call) =>
        call.WaitingSince.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
