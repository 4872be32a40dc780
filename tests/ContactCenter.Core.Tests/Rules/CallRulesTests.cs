using ContactCenter.Core.Domain;
using ContactCenter.Core.Rules;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.TestDoubles;

namespace ContactCenter.Core.Tests.Rules;

public sealed class CallRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("front desk")]
    public void CheckTag_AbsentOrShort_Passes(string? tag) => Assert.Null(CallRules.CheckTag(tag));

    [Fact]
    public void CheckTag_FiftyCharacters_Passes() => Assert.Null(CallRules.CheckTag(new string('x', 50)));

    [Fact]
    public void CheckTag_FiftyOneCharacters_FailsValidationWithTheLength()
    {
        var error = CallRules.CheckTag(new string('x', 51));

        Assert.Equal(CallErrorKind.Validation, error?.Kind);
        Assert.Contains("50", error!.Message, StringComparison.Ordinal);
        Assert.Contains("51", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckPublishPermissions_UniqueKnownKinds_Pass()
    {
        Assert.Null(CallRules.CheckPublishPermissions([PublishPermission.Audio, PublishPermission.Video]));
        Assert.Null(CallRules.CheckPublishPermissions([]));
    }

    [Fact]
    public void CheckPublishPermissions_Duplicate_FailsValidationNamingIt()
    {
        var error = CallRules.CheckPublishPermissions([PublishPermission.Audio, PublishPermission.Audio]);

        Assert.Equal(CallErrorKind.Validation, error?.Kind);
        Assert.Contains("AUDIO", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckPublishPermissions_UndefinedKind_FailsValidation() =>
        Assert.Equal(CallErrorKind.Validation, CallRules.CheckPublishPermissions([(PublishPermission)7])?.Kind);

    [Fact]
    public void ParsePublishPermissions_WireNames_ParseInOrder() =>
        Assert.Equal(
            [PublishPermission.Video, PublishPermission.Audio],
            Assertions.Succeeds(CallRules.ParsePublishPermissions(["VIDEO", "audio"])));

    [Theory]
    [InlineData("SCREEN")]
    [InlineData("")]
    [InlineData(null)]
    public void ParsePublishPermissions_UnknownName_FailsValidation(string? name) =>
        Assertions.Fails(CallRules.ParsePublishPermissions(["AUDIO", name]), CallErrorKind.Validation);

    [Fact]
    public void ParsePublishPermissions_Duplicate_FailsValidation() =>
        Assertions.Fails(CallRules.ParsePublishPermissions(["AUDIO", "Audio"]), CallErrorKind.Validation);

    [Theory]
    [InlineData("V3")]
    [InlineData("v3")]
    public void NormalizeDeviceApiVersion_V3AnyCase_IsV3(string version) =>
        Assert.Equal("V3", Assertions.Succeeds(CallRules.NormalizeDeviceApiVersion(version)));

    [Theory]
    [InlineData(null)]
    [InlineData("V2")]
    [InlineData("v2")]
    public void NormalizeDeviceApiVersion_AbsentOrV2AnyCase_IsV2(string? version) =>
        Assert.Equal("V2", Assertions.Succeeds(CallRules.NormalizeDeviceApiVersion(version)));

    [Theory]
    [InlineData("V4")]
    [InlineData("V1")]
    [InlineData("")]
    public void NormalizeDeviceApiVersion_Other_FailsValidation(string version) =>
        Assertions.Fails(CallRules.NormalizeDeviceApiVersion(version), CallErrorKind.Validation);

    [Theory]
    [InlineData(null)]
    [InlineData("https://example.com/hooks/bw")]
    [InlineData("http://10.0.0.1:8080/cb")]
    public void CheckCallbackUrl_AbsentOrHttp_Passes(string? url) => Assert.Null(CallRules.CheckCallbackUrl(url));

    [Theory]
    [InlineData("/relative")]
    [InlineData("ftp://example.com/x")]
    [InlineData("not a url")]
    public void CheckCallbackUrl_NotAbsoluteHttp_FailsValidation(string url) =>
        Assert.Equal(CallErrorKind.Validation, CallRules.CheckCallbackUrl(url)?.Kind);

    [Fact]
    public void CheckCanJoin_FreeParticipantAndRoom_Passes()
    {
        var harness = new CallHarness();

        Assert.Null(CallRules.CheckCanJoin(harness.NewSession(), harness.NewParticipant(), Session.MaxMembers - 1));
    }

    [Fact]
    public void CheckCanJoin_SessionFull_IsConflict()
    {
        var harness = new CallHarness();

        var error = CallRules.CheckCanJoin(harness.NewSession(), harness.NewParticipant(), Session.MaxMembers);

        Assert.Equal(CallErrorKind.Conflict, error?.Kind);
        Assert.Contains("20", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCanJoin_InAnotherSession_IsConflictNamingIt()
    {
        var harness = new CallHarness();
        var other = harness.NewSession("other");
        var participant = harness.Member(other);

        var error = CallRules.CheckCanJoin(harness.NewSession(), participant, 0);

        Assert.Equal(CallErrorKind.Conflict, error?.Kind);
        Assert.Contains("other", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCanJoin_AlreadyMemberOfAFullSession_Passes()
    {
        var harness = new CallHarness();
        var session = harness.NewSession();

        Assert.Null(CallRules.CheckCanJoin(session, harness.Member(session), Session.MaxMembers));
    }

    [Fact]
    public void CheckCanJoin_ParticipantOfAnotherAccount_IsForbidden()
    {
        var harness = new CallHarness();

        var error = CallRules.CheckCanJoin(harness.NewSession(), harness.NewParticipant(accountId: CallHarness.OtherAccountId), 0);

        Assert.Equal(CallErrorKind.Forbidden, error?.Kind);
    }

    [Fact]
    public void NormalizeSubscriptions_NullOrEmpty_IsNone()
    {
        Assert.Same(Subscriptions.None, Assertions.Succeeds(CallRules.NormalizeSubscriptions("s", null)));
        Assert.Same(Subscriptions.None, Assertions.Succeeds(CallRules.NormalizeSubscriptions("s", new Subscriptions(null, null!))));
    }

    [Fact]
    public void NormalizeSubscriptions_SessionIdAlone_IsTheWholeSession() =>
        Assert.True(Assertions.Succeeds(CallRules.NormalizeSubscriptions("s", new Subscriptions("s", []))).IsWholeSession);

    [Fact]
    public void NormalizeSubscriptions_SessionIdOfAnotherSession_FailsValidationNamingBoth()
    {
        var error = Assertions.Fails(CallRules.NormalizeSubscriptions("path", new Subscriptions("body", [])), CallErrorKind.Validation);

        Assert.Contains("path", error.Message, StringComparison.Ordinal);
        Assert.Contains("body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeSubscriptions_RepeatedParticipant_IsMergedOnce()
    {
        var body = new Subscriptions(null, [new("a", ["mic"]), new("b", ["cam"]), new("a", ["cam", "mic"]), new("b"), new("b", ["x"])]);

        var normalized = Assertions.Succeeds(CallRules.NormalizeSubscriptions("s", body));

        Assert.Equal(["a", "b"], normalized.Participants.Select(p => p.ParticipantId));
        Assert.Equal(["mic", "cam"], normalized.Participants[0].StreamAliases);
        Assert.Empty(normalized.Participants[1].StreamAliases);
    }

    [Fact]
    public void NormalizeSubscriptions_AtTheParticipantLimit_PassesAndOneMoreFails()
    {
        var atLimit = Enumerable.Range(0, CallRules.MaxSubscribedParticipants).Select(i => new ParticipantSubscription($"p{i}")).ToList();

        Assertions.Succeeds(CallRules.NormalizeSubscriptions("s", new Subscriptions(null, [.. atLimit, new("p0", ["mic"])])));
        Assertions.Fails(CallRules.NormalizeSubscriptions("s", new Subscriptions(null, [.. atLimit, new("one-more")])), CallErrorKind.Validation);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void NormalizeSubscriptions_BlankParticipantId_FailsValidation(string id) =>
        Assertions.Fails(CallRules.NormalizeSubscriptions("s", new Subscriptions(null, [new(id)])), CallErrorKind.Validation);

    [Fact]
    public void NormalizeSubscriptions_BlankAlias_FailsValidation() =>
        Assertions.Fails(CallRules.NormalizeSubscriptions("s", new Subscriptions(null, [new("a", ["mic", ""])])), CallErrorKind.Validation);

    [Fact]
    public void CheckSubscriptionTarget_SameAccount_Passes()
    {
        var harness = new CallHarness();

        Assert.Null(CallRules.CheckSubscriptionTarget(CallHarness.AccountId, "p", harness.NewParticipant("p")));
    }

    [Fact]
    public void CheckSubscriptionTarget_AnotherAccount_SameErrorAsUnknown()
    {
        // Ids must not be probed across accounts: another account's participant reads exactly like a missing one.
        var harness = new CallHarness();
        var foreign = harness.NewParticipant("p", CallHarness.OtherAccountId);

        var error = CallRules.CheckSubscriptionTarget(CallHarness.AccountId, "p", foreign);
        var missing = CallRules.CheckSubscriptionTarget(CallHarness.AccountId, "p", null);

        Assert.Equal(CallErrorKind.Validation, error?.Kind);
        Assert.Equal(missing?.Kind, error?.Kind);
        Assert.Equal(missing?.Message, error?.Message);
    }

    [Fact]
    public void NormalizeSubscriptions_TooManyAliases_FailsValidation()
    {
        var aliases = Enumerable.Range(0, CallRules.MaxStreamAliasesPerParticipant + 1).Select(i => $"a{i}").ToList();

        var result = CallRules.NormalizeSubscriptions("s", new Subscriptions(null, [new ParticipantSubscription("p", aliases)]));

        Assert.Equal(CallErrorKind.Validation, result.Error?.Kind);
        Assert.Contains($"at most {CallRules.MaxStreamAliasesPerParticipant} stream aliases", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeSubscriptions_AliasesSpreadOverRepeatedEntries_FailsValidation()
    {
        var entries = Enumerable.Range(0, CallRules.MaxStreamAliasesPerParticipant + 1)
            .Select(i => new ParticipantSubscription("p", [$"a{i}"])).ToList();

        var result = CallRules.NormalizeSubscriptions("s", new Subscriptions(null, entries));

        Assert.Equal(CallErrorKind.Validation, result.Error?.Kind);
    }

    [Fact]
    public void NormalizeSubscriptions_AliasTooLong_FailsValidation()
    {
        var alias = new string('a', CallRules.MaxStreamAliasLength + 1);

        var result = CallRules.NormalizeSubscriptions("s", new Subscriptions(null, [new ParticipantSubscription("p", [alias])]));

        Assert.Equal(CallErrorKind.Validation, result.Error?.Kind);
        Assert.Contains($"at most {CallRules.MaxStreamAliasLength} characters", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeSubscriptions_TooManyEntries_FailsValidation()
    {
        var entries = Enumerable.Range(0, CallRules.MaxSubscriptionEntries + 1).Select(_ => new ParticipantSubscription("p")).ToList();

        var result = CallRules.NormalizeSubscriptions("s", new Subscriptions(null, entries));

        Assert.Equal(CallErrorKind.Validation, result.Error?.Kind);
    }

    [Fact]
    public void CheckSubscriptionTarget_Unknown_FailsValidation() =>
        Assert.Equal(CallErrorKind.Validation, CallRules.CheckSubscriptionTarget(CallHarness.AccountId, "ghost", null)?.Kind);
}
