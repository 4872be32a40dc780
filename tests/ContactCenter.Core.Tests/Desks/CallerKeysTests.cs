using ContactCenter.Core.Queue;

namespace ContactCenter.Core.Tests.Desks;

public sealed class CallerKeysTests
{
    [Theory]
    [InlineData("+1 555-0100", "tel:+15550100")]
    [InlineData("5550100", "tel:5550100")]
    [InlineData("Unknown caller", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ForPhone_Number_DigitsWithLeadingPlus(string? number, string? key)
    {
        Assert.Equal(key, CallerKeys.ForPhone(number));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", "web:0123456789abcdef0123456789abcdef")]
    [InlineData("short", null)]
    [InlineData("0123456789abcdef<script>", null)]
    [InlineData(null, null)]
    public void ForBrowser_Id_OnlyWellFormedIds(string? id, string? key)
    {
        Assert.Equal(key, CallerKeys.ForBrowser(id));
    }
}
