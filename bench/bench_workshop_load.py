"""Benchmark: a workshop on one server. N participants edit letters at the same time.

Starts the real server (`streamlit run app.py`, the repository's .streamlit/config.toml, data in a
temporary folder) in shared mode, the way a facilitator runs a workshop (`dev.py app --shared`,
bound to 127.0.0.1 here): every participant gives the access code and gets a personal key, so each
has their own workspace. In local mode every session would open the same local workspace, so 20
people would be editing one letter and run into each other's versions; a workshop is not that.

Then it opens N light clients (no browser): each speaks Streamlit's own protocol on the server's
websocket (`/_stcore/stream`, BackMsg/ForwardMsg protobufs), like a browser tab would:
- loads the page with its own `?sleutel=` key, gives the access code (the code box and the button);
- makes M edits: sets the letter editor's value (the components-v2 editor `ed.<id>.a.editor`,
  value {"text": ...}, sent with the editor's fragment id as the browser does: only the fragment
  with the editor and the results reruns), or with `--widget textarea` the plain text box
  "Brieftekst" (`ed.<id>.a.text`); then waits until the result of that text is on the page: the
  editor's data names that exact text as analysed, and the verdict panel (`oh-vp`) is redrawn.
  Between edits a participant pauses (`--think`, seconds on average; 0 = as fast as possible).
Every edit is a distinct letter (from tests/letters/*.txt: each participant starts from one of
them, with its own reference number, phone digits and one changed sentence per edit), so the
analysis cache never has the answer ready.

Prints p50/p95/max from sending an edit until its result is visible, edits/s, the server's CPU
time and RSS (before and after: is memory flat?), the load average, and checks nothing was lost:
after the run every participant's workspace (SQLite, outreach.store) holds their last text, and
every edit was kept as a version. Exit 1 only on lost edits or errors (a benchmark, not a test:
slow figures are printed, never failed on).

    .venv/bin/python -m bench.bench_workshop_load [--sessions 20] [--edits 10] [--think 2]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import resource
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import websockets  # a dependency of streamlit's own server
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.corpus import SENTENCES
from bench.server import free_port, start_app

TARGET_P95_S = 1.0
RESULT_TIMEOUT_S = 120.0
CODE_KEY, ENTER_KEY = "auth.code", "auth.enter"
EDITOR_KEY = re.compile(r"^ed\.[0-9a-f]{32}\.a\.editor$")
TEXT_KEY = re.compile(r"^ed\.[0-9a-f]{32}\.a\.text$")
PANEL = 'class="oh-vp"'  # the verdict panel's own section (the page CSS only names .oh-vp)
FINISHED_OK = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- letters

def _base_letters() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "letters").glob("*.txt"))]


def edit_text(base: str, participant: int, edit: int, rng: random.Random) -> str:
    """A distinct version of `base`: this participant's reference and digits, one sentence changed."""
    text = re.sub(r"\d", lambda _: str(rng.randrange(10)), base)
    paragraphs = text.split("\n\n")
    sentence = SENTENCES[(participant * 7 + edit) % len(SENTENCES)].format(
        maand="oktober", afzender="Petra Kok", nummer=f"{participant:02d}{edit:02d}", straat="Dorpsweg",
        dag="dinsdag")
    at = 1 + (edit % max(1, len(paragraphs) - 2))
    paragraphs[at] = paragraphs[at].rstrip() + " " + sentence
    return f"Ons kenmerk: WS-{participant:02d}{edit:02d}-{rng.randrange(10_000):04d}\n\n" + "\n\n".join(paragraphs)


# ---------------------------------------------------------------- server

