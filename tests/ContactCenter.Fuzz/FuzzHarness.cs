namespace ContactCenter.Fuzz;

/// <summary>
/// Feeds one fuzzer input to a parser the way its receive loop does. Refusals (false, Invalid) are fine; an
/// exception that escapes is a crash. Returns whether the parser accepted the input, which only the seed check uses
/// (every committed seed must be accepted).
/// </summary>
internal delegate bool FuzzHarness(ReadOnlySpan<byte> input);
