"""The domain lexicon and its patterns, and the learned lexicon, as whole words."""

from annotator.suggest import Lexicon, domain_lexicon
from annotator.suggest.lexicon import suggest_learned, suggest_lexicon

from .conftest import spans_of


def best(found, text):
    """The longest suggestion at each place (what the combiner keeps among these)."""
    keep = []
    for s in sorted(found, key=lambda s: (s.start - s.end, s.start)):
        if not any(k.start < s.end and s.start < k.end for k in keep):
            keep.append(s)
    return spans_of(sorted(keep), text)


def test_the_shipped_lexicon_reads_and_names_what_it_holds():
    domain = domain_lexicon()
    words = dict(domain.words)
    assert words["党组书记"] == "TITLE" and words["全国妇联"] == "ORG" and words["春蕾计划"] == "PROGRAM"
    assert "妇联" in domain.org_suffixes and "行动" in domain.program_suffixes
    assert {"王", "逯", "习"} <= domain.surnames
    assert len(domain.version) == 16


def test_titles_organisations_and_places_from_the_lexicon(lexicon):
    text = "全国妇联党组书记、副主席出席,广东、河北和省委、市妇联参加"
    assert best(suggest_lexicon(text, lexicon), text) == [
        ("全国妇联", "ORG"), ("党组书记", "TITLE"), ("副主席", "TITLE"), ("广东", "LOC"), ("河北", "LOC"),
        ("省委", "ORG"), ("市妇联", "ORG")]


def test_a_short_word_counts_only_as_a_whole_word(lexicon):
    text = "组织社区妇联干部和全市妇联系统,中央委员会"
    found = best(suggest_lexicon(text, lexicon), text)
    assert ("区妇联", "ORG") not in found and ("市妇联", "ORG") not in found
    assert found == [("中央委员会", "ORG")]


def test_places_before_a_suffix_make_one_organisation(lexicon):
    text = "河南省洛阳市老城区妇联和江门市妇联,海东市妇联,区妇联还积极"
    assert best(suggest_lexicon(text, lexicon), text) == [
        ("河南省洛阳市老城区妇联", "ORG"), ("江门市妇联", "ORG"), ("海东市妇联", "ORG"), ("区妇联", "ORG")]


def test_congresses_plenums_and_their_reports(lexicon):
    text = "党的二十届三中全会、中国妇女第十三次全国代表大会、中国妇女十三大报告、二十大、市委十一届六次全会、党组(扩大)会议"
    assert best(suggest_lexicon(text, lexicon), text) == [
        ("党的二十届三中全会", "EVENT"), ("中国妇女第十三次全国代表大会", "EVENT"), ("中国妇女十三大报告", "DOC"),
        ("二十大", "EVENT"), ("市委十一届六次全会", "EVENT"), ("党组(扩大)会议", "EVENT")]


def test_offsets_count_code_points_after_astral_characters_and_emoji(lexicon):
    text = "𠮷😀👩‍👩‍👧全国妇联召开党的二十大"
    found = sorted(suggest_lexicon(text, lexicon))
    assert [(s.start, s.end, s.label) for s in found] == [(7, 11, "ORG"), (13, 18, "EVENT")]


def test_the_learned_lexicon_finds_accepted_texts(lexicon):
    learned = Lexicon.from_entries({"侨都巾帼大宣讲": "PROGRAM", "林露华": "PER", "区妇联": "ORG"})
    text = "😀林露华深化侨都巾帼大宣讲,社区妇联"
    found = suggest_learned(text, learned)
    assert spans_of(sorted(found), text) == [("林露华", "PER"), ("侨都巾帼大宣讲", "PROGRAM")]
    assert {s.suggester for s in found} == {"learned"} and found[0].start == 1
    assert suggest_learned(text, lexicon) == []


def test_a_lexicon_version_changes_with_its_entries_only():
    a = Lexicon.from_entries({"林露华": "PER"})
    assert a.version == Lexicon.from_entries([("林露华", "PER")]).version
    assert a.version != Lexicon.from_entries({"林露华": "ORG"}).version
    assert a.version != Lexicon().version
    assert a == Lexicon.from_entries({"林露华": "PER"}) and hash(a) == hash(Lexicon.from_entries({"林露华": "PER"}))
