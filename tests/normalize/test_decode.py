"""Encodings this kind of page arrives in, and input that is not a page."""

import pytest

from annotator.normalize import BinaryInput, EmptyInput, InputTooLarge, UndecodableInput, normalize
from annotator.normalize.decode import decode

SIMPLIFIED = "中国妇女第十三次全国代表大会10月23日至26日在北京胜利召开。“巾帼大宣讲”"
TRADITIONAL = "中國共產黨第二十次全國代表大會的順利召開,明確宣示黨在新征程上舉什麼旗"


@pytest.mark.parametrize("text,encoding,name", [
    (SIMPLIFIED, "utf-8", "utf-8"),
    (SIMPLIFIED, "utf-8-sig", "utf-8"),
    (SIMPLIFIED, "utf-16", "utf-16-le"),
    (SIMPLIFIED, "utf-16-be", None),
    (SIMPLIFIED, "gbk", "gb18030"),
    (SIMPLIFIED + "𠮷€", "gb18030", "gb18030"),
    (TRADITIONAL, "big5", "big5hkscs"),
    (TRADITIONAL, "gbk", "gb18030"),
    (TRADITIONAL[:6], "big5", "big5hkscs"),
    (SIMPLIFIED[:6], "gbk", "gb18030"),
])
def test_encodings(text, encoding, name):
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
        name = "utf-16-be"
    decoded = decode(data)
    assert decoded.text == text
    assert decoded.encoding == name
    assert decoded.errors == 0


def test_a_few_broken_bytes_are_replaced_and_counted():
    data = ("正文" * 2000).encode("utf-8") + b"\xff" + "结束".encode("utf-8")
    decoded = decode(data)
    assert decoded.errors == 1 and decoded.encoding == "utf-8"
    assert normalize(data).flags["decode_errors"] == 1


@pytest.mark.parametrize("data,error,words", [
    (b"", EmptyInput, "empty"),
    (b" \r\n\t ", EmptyInput, "white space"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput, "binary"),
    (bytes(range(0x80, 0x100)) * 40, UndecodableInput, "cannot decode"),
    (b"\xef\xbb\xbf\xff\xfe", UndecodableInput, "byte-order mark"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 100, BinaryInput, "control characters"),
])
def test_not_a_page(data, error, words):
    with pytest.raises(error) as info:
        decode(data, "page.txt")
    assert "page.txt" in str(info.value) and words in str(info.value)


def test_size_limit_is_checked_before_decoding():
    with pytest.raises(InputTooLarge, match="big.txt: .* over the"):
        decode(b"a" * 2_000, "big.txt", max_bytes=1_000)


def test_bytes_valid_as_utf8_are_utf8():
    """学 in GB18030 is D1 A7, which is also valid UTF-8 (ѧ): UTF-8 wins, as everywhere."""
    assert decode("学".encode("gb18030")).text == "ѧ"
    assert decode("学习宣传贯彻".encode("gb18030")).text == "学习宣传贯彻"


JAPANESE = "東京都の天気は晴れです。明日は雨が降るでしょう。ここにいくつかの日本語の文章があります。" * 4


def test_shift_jis_is_rejected_with_the_encodings_tried_not_stored_as_gibberish():
    data = JAPANESE.encode("shift_jis")
    with pytest.raises(UndecodableInput) as info:
        decode(data, "jp.txt")
    message = str(info.value)
    assert message.startswith("jp.txt: cannot decode it as Chinese text; tried utf-8 (invalid byte at offset ")
    assert "gb18030 (" in message and "% of its characters plausible)" in message
    assert "big5hkscs" in message


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_decoded(encoding):
    text = "第1页\r\n" + SIMPLIFIED + "\n" + TRADITIONAL + " (2024)\n"
    decoded = decode(text.encode(encoding), "page.txt")
    assert (decoded.text, decoded.encoding, decoded.bom) == (text, encoding, False)
    assert normalize(text.encode(encoding)).text.startswith("第1页\n中国妇女")


def test_the_size_limit_is_said_in_mib():
    with pytest.raises(InputTooLarge) as info:
        decode(b"a" * (64 * 1024 * 1024 + 1), "big.txt")
    assert str(info.value) == "big.txt: 64.0 MiB is over the 64 MiB limit for one document"
