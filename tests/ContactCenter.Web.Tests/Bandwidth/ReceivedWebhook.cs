using System.Text.Json.Nodes;

namespace ContactCenter.Web.Tests.Bandwidth;

/// <summary>One request the receiver got: its URL, which try it was for that URL, the body, and the hanging requests then in flight.</summary>
internal sealed record ReceivedWebhook(string Url, int Attempt, JsonNode Body, int HangingAtArrival)
{
    public string Event => (string)Body["event"]!;
}
