""""Eerst doen" in the app: apply the best change with one click, see the cards move, undo it."""
from __future__ import annotations

import re

from .conftest import LETTERS, letter_box, slot_key
from .test_app import scores, start, type_letter, verdicts


def fix_buttons(at):
    return [b for b in at.button if b.key and b.key.startswith(slot_key(at, "a", "fix_apply_"))]


def test_apply_the_first_change_then_undo_it():
    at = start()
    original = (LETTERS / "threatening.txt").read_text(encoding="utf-8")
    type_letter(at, original)
    before_scores, before_verdicts = scores(at), verdicts(at)
    titles = [s.value for s in at.subheader]
    assert "Eerst doen" in titles
    buttons = fix_buttons(at)
    assert 1 <= len(buttons) <= 5
    listed = [h.value for h in at.html if 'class="oh-fix"' in h.value]
    assert len(listed) == len(buttons) and "bereik" in listed[0]
    buttons[0].click()
    at.run()
    assert not at.exception, at.exception
    changed = letter_box(at, "a").value
    assert changed != original
    assert sum(scores(at)) > sum(before_scores)  # the cards moved up
    at.button(key=slot_key(at, "a", "fix_undo_button")).click()
    at.run()
    assert not at.exception, at.exception
    assert letter_box(at, "a").value == original
    assert scores(at) == before_scores and verdicts(at) == before_verdicts


def test_a_letter_nothing_helps_says_so():
    at = start()
    text = (LETTERS / "warm.txt").read_text(encoding="utf-8")
    type_letter(at, text)
    for _ in range(6):  # apply what still helps until nothing does
        buttons = fix_buttons(at)
        if not buttons:
            break
        buttons[0].click()
        at.run()
        assert not at.exception, at.exception
    assert not fix_buttons(at)
    assert any("zo goed als deze simulator kan beoordelen" in c.value for c in at.caption)


def test_the_smallest_set_for_one_group_moves_it_up_one_verdict():
    at = start()
    type_letter(at, (LETTERS / "threatening.txt").read_text(encoding="utf-8"))
    assert verdicts(at)["voorzichtige_verbinders"] == "turns_away"
    at.selectbox(key=slot_key(at, "a", "plan_segment")).select("voorzichtige_verbinders")
    at.toggle(key=slot_key(at, "a", "plan_on")).set_value(True)
    at.run()
    assert not at.exception, at.exception
    assert any("Voorzichtige Verbinders" in m.value and "gaat" in m.value for m in at.markdown)
    at.button(key=slot_key(at, "a", "plan_apply")).click()
    at.run()
    assert not at.exception, at.exception
    # The plan was measured with a contact filled in; in the advisor's own letter it comes as
    # placeholders (never the scenario's example person), which the advisor fills in.
    applied = letter_box(at, "a").value
    assert "[telefoonnummer]" in applied and "0521 - 123 456" not in applied
    own = {"[naam contactpersoon]": "Piet de Boer", "[telefoonnummer]": "0521 - 987 654",
           "[dagen en tijden]": "op werkdagen van 9.00 tot 12.00 uur"}
    type_letter(at, re.sub(r"\[[^\]]+\]", lambda m: own.get(m.group(0), m.group(0)), applied))
    assert verdicts(at)["voorzichtige_verbinders"] in ("doubtful", "lands_well")


def test_the_comparison_says_what_would_make_b_beat_a_for_one_group():
    from .test_workspace import choose_variant, type_in, view

    at = start()
    type_in(at, "a", (LETTERS / "digital_only.txt").read_text(encoding="utf-8"))
    choose_variant(at, "b")
    type_in(at, "b", (LETTERS / "paternalistic.txt").read_text(encoding="utf-8"))
    view(at, "compare")
    at.selectbox(key="ui.beat_segment").select("zorgvuldige_zelfredzamen")
    at.toggle(key="ui.beat_on").set_value(True)
    at.run()
    assert not at.exception, at.exception
    said = [m.value for m in at.markdown if "wijziging(en) komt" in m.value]
    assert said and "Zorgvuldige Zelfredzamen boven Variant A" in said[0], [m.value for m in at.markdown][-3:]
    steps = [h.value for h in at.html if 'class="oh-plan"' in h.value]
    assert steps and steps[0].count("<li>") >= 1


def test_the_workshop_steps_through_the_best_changes_and_the_cards_move(scenario_dirs):
    import re

    from .test_workspace import view

    card = re.compile(r'class="oh-step-card" data-segment="([a-z_]+)" data-verdict="[a-z_]+"><b>[^<]*</b>'
                      r'<div class="oh-score">([0-9]+)')

    def step_scores(at):
        return {sid: int(score) for h in at.html for sid, score in card.findall(h.value)}

    at = start()
    view(at, "workshop")
    first = step_scores(at)
    assert len(first) == 3
    at.button(key="ui.steps_next").click()
    at.run()
    assert not at.exception, at.exception
    moved = step_scores(at)
    assert sum(moved.values()) > sum(first.values())
    assert any(m.value.startswith("**Stap 1:**") and "bereik" in m.value for m in at.markdown)
    at.button(key="ui.steps_back").click()
    at.run()
    assert step_scores(at) == first
