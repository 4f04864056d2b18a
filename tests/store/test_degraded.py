"""Storage that cannot be written: a full disk (a real file-size limit in a subprocess) and a
read-only data folder (a real one: another user, or chmod when not root). Reads keep working,
writes are refused with a Dutch message without a path, and work is saved once writing is possible."""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from outreach.store import StorageUnavailable, Store, StoreError, Variant
from tests.conftest import ROOT

DISK_FULL = r"""
import dataclasses, json, os, resource, signal, sys
import outreach.store as s
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a write beyond the limit fails (EFBIG) instead of killing us
store = s.Store(sys.argv[1])
ws = store.load(sys.argv[2])
folder = os.path.dirname(sys.argv[1])
used = max(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (used + 1024, hard))   # the disk is (nearly) full
big = dataclasses.replace(ws, variants=(s.Variant("A", "x" * 150_000), ws.variants[1]))
try:
    store.save(big, expected_version=ws.version)
    print("saved?!")
except s.StorageUnavailable as err:
    assert "/" not in str(err) and "gegevensmap" in str(err), str(err)
    print("refused")
assert store.load(ws.id) == ws                                  # view
assert json.loads(store.export_json(ws.id))["name"] == ws.name  # export
assert [w.id for w in store.list_workspaces()] == [ws.id]
resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))         # room again
print("version", store.save(big, expected_version=ws.version))
assert store.load(ws.id).variants[0].text == "x" * 150_000
"""

READ_ONLY = r"""
import dataclasses, json, sys
import outreach.store as s
store = s.Store(sys.argv[1])
ws = store.load(sys.argv[2])
assert ws.variants[0].text == "Beste mevrouw,"
assert json.loads(store.export_json(ws.id))["variants"][0]["text"] == "Beste mevrouw,"
assert store.list_workspaces()[0].id == ws.id and store.last_opened() == ws.id
assert store.open_for(s.LOCAL_OWNER, "Mijn brieven").id == ws.id   # a new session still opens it
changed = dataclasses.replace(ws, variants=(s.Variant("A", "Nieuw"), ws.variants[1]))
try:
    store.save(changed, expected_version=ws.version)
    print("saved")
except s.StorageUnavailable as err:
    assert "/" not in str(err), str(err)
    print("refused")
"""


def _run(script: str, *args: str, as_other_user: bool = False) -> str:
    kwargs = {}
    if as_other_user:
        def drop() -> None:
            os.setgid(65534)
            os.setuid(65534)
        kwargs["preexec_fn"] = drop
    result = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, PYTHONPATH=str(ROOT)), **kwargs)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_a_full_disk_refuses_writes_but_view_and_export_work_and_saving_resumes(db, store, workspace):
    out = _run(DISK_FULL, str(db), workspace.id)
    assert out.splitlines() == ["refused", "version 2"]


@pytest.fixture()
def readonly_folder():
    """A data folder this test's subprocess can read but not write."""
    folder = Path(tempfile.mkdtemp(prefix="outreach-ro-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder, ignore_errors=True)


def test_a_read_only_folder_still_shows_and_exports_and_saves_once_writable(readonly_folder):
    db = readonly_folder / "outreach.sqlite3"
    store = Store(db)
    ws = store.create_workspace("Huur", variants=[Variant("A", "Beste mevrouw,"), Variant("B", "")])
    store.mark_opened(ws.id)
    root = os.geteuid() == 0
    for path in readonly_folder.iterdir():
        path.chmod(0o644)
    if not root:
        readonly_folder.chmod(0o555)
    assert _run(READ_ONLY, str(db), ws.id, as_other_user=root).strip() == "refused"

    if root:  # writable again: the folder and file now belong to that user
        for path in [readonly_folder, *readonly_folder.iterdir()]:
            os.chown(path, 65534, 65534)
    else:
        readonly_folder.chmod(0o755)
    assert _run(READ_ONLY, str(db), ws.id, as_other_user=root).strip() == "saved"
    assert Store(db).load(ws.id).variants[0].text == "Nieuw"


def test_store_messages_never_show_the_absolute_path(tmp_path):
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map")
    with pytest.raises(StoreError) as err:
        Store(blocker / "data" / "outreach.sqlite3")
    assert str(tmp_path) not in str(err.value) and "gegevensmap" in str(err.value)
    assert issubclass(StorageUnavailable, StoreError)
