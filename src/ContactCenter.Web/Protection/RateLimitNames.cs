namespace ContactCenter.Web.Protection;

/// <summary>The rate limits, as policy names and as the <c>limit</c> tag of the rate-limited counter.</summary>
public static class RateLimitNames
{
    public const string Rest = "rest";
    public const string SignInAddress = "signin-address";
    public const string SignInUser = "signin-user";
    public const string AuthFailures = "auth-failures";
    public const string CallStart = "call-start";
}
