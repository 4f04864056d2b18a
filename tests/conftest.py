import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# `outreach` is installed into .venv (editable, by dev.py); no sys.path edits.
ROOT = Path(__file__).resolve().parents[1]

# The test run's own cache folder (outreach/cache.py), shared with the command lines it starts:
# never the user's ~/.cache, removed afterwards.
if "OUTREACH_CACHE_DIR" not in os.environ:
    os.environ["OUTREACH_CACHE_DIR"] = tempfile.mkdtemp(prefix="outreach-test-cache-")
    atexit.register(shutil.rmtree, os.environ["OUTREACH_CACHE_DIR"], True)

LETTERS = ROOT / "tests" / "letters"


def docx_bytes(*paragraphs: str) -> bytes:
    """A real Word document with these paragraphs, as an upload would bring it."""
    import io

    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture()
def dutch_copy(tmp_path, monkeypatch):
    """A copy of the Dutch language folder standing in for the shipped one (OUTREACH_LANGUAGES),
    for a test that breaks one of its files; the cached loaders are cleared before and after."""
    from outreach import languages

    copy = tmp_path / languages.DEFAULT
    shutil.copytree(languages.HERE / languages.DEFAULT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setenv("OUTREACH_LANGUAGES", str(copy))
    _clear_loaders()
    yield copy
    monkeypatch.delenv("OUTREACH_LANGUAGES")
    _clear_loaders()


def _clear_loaders() -> None:
    from outreach.advice.model import load_advice
    from outreach.rules.loader import load_rulebook
    from outreach.segments import load_model
    from outreach.ui import resources

    for loader in (load_advice, load_rulebook, load_model):
        loader.cache_clear()
    resources.rulebook.clear()
