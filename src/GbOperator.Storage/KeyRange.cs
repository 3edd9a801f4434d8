using System.Text;

namespace GbOperator.Storage;

/// <summary>Computes the exclusive upper bound of a key prefix, as etcd's <c>WithPrefix</c> does.</summary>
/// <remarks>
/// Keys compare as UTF-8 bytes in both backends (etcd byte order, SQLite's BINARY collation), so the
/// bound is taken on the UTF-8 bytes: drop trailing 0xFF bytes and add one to the last byte.
/// </remarks>
internal static class KeyRange
{
    /// <summary>Returns the smallest byte string greater than every key that starts with <paramref name="prefix"/>,
    /// or <c>null</c> when there is none (an empty prefix or one made of 0xFF bytes).</summary>
    public static byte[]? PrefixEnd(ReadOnlySpan<byte> prefix)
    {
        for (int i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] < 0xFF)
            {
                byte[] end = prefix[..(i + 1)].ToArray();
                end[i]++;
                return end;
            }
        }

        return null;
    }

    /// <summary>Returns the smallest string greater than every key that starts with <paramref name="prefix"/>
    /// in code point order, or <c>null</c> when the last character cannot simply be raised by one
    /// (an empty prefix, a surrogate, or U+D7FF and U+FFFF).</summary>
    public static string? PrefixEnd(string prefix)
    {
        if (prefix.Length == 0)
        {
            return null;
        }

        char last = prefix[^1];
        if (char.IsSurrogate(last) || last == '\uD7FF' || last == char.MaxValue)
        {
            return null;
        }

        return prefix[..^1] + (char)(last + 1);
    }

    /// <summary>Returns the UTF-8 bytes of <paramref name="key"/>.</summary>
    public static byte[] ToBytes(string key) => Encoding.UTF8.GetBytes(key);
}
