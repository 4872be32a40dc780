namespace ContactCenter.Web.Media;

/// <summary>Our offer for the server-offers echo flow: the peer id to post the answer to, and the SDP.</summary>
public sealed record DevEchoOffer(string Id, string Sdp);
