import atexit
import os
import shutil
import tempfile
from pathlib import Path

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
