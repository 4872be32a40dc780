namespace ContactCenter.E2E.Media;

/// <summary>What the page's <c>runEcho()</c> returns: the browser's offer and our answer.</summary>
public sealed class EchoNegotiation
{
    public string Offer { get; set; } = string.Empty;

    public string Answer { get; set; } = string.Empty;
}
