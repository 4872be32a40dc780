using ContactCenter.Core.Services;

namespace ContactCenter.Core.Tests.TestDoubles;

internal static class Assertions
{
    public static CallError Fails(CallResult result, CallErrorKind kind)
    {
        Assert.False(result.IsSuccess, "expected a failure");
        Assert.Equal(kind, result.Error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        return result.Error;
    }

    public static CallError Fails<T>(CallResult<T> result, CallErrorKind kind)
    {
        Assert.False(result.IsSuccess, $"expected a failure, got {result}");
        Assert.Equal(kind, result.Error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        return result.Error;
    }

    public static void Succeeds(CallResult result) => Assert.True(result.IsSuccess, result.ToString());

    public static T Succeeds<T>(CallResult<T> result)
    {
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    /// <summary>Two edge lists hold the same edges, whatever their order.</summary>
    public static void SameEdges(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
}
