"""jieba's tags, vetted, and the two name rules; jieba itself stays untouched."""

import jieba

from annotator.suggest.jieba_tags import suggest_jieba
from annotator.suggest.tokens import load, tokens

from .conftest import spans_of


def test_people_after_titles_and_in_bylines(lexicon):
    text = "市妇联党组书记、主席林露华主持会议。\n——访海东市妇联党组书记、主席逯淑君\n(记者 统稿:姜军旗 采写:林志文 刘旭)"
    people = [text[a:b] for a, b, label in sorted({s.key for s in suggest_jieba(text, lexicon)}) if label == "PER"]
    assert people == ["林露华", "逯淑君", "姜军旗", "林志文", "刘旭"]


def test_frequent_words_jieba_tags_as_names_or_places_are_dropped(lexicon):
    text = "加强精神文明建设,汇聚妇女智慧,传达党中央的关怀,建设美丽中国"
    assert [x for x in spans_of(suggest_jieba(text, lexicon), text) if x[1] in ("PER", "LOC")] == []


def test_offsets_count_code_points_after_astral_characters_and_emoji(lexicon):
    text = "𠮷😀👩‍👩‍👧主席王毅主持"
    found = [s for s in suggest_jieba(text, lexicon) if s.label == "PER"]
    assert [(s.start, s.end) for s in found] == [(9, 11)]
    assert text[9:11] == "王毅"


def test_the_cut_covers_the_text_exactly():
    text = "𠮷😀 a1\n婦联\t“巾帼”"
    cut = tokens(text)
    assert "".join(t.word for t in cut) == text
    assert all(text[t.start:t.end] == t.word for t in cut)


def test_the_domain_words_stay_in_the_private_tokenizer():
    assert load() is load()
    assert load().tokenizer is not jieba.dt
    assert "乡村振兴巾帼行动" in load().tokenizer.FREQ
    assert "乡村振兴巾帼行动" not in jieba.dt.FREQ and "乡村振兴巾帼行动" not in jieba.dt.user_word_tag_tab
