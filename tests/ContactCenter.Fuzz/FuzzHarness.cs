namespace ContactCenter.Fuzz;

/// <summary>
/// Feeds one fuzzer input to a parser the way its receive loop does. Refusals (false, Invalid) are fine; an
/// exception that escapes is a crash.
/// </summary>
internal delegate void FuzzHarness(ReadOnlySpan<byte> input);
