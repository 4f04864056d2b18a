"""The app in English shows English findings, reactions and reasons for a Dutch letter; the letter
itself and the Dutch interface stay as they are (outreach/interface.py)."""
from __future__ import annotations

import html

import outreach
from outreach.ui.view import LANG_KEY

from .test_app import editor_data, start, type_letter

THREAT = ("Geachte heer/mevrouw,\n\nU heeft een huurachterstand. Als u niet binnen 14 dagen betaalt, "
          "schakelen wij een deurwaarder in.\n\nHet college van burgemeester en wethouders\n")


def _page(at) -> str:
    return html.unescape("\n".join(h.value for h in at.html))


def test_english_findings_reactions_and_reasons():
    at = type_letter(start(), THREAT)
    dutch = outreach.analyze(THREAT)
    data = editor_data(at)
    assert any(f["message"].startswith("Dreigende taal") for f in data["findings"])
    at.toggle(key=LANG_KEY).set_value(True)
    at.run()
    assert not at.exception, at.exception
    data = editor_data(at)
    assert data["analysed"] == THREAT  # the letter stays Dutch
    messages = [f["message"] for f in data["findings"]]
    assert any(m.startswith("Threatening language: 'deurwaarder'") for m in messages), messages
    page = _page(at)
    for finding in dutch.findings:
        assert finding.message not in messages and finding.message not in page, finding.rule
        assert finding.why not in [f["why"] for f in data["findings"]]
    for reception in dutch.segments.values():
        assert reception.reaction not in page  # the Dutch reaction
        for reason in reception.reasons:
            assert str(reason.text) not in page, reason.text
    assert "'deurwaarder'? What have I done wrong, then?" in page  # reaction, with the letter's word
    assert "frightens me" in page
    assert "Even someone who trusts the government reads a threat" in page  # a reason
    # Back to Dutch: the findings are the engine's own texts again.
    at.toggle(key=LANG_KEY).set_value(False)
    at.run()
    data = editor_data(at)
    assert [f["message"] for f in data["findings"]] == [f.message for f in dutch.findings if f.start is not None]
    assert any(r.reaction in _page(at) for r in dutch.segments.values())