def cpu_seconds(pid: int) -> float:
    """utime + stime of the process (its threads included), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:  # gone
        return 0.0
    return float("nan")


def descendants(pids: list[int]) -> list[int]:
    """Every process below `pids` (the advice workers and their forkserver), from /proc."""
    parent = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(stat.parent.name)] = int(fields[1])
    found, todo = [], list(pids)
    while todo:
        pid = todo.pop()
        children = [c for c, p in parent.items() if p == pid]
        found += children
        todo += children
    return found


def tree_cpu(pids: list[int]) -> tuple[float, float]:
    """(CPU s of the app processes, CPU s of their child processes alive now)."""
    own = sum(_cpu(p) for p in pids)
    return own, sum(_cpu(p) for p in descendants(pids))


def _cpu(pid: int) -> float:
    try:
        return cpu_seconds(pid)
    except OSError:
        return 0.0


# ---------------------------------------------------------------- one participant

@dataclass
class Run:
    """What one rerun sent back."""
    status: int | None = None
    widgets: dict[str, tuple[str, str]] = field(default_factory=dict)  # user key -> (element id, fragment id)
    analysed: list[str | None] = field(default_factory=list)          # the editor's data: text analysed
    expect: str | None = None                                          # the text sent
    panel_at: float | None = None                                      # perf_counter of its verdict panel
    errors: list[str] = field(default_factory=list)


class Participant:
    def __init__(self, number: int, url: str, code: str, base: str, edits: int, think: float, widget: str,
                 seed: int):
        self.number, self.url, self.code, self.base = number, url, code, base
        self.edits, self.think, self.widget = edits, think, widget
        self.rng = random.Random(seed * 1000 + number)
        self.key = secrets.token_urlsafe(24)
        self.widgets: dict[str, tuple[str, str]] = {}
        self.load_s: float | None = None
        self.latencies: list[float] = []
        self.finished: list[float] = []
        self.errors: list[str] = []
        self.last_text: str | None = None
        self.ws = None

    async def _rerun(self, states: list[WidgetState], fragment: str = "", expect: str | None = None
                     ) -> tuple[Run, float]:
        msg = BackMsg()
        msg.rerun_script.query_string = f"sleutel={self.key}"
        msg.rerun_script.page_script_hash = ""
        msg.rerun_script.fragment_id = fragment
        msg.rerun_script.widget_states.widgets.extend(states)
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        run = Run(expect=expect)
        while True:  # until a run finished that was not cut short for a rerun (st.rerun after the code)
            raw = await asyncio.wait_for(self.ws.recv(), RESULT_TIMEOUT_S)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                self._read_delta(fwd, run)
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                run.status = fwd.script_finished
                if run.status not in FINISHED_OK:
                    run.errors.append(f"script finished with status {run.status}")
                self.widgets.update(run.widgets)
                return run, start

    @staticmethod
    def _read_delta(fwd: ForwardMsg, run: Run) -> None:
        delta = fwd.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        proto = getattr(element, kind)
        element_id = getattr(proto, "id", "") if hasattr(proto, "id") else ""
        if element_id:
            run.widgets[element_id.split("-", 2)[-1]] = (element_id, delta.fragment_id)
        if kind == "bidi_component":
            which = proto.WhichOneof("data")
            raw = proto.json if which == "json" else proto.mixed.json if which == "mixed" else ""
            try:
                run.analysed.append(json.loads(raw).get("analysed") if raw else None)
            except ValueError:
                run.analysed.append(None)
        elif kind == "html" and PANEL in proto.body and run.analysed and run.analysed[-1] == run.expect:
            run.panel_at = run.panel_at or time.perf_counter()  # the panel after the editor showed the text
        elif kind == "exception":
            run.errors.append(f"exception on the page: {proto.type}: {proto.message[:200]}")
        elif kind == "alert" and proto.format == proto.ERROR:
            run.errors.append(f"error on the page: {proto.body[:200]}")

    def _find(self, pattern: re.Pattern) -> tuple[str, str]:
        for key, value in self.widgets.items():
            if pattern.match(key):
                return value
        raise RuntimeError(f"no widget {pattern.pattern} on the page")

    async def load(self) -> None:
        """Open the page and give the access code; ends with the editor on the page."""
        start = time.perf_counter()
        run, _ = await self._rerun([])
        self.errors += run.errors
        code = WidgetState(id=self.widgets[CODE_KEY][0], string_value=self.code)
        enter = WidgetState(id=self.widgets[ENTER_KEY][0], trigger_value=True)
        run, _ = await self._rerun([code, enter])
        self.errors += run.errors
        self._find(EDITOR_KEY)  # a new participant's workspace is empty: no verdict panel yet
        self.load_s = time.perf_counter() - start

    async def edit(self, j: int) -> None:
        text = edit_text(self.base, self.number, j, self.rng)
        if self.widget == "editor":
            element_id, fragment = self._find(EDITOR_KEY)
            state = WidgetState(id=element_id, json_value=json.dumps({"text": text}))
        else:
            element_id, fragment = self._find(TEXT_KEY)
            state = WidgetState(id=element_id, string_value=text)
        run, start = await self._rerun([state], fragment, expect=text)
        done = time.perf_counter()
        self.errors += [f"edit {j}: {e}" for e in run.errors]
        if text not in run.analysed:
            self.errors.append(f"edit {j}: the page never showed the analysis of the sent text")
        elif run.panel_at is None:
            self.errors.append(f"edit {j}: no verdict panel after the edit")
        else:
            self.latencies.append(run.panel_at - start)
        self.finished.append(done - start)
        self.last_text = text

    async def session(self, go: asyncio.Event, loaded: asyncio.Barrier, marks: dict) -> None:
        try:
            async with websockets.connect(self.url, subprotocols=["streamlit"], max_size=None,
                                          additional_headers=route_cookie(),
                                          open_timeout=60, ping_interval=None) as ws:
                self.ws = ws
                await go.wait()
                await self.load()
                if await loaded.wait() == 0:
                    marks["loaded"] = time.perf_counter()  # every page loaded: the edits begin
                for j in range(self.edits):
                    if self.think > 0:
                        await asyncio.sleep(self.rng.uniform(0.5, 1.5) * self.think)
                    await self.edit(j)
        except Exception as err:  # a dropped socket, a timeout, a missing widget: an error, not a crash
            self.errors.append(f"{type(err).__name__}: {err}")
            if not loaded.broken:
                await loaded.abort()  # nobody waits for a participant who is gone


# ---------------------------------------------------------------- the run

class Sampler(threading.Thread):
    """The app processes' CPU seconds and RSS (their child processes included) every 0.2 s."""

    def __init__(self, pids: list[int]):
        super().__init__(daemon=True)
        self.pids, self.samples, self.done = pids, [], threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            every = self.pids + descendants(self.pids)
            own, children = tree_cpu(self.pids)
            self.samples.append((time.perf_counter(), own + children, sum(rss_mb(p) for p in every), own))
            self.done.wait(0.2)

    def stop(self) -> None:
        self.done.set()
        self.join()

    def at(self, moment: float) -> tuple[float, float]:
        """(CPU s, RSS MB) of the sample closest to `moment`."""
        _, cpu, rss, _own = min(self.samples, key=lambda s: abs(s[0] - moment))
        return cpu, rss

    def own_at(self, moment: float) -> float:
        """CPU s of the app processes alone (without the advice workers)."""
        return min(self.samples, key=lambda s: abs(s[0] - moment))[3]

    @property
    def peak(self) -> float:
        return max(s[2] for s in self.samples)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def check_store(data: Path, people: list[Participant]) -> list[str]:
    """Each participant's own workspace holds their last text, and every edit was kept as a version."""
    from outreach.history import KEEP, History
    from outreach.store import DB_NAME, Store, owner_of_key

    store = Store(data / DB_NAME)
    history = History(store)
    lost = []
    for p in people:
        listed = store.list_workspaces(owner_of_key(p.key))
        if len(listed) != 1:
            lost.append(f"participant {p.number}: {len(listed)} workspaces (expected their own one)")
            continue
        ws = store.load(listed[0].id, owner_of_key(p.key))
        if p.last_text is not None and ws.variants[0].text != p.last_text:
            lost.append(f"participant {p.number}: the stored letter is not their last edit")
        versions = history.versions(ws.id, ws.variants[0].name)
        expected = min(KEEP, len(p.finished))
        if len(versions) < expected:
            lost.append(f"participant {p.number}: {len(versions)} versions kept of {expected} edits")
    return lost


