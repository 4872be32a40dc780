namespace ContactCenter.Web.Api;

/// <summary>
/// The body of a 401 or 403 answer: Bandwidth's <c>unauthorizedRequest</c> / <c>forbiddenRequest</c> shape,
/// <c>{"message": …}</c>. The request id still travels in <c>X-Request-Id</c>.
/// </summary>
public sealed record ApiMessage(string Message);
