using System.Reflection;
using System.Runtime.InteropServices;

namespace ContactCenter.Sip.Opus;

/// <summary>
/// P/Invoke surface of libopus (Debian <c>libopus0</c>). Debian ships only <c>libopus.so.0</c> (no
/// unversioned dev symlink), so <see cref="EnsureLoaded"/> installs a resolver that maps "opus" to it.
/// </summary>
internal static unsafe partial class OpusNative
{
    private const string Library = "opus";
    private static readonly string[] s_candidates = ["libopus.so.0", "libopus.so", "libopus.0.dylib", "opus.dll", "opus"];
    private static readonly object s_gate = new();
    private static bool s_resolverSet;
    private static nint s_handle;

    public const int ApplicationVoip = 2048;
    public const int Ok = 0;

    /// <summary>Loads the library once; throws <see cref="OpusUnavailableException"/> with a hint when absent.</summary>
    public static void EnsureLoaded()
    {
        lock (s_gate)
        {
            if (s_handle != 0)
            {
                return;
            }
            foreach (var name in s_candidates)
            {
                if (NativeLibrary.TryLoad(name, typeof(OpusNative).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out s_handle))
                {
                    break;
                }
            }
            if (s_handle == 0)
            {
                throw new OpusUnavailableException(
                    "libopus was not found (tried libopus.so.0, libopus.so). Install it with: apt-get install libopus0");
            }
            if (!s_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(OpusNative).Assembly, Resolve);
                s_resolverSet = true;
            }
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Library ? s_handle : 0;

    [LibraryImport(Library, EntryPoint = "opus_decoder_create")]
    public static partial nint DecoderCreate(int sampleRate, int channels, out int error);

    [LibraryImport(Library, EntryPoint = "opus_decoder_destroy")]
    public static partial void DecoderDestroy(nint decoder);

    [LibraryImport(Library, EntryPoint = "opus_decode")]
    public static partial int Decode(OpusDecoderHandle decoder, byte* data, int length, short* pcm, int frameSize, int decodeFec);

    [LibraryImport(Library, EntryPoint = "opus_encoder_create")]
    public static partial nint EncoderCreate(int sampleRate, int channels, int application, out int error);

    [LibraryImport(Library, EntryPoint = "opus_encoder_destroy")]
    public static partial void EncoderDestroy(nint encoder);

    [LibraryImport(Library, EntryPoint = "opus_encode")]
    public static partial int Encode(OpusEncoderHandle encoder, short* pcm, int frameSize, byte* data, int maxDataBytes);

    [LibraryImport(Library, EntryPoint = "opus_strerror")]
    private static partial nint StrError(int error);

    [LibraryImport(Library, EntryPoint = "opus_get_version_string")]
    private static partial nint VersionString();

    public static string ErrorText(int error) => Marshal.PtrToStringAnsi(StrError(error)) ?? error.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Version
    {
        get
        {
            EnsureLoaded();
            return Marshal.PtrToStringAnsi(VersionString()) ?? "unknown";
        }
    }
}