async def drive(url: str, people: list[Participant], marks: dict) -> None:
    go = asyncio.Event()
    loaded = asyncio.Barrier(len(people))
    tasks = [asyncio.create_task(p.session(go, loaded, marks)) for p in people]
    await asyncio.sleep(0.5)  # every socket open before anyone loads: a workshop starting together
    go.set()
    await asyncio.gather(*tasks)


def route_cookie() -> dict[str, str]:
    """The route cookie nginx gives a browser on its first request (outreach.cluster); harmless
    without nginx. Each participant is a browser of its own."""
    return {"Cookie": f"oh_route={secrets.token_hex(16)}"}


async def facilitator(url: str, code: str, base: str) -> None:
    """The facilitator opens the page once before the participants (the first run loads the data)."""
    p = Participant(-1, url, code, base, 0, 0, "editor", 0)
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None, ping_interval=None,
                                  additional_headers=route_cookie()) as ws:
        p.ws = ws
        await p.load()
    if p.errors:
        raise SystemExit(f"the facilitator's page failed: {p.errors}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="participants (websocket sessions)")
    parser.add_argument("--edits", type=int, default=10, help="edits per participant")
    parser.add_argument("--think", type=float, default=2.0,
                        help="average pause before each edit in seconds (0.5x-1.5x; 0: none)")
    parser.add_argument("--widget", choices=("editor", "textarea"), default="editor",
                        help="drive the letter editor component (default) or the plain text box")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--processes", type=int, default=0,
                        help="N app processes behind nginx with sticky sessions (outreach.cluster); 0: one "
                             "`streamlit run` without a proxy")
    args, _ = parser.parse_known_args()  # bench/run_all.py runs it with its own arguments

    bases = _base_letters()
    code = secrets.token_urlsafe(12)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="outreach-workshop-") as folder:
        data = Path(folder)
        port = free_port()
        log = data / "server.log"
        if args.processes:
            from outreach import cluster

            env = dict(os.environ, OUTREACH_DATA_DIR=str(data), OUTREACH_MODE="shared", OUTREACH_ACCESS_CODE=code)
            group = cluster.start(args.processes, "127.0.0.1", port, env, log=log)
            pids = group.pids
        else:
            server = start_app(port, data, log, OUTREACH_MODE="shared", OUTREACH_ACCESS_CODE=code)
            pids = [server.pid]
        url = f"ws://127.0.0.1:{port}/_stcore/stream"
        try:
            asyncio.run(facilitator(url, code, bases[0]))
            time.sleep(3)  # the advice workers finish loading their data
            rss_idle, cpu_start = sum(rss_mb(p) for p in pids + descendants(pids)), sum(tree_cpu(pids))
            people = [Participant(i, url, code, bases[i % len(bases)], args.edits, args.think, args.widget,
                                  args.seed) for i in range(args.sessions)]
            client_cpu = resource.getrusage(resource.RUSAGE_SELF)
            marks: dict[str, float] = {}
            sampler = Sampler(pids)
            sampler.start()
            begin = time.perf_counter()
            asyncio.run(drive(url, people, marks))
            end = time.perf_counter()
            sampler.stop()
            client_after = resource.getrusage(resource.RUSAGE_SELF)
            (cpu_end, cpu_children), rss_after = tree_cpu(pids), sum(rss_mb(p) for p in pids + descendants(pids))
            cpu_end_own = cpu_end
            cpu_end += cpu_children
            load_after = os.getloadavg()
        finally:
            if args.processes:
                group.stop()
            else:
                server.terminate()
                try:
                    server.wait(20)
                except subprocess.TimeoutExpired:
                    server.kill()
        lost = check_store(data, people)
        server_log = log.read_text(errors="replace")

    loaded_at = marks.get("loaded", begin)
    cpu_loaded, rss_loaded = sampler.at(loaded_at)
    _, rss_half = sampler.at(loaded_at + (end - loaded_at) / 2)
    edit_wall = end - loaded_at
    edit_cpu = cpu_end - cpu_loaded
    edit_cpu_own = cpu_end_own - sampler.own_at(loaded_at)
    latencies = [s for p in people for s in p.latencies]
    finished = [s for p in people for s in p.finished]
    loads = [p.load_s for p in people if p.load_s is not None]
    errors = [f"participant {p.number}: {e}" for p in people for e in p.errors]
    if "Traceback" in server_log:
        errors.append("the server logged a traceback:\n" + server_log[server_log.index("Traceback"):][:1500])
    client_cpu_s = (client_after.ru_utime + client_after.ru_stime) - (client_cpu.ru_utime + client_cpu.ru_stime)
    p95 = pct(latencies, 95)
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    driven = "letter editor (ed.<id>.a.editor)" if args.widget == "editor" else "text box (ed.<id>.a.text)"
    where = (f"{args.processes} `streamlit run app.py` processes behind nginx (outreach.cluster)" if args.processes
             else "one `streamlit run app.py`")
    print(f"workshop load: {args.sessions} sessions x {args.edits} edits on {where} "
          f"(shared mode), drove the {driven}, "
          f"think {args.think:g} s, {os.cpu_count()} cores")
    print(f"  load average before {load_before[0]:.2f} / after {load_after[0]:.2f} (1 min; 5 min "
          f"{load_after[1]:.2f})")
    print(f"  page load + access code, all at once: p50 {ms(pct(loads, 50))}, p95 {ms(pct(loads, 95))}, "
          f"max {ms(max(loads)) if loads else 'n/a'}")
    print(f"  edit -> result visible (verdict panel of the sent text): {len(latencies)} edits, "
          f"p50 {ms(pct(latencies, 50))}, p95 {ms(p95)}, max {ms(max(latencies)) if latencies else 'n/a'}")
    print(f"  edit -> rerun finished: p50 {ms(pct(finished, 50))}, p95 {ms(pct(finished, 95))}")
    print(f"  throughput: {len(finished) / edit_wall:.1f} edits/s over {edit_wall:.1f} s of editing")
    print(f"  server CPU: {cpu_loaded - cpu_start:.1f} s for the page loads, {edit_cpu:.1f} s for the edits "
          f"({edit_cpu / edit_wall:.2f} cores busy, {edit_cpu / max(1, len(finished)) * 1000:.0f} ms per edit); "
          f"of which in the app processes themselves {edit_cpu_own / max(1, len(finished)) * 1000:.0f} ms per edit "
          f"({edit_cpu_own / edit_wall:.2f} cores), the rest in the advice workers; "
          f"the clients themselves: {client_cpu_s:.1f} s")
    print(f"  server RSS: {rss_idle:.0f} MB after the facilitator's page, {rss_loaded:.0f} MB with every page "
          f"loaded, {rss_half:.0f} MB halfway through the edits, {rss_after:.0f} MB at the end "
          f"(peak {sampler.peak:.0f} MB; second half {rss_after - rss_half:+.0f} MB)")
    print(f"  p95 <= {TARGET_P95_S:g} s (verdict panel): {'met' if p95 <= TARGET_P95_S else 'NOT MET'}; "
          f"whole rerun incl. the 'Eerst doen' list: {'met' if pct(finished, 95) <= TARGET_P95_S else 'NOT MET'}")
    print(f"  nothing lost: {'met' if not lost and not errors else 'NOT MET'} "
          f"(each participant's workspace holds their last text, every edit kept as a version)")
    for line in (lost + errors)[:20]:
        print(f"  ! {line}")
    return 1 if lost or errors else 0


if __name__ == "__main__":
    sys.exit(main())
