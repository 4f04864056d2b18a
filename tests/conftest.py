import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

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
