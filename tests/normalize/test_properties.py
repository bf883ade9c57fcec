"""Property tests: generated pages with injected noise, astral characters,
emoji sequences and CRLF line endings."""

import html
import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotator.normalize import normalize, normalize_text
from annotator.normalize.script import convert

SIMPLIFIED = "妇联党组书记会议学习中国人民精神工作"
TRADITIONAL = "婦聯黨組書記會議學習國"
ASTRAL = "𠮷𪚥𫠠"  # Han outside the BMP
LATIN = "abcXYZ0129"
PUNCT = "。、“”《》—"
LINE_END_EMOJI = ["😀", "👍🏽", "👨\u200d👩\u200d👧", "🇨🇳", "❤\ufe0f"]
SPAM_EMOJI = ["🔥", "💰", "👉🏻", "😀"]
GLOSSES = ["(lián)", "(shū)", "(huì)", "(xí)", "(dǎo)", "(guó)"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u2060", "\ufeff"]

clean_char = st.sampled_from(SIMPLIFIED + ASTRAL + LATIN + PUNCT)


@st.composite
def noisy_page(draw):
    """(clean text, noisy raw text, raw index of every clean character)."""
    lines = draw(st.lists(st.lists(clean_char, min_size=1, max_size=25), min_size=1, max_size=6))
    crlf = draw(st.booleans())
    clean: list[str] = []
    raw: list[str] = []
    where: list[int] = []
    size = 0

    def put(piece: str, original: str | None = None) -> None:
        nonlocal size
        if original is not None:
            clean.append(original)
            where.append(size)
        raw.append(piece)
        size += len(piece)

    for n, line in enumerate(lines):
        if n:
            put("\r\n" if crlf else "\n", "\n")
        for i, ch in enumerate(line):
            if ch == "“" and draw(st.booleans()):
                put("&ldquo;", ch)
            else:
                put(ch, ch)
            if draw(st.integers(0, 3)) == 0:
                put(draw(st.sampled_from(ZERO_WIDTH)))
            if ch in SIMPLIFIED and draw(st.booleans()):
                put(draw(st.sampled_from(GLOSSES)))
            nxt = line[i + 1] if i + 1 < len(line) else None
            if ch in SIMPLIFIED and nxt is not None and nxt in SIMPLIFIED and draw(st.integers(0, 4)) == 0:
                put(draw(st.sampled_from(SPAM_EMOJI)))
        if draw(st.integers(0, 2)) == 0:
            emoji = draw(st.sampled_from(LINE_END_EMOJI))
            for ch in emoji:
                put(ch, ch)
    return "".join(clean), "".join(raw), where


@settings(max_examples=300, deadline=None)
@given(noisy_page())
def test_noise_is_removed_and_every_character_maps_to_where_it_was(page):
    clean, raw, where = page
    doc = normalize_text(raw)
    assert doc.text == clean
    doc.alignment.check()
    for i, ch in enumerate(clean):
        start, end = doc.raw_range(i, i + 1)
        if ch == "\n":
            assert raw[start:end] in ("\n", "\r\n")
        elif raw[where[i]:where[i] + 7] == "&ldquo;":
            assert (start, end) == (where[i], where[i] + 7)
        else:
            assert (start, end) == (where[i], where[i] + 1), (i, ch)


def derives(piece: str, ch: str) -> bool:
    """Whether ``ch`` can come from the raw ``piece`` by some normalization rule."""
    unescaped = html.unescape(piece)
    sources = set(piece) | set(unescaped) | set(unicodedata.normalize("NFKC", unescaped))
    sources |= set(convert(unescaped, "t2s")) | set(convert(unescaped, "tw2s"))
    if any(c.isspace() for c in unescaped):
        sources |= {" ", "\n"}
    if "<" in piece:
        sources.add("\n")  # a block tag becomes a line break
    if "•" in piece:
        sources.add("·")
    return ch in sources


any_char = st.sampled_from(
    SIMPLIFIED + TRADITIONAL + ASTRAL + LATIN + PUNCT + "(),:?&;<>/  \u3000\t\r\n•Ⅴ＠\ue000" + "".join(SPAM_EMOJI)
)
fragment = st.sampled_from(
    GLOSSES + ZERO_WIDTH + LINE_END_EMOJI + ["&nbsp;", "&amp;", "&#x4e2d;", "<p>", "</p>", "<br/>", "\r\n", "\n\n\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(any_char, fragment), max_size=60))
def test_map_covers_is_monotone_and_each_character_derives_from_its_raw_range(parts):
    raw = "".join(parts)
    doc = normalize_text(raw)
    doc.alignment.check()  # covers every character, never goes backwards
    assert doc.alignment.source_len == len(raw)
    assert doc.alignment.target_len == len(doc.text)
    last = (0, 0)
    for i, ch in enumerate(doc.text):
        start, end = doc.raw_range(i, i + 1)
        assert start >= last[0] and end >= last[1]
        assert derives(raw[start:end], ch), (ch, raw[start:end])
        last = (start, end)
    for region in doc.excluded:
        assert 0 <= region.start <= region.end <= len(doc.text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(any_char, fragment), min_size=1, max_size=40), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_encodings_round_trip_to_the_same_document(parts, encoding):
    raw = "".join(parts)
    assume(not raw.startswith("\ufeff"))  # the same bytes as a byte-order mark
    assume(raw.strip(" \t\r\n\u3000\u200b\u200c\u2060\ufeff"))
    data = raw.encode(encoding)
    if encoding == "gb18030":
        # truly ambiguous bytes, which no decoder can tell apart: 学 is D1 A7 in
        # GB18030 and ѧ in UTF-8; a lone private-use character reads as Big5 炕
        assume(not any(0xE000 <= ord(c) <= 0xF8FF for c in raw))
        try:
            data.decode("utf-8")
            assume(False)
        except UnicodeDecodeError:
            pass
    doc = normalize(data)
    assert doc.raw_text == raw
    assert doc.text == normalize_text(raw).text
