using System.Runtime.InteropServices;

namespace BacklogLint.Core.History;

/// <summary>A SHA-1 object id, laid out as libgit2's <c>git_oid</c> (20 bytes) so it is passed to it as is.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct GitId
{
    public const int Size = 20;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly uint _c;

    private GitId(ulong a, ulong b, uint c) => (_a, _b, _c) = (a, b, c);

    /// <summary>The id in its raw form, as trees store it.</summary>
    public static GitId FromBytes(ReadOnlySpan<byte> bytes) =>
        new(MemoryMarshal.Read<ulong>(bytes), MemoryMarshal.Read<ulong>(bytes[8..]), MemoryMarshal.Read<uint>(bytes[16..]));

    /// <summary>The id from its 40 hexadecimal digits, as commits store it.</summary>
    public static GitId FromHex(ReadOnlySpan<byte> hex)
    {
        if (hex.Length < 2 * Size) throw new FormatException("an object id has 40 hexadecimal digits");
        Span<byte> bytes = stackalloc byte[Size];
        for (var i = 0; i < Size; i++) bytes[i] = (byte)((Digit(hex[2 * i]) << 4) | Digit(hex[(2 * i) + 1]));
        return FromBytes(bytes);
    }

    private static int Digit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => throw new FormatException($"'{(char)c}' is not a hexadecimal digit"),
    };

    public static GitId FromHex(string hex) => FromHex(System.Text.Encoding.ASCII.GetBytes(hex));

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        MemoryMarshal.Write(bytes, in _a);
        MemoryMarshal.Write(bytes[8..], in _b);
        MemoryMarshal.Write(bytes[16..], in _c);
        return Convert.ToHexStringLower(bytes);
    }
}
