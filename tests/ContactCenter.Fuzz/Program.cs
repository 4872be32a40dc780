using ContactCenter.Fuzz;
using SharpFuzz;

// One harness per parser, picked by name. Under afl-fuzz (fuzz.sh) SharpFuzz runs it in persistent mode and
// reports any exception that escapes it as a crash. Without afl it runs once on stdin, or on files with "replay".
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: ContactCenter.Fuzz <harness>               run under afl-fuzz (or once on stdin)");
    Console.Error.WriteLine("       ContactCenter.Fuzz replay <harness> <file|dir>...   run inputs, print escaped exceptions");
    Console.Error.WriteLine("       ContactCenter.Fuzz check <harness> <dir>    every seed must be accepted and not crash");
    Console.Error.WriteLine("       ContactCenter.Fuzz seeds <corpus-dir>       rewrite the seed corpus");
    Console.Error.WriteLine("harnesses: " + string.Join(' ', FuzzHarnesses.Names));
    return 2;
}

switch (args[0])
{
    case "list":
        Console.WriteLine(string.Join('\n', FuzzHarnesses.Names));
        return 0;
    case "seeds" when args.Length == 2:
        SeedCorpus.Write(args[1]);
        return 0;
    case "replay" when args.Length >= 3:
        return Replay.Run(Harness(args[1]), args[2..], requireAccepted: false);
    case "check" when args.Length == 3:
        return Replay.Run(Harness(args[1]), args[2..], requireAccepted: true);
    default:
        var harness = Harness(args[0]);
        var input = new InputBuffer();
        Fuzzer.Run(stream => _ = harness(input.Read(stream)));
        return 0;
}

static FuzzHarness Harness(string name) =>
    FuzzHarnesses.TryGet(name, out var harness)
        ? harness
        : throw new ArgumentException($"Unknown harness '{name}'. Known: {string.Join(' ', FuzzHarnesses.Names)}.");
