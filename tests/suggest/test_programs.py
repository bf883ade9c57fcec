"""Programs: quoted names, names ending in a program word, documents in 《》."""

from annotator.suggest.programs import suggest_programs

from .conftest import spans_of


def strong(found, text, at_least=0.5):
    """What scores high enough to be shown, in order, once each."""
    return [(text[a:b], label) for a, b, label in sorted({s.key for s in found if s.score >= at_least})]


def test_a_quoted_name_ending_in_a_program_word(lexicon):
    text = "深化“侨都巾帼大宣讲”,实施“春风送岗位计划”和‘巾帼科技热线’。"
    assert strong(suggest_programs(text, lexicon), text) == [
        ("侨都巾帼大宣讲", "PROGRAM"), ("春风送岗位计划", "PROGRAM"), ("巾帼科技热线", "PROGRAM")]


def test_a_quoted_name_followed_by_a_program_word_or_holding_a_domain_word(lexicon):
    text = "开展“巾帼普法村居行”系列活动,“千人相亲会”等特色品牌,做好“关爱·她”保险。"
    assert strong(suggest_programs(text, lexicon), text) == [
        ("巾帼普法村居行", "PROGRAM"), ("千人相亲会", "PROGRAM"), ("关爱·她", "PROGRAM")]


def test_slogans_and_formulas_in_quotes_are_no_programs(lexicon):
    text = "坚定拥护“两个确立”,作为“第一议题”来学习,贯彻“1310”和“1+6+3”,强化“时时放心不下”的责任感。"
    assert strong(suggest_programs(text, lexicon), text) == []


def test_a_quote_naming_the_front_of_a_program(lexicon):
    text = "通过“十百千万”巾帼大宣讲、“北疆巾帼思政大讲堂”等品牌"
    assert strong(suggest_programs(text, lexicon), text) == [
        ("十百千万”巾帼大宣讲", "PROGRAM"), ("北疆巾帼思政大讲堂", "PROGRAM")]


def test_unquoted_names_start_at_a_domain_word(lexicon):
    text = "以巾帼维权暖心行动守护妇女权益,以家庭服务巾帼行动助力家家幸福安康,不断丰富巾帼建功系列活动新内涵。"
    assert strong(suggest_programs(text, lexicon), text) == [
        ("巾帼维权暖心行动", "PROGRAM"), ("家庭服务巾帼行动", "PROGRAM"), ("巾帼建功", "PROGRAM")]


def test_generic_phrases_ending_in_a_program_word_are_no_programs(lexicon):
    text = "转化为推动妇女儿童事业发展的实际行动,做好“爱心父母”等妇女儿童公益项目,发挥巾帼宣讲团宣讲员作用。"
    assert strong(suggest_programs(text, lexicon), text) == [("爱心父母", "PROGRAM")]


def test_book_title_marks_hold_documents(lexicon):
    text = "学习《中共中央关于进一步全面深化改革 推进中国式现代化的决定》和《中华全国妇女联合会章程》"
    assert spans_of(suggest_programs(text, lexicon), text) == [
        ("中共中央关于进一步全面深化改革 推进中国式现代化的决定", "DOC"), ("中华全国妇女联合会章程", "DOC")]


def test_offsets_count_code_points_after_astral_characters_and_emoji(lexicon):
    text = "😀𠮷👩‍👩‍👧实施“春蕾计划”,以巾帼维权暖心行动守护"
    found = suggest_programs(text, lexicon)
    assert [(s.start, s.end) for s in found] == [(10, 14), (17, 25)]
    assert spans_of(found, text) == [("春蕾计划", "PROGRAM"), ("巾帼维权暖心行动", "PROGRAM")]
