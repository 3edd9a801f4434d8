using System.Text;

namespace GbOperator.Storage.Tests;

public sealed class KeyRangeTests
{
    [Theory]
    [InlineData(new byte[] { 0x2F, 0x61, 0x2F }, new byte[] { 0x2F, 0x61, 0x30 })]
    [InlineData(new byte[] { 0x61, 0xFF }, new byte[] { 0x62 })]
    [InlineData(new byte[] { 0x61, 0xFE, 0xFF, 0xFF }, new byte[] { 0x61, 0xFF })]
    public void PrefixEnd_Bytes_RaisesLastByteBelow0xFF(byte[] prefix, byte[] expected)
    {
        byte[]? end = KeyRange.PrefixEnd(prefix);

        end.Should().Equal(expected);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xFF, 0xFF })]
    public void PrefixEnd_NoUpperBound_ReturnsNull(byte[] prefix)
    {
        KeyRange.PrefixEnd(prefix).Should().BeNull();
    }

    [Theory]
    [InlineData("/registry/", "/registry0")]
    [InlineData("/a/\u00e9", "/a/\u00ea")]
    public void PrefixEnd_String_RaisesLastCharacter(string prefix, string expected)
    {
        KeyRange.PrefixEnd(prefix).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/a/\uFFFF")]
    [InlineData("/a/\uD7FF")]
    public void PrefixEnd_StringWithoutSimpleBound_ReturnsNull(string prefix)
    {
        KeyRange.PrefixEnd(prefix).Should().BeNull();
    }

    [Fact]
    public void PrefixEnd_SurrogatePair_ReturnsNull()
    {
        string prefix = "/a/" + char.ConvertFromUtf32(0x1F600);

        KeyRange.PrefixEnd(prefix).Should().BeNull();
    }

    [Fact]
    public void PrefixEnd_String_BoundsEveryKey()
    {
        string prefix = "/p/\u00e9";
        string end = KeyRange.PrefixEnd(prefix)!;
        string[] keysWithPrefix = [prefix, prefix + "\uFFFF", prefix + char.ConvertFromUtf32(0x10FFFF)];

        foreach (string key in keysWithPrefix)
        {
            Encoding.UTF8.GetBytes(key).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(end)).Should().BeNegative($"'{key}' starts with the prefix");
        }
    }
}
