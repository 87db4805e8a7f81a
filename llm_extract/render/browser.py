"""Headless Chromium, driven over the DevTools protocol on a pipe (no extra packages).

Used to print the worker's page to PDF (``--format pdf``) and, in the tests, to check
the page in a real browser: page count, overflow at phone width, the visible text.
One browser process serves many pages. Chromium talks the DevTools protocol over file
descriptors 3 and 4 (``--remote-debugging-pipe``): null-terminated JSON messages. The
browser gets no network: a host-resolver rule fails every name, and the page's own
Content-Security-Policy forbids loading anything.

Set ``LLM_EXTRACT_CHROMIUM`` to the browser executable when it is not on ``PATH``
as ``chromium`` (Debian: ``apt-get install chromium``).
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from types import TracebackType
from typing import Any

from llm_extract.errors import BrowserError, BrowserNotFoundError

ENV_VAR = "LLM_EXTRACT_CHROMIUM"
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
LETTER_WIDTH_PX = 816
"""US letter, 8.5 in at 96 CSS px per inch."""

_FLAGS = (
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
)


def find_chromium() -> str:
    """The Chromium executable: ``$LLM_EXTRACT_CHROMIUM``, else the first of :data:`NAMES` on ``PATH``."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        found = shutil.which(configured)
        if found is None:
            raise BrowserNotFoundError(
                f"{ENV_VAR}={configured!r} is not an executable",
                hint=f"point {ENV_VAR} at the chromium binary, or unset it",
            )
        return found
    for name in NAMES:
        found = shutil.which(name)
        if found is not None:
            return found
    raise BrowserNotFoundError(
        "PDF output needs Chromium, which was not found",
        hint=f"install it (Debian/Ubuntu: apt-get install chromium) or set {ENV_VAR}; "
        "or write --format html and print that page from any browser",
    )


_TRAMPOLINE = (
    "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); os.execv(sys.argv[3], sys.argv[3:])"
)
"""Puts the pipe ends on descriptors 3 and 4 and becomes Chromium (no ``preexec_fn``: the CLI runs threads)."""


def _high(fd: int) -> int:
    """Move a descriptor to 10 or above, so that putting the pipes on 3 and 4 cannot clobber one."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Chromium:
    """One headless browser process; open pages with :meth:`page`. Use as a context manager."""

    def __init__(self, executable: str | None = None, *, timeout: float = 30.0) -> None:
        self.executable = executable or find_chromium()
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="llm-extract-chromium-")
        to_child_r, to_child_w = (_high(fd) for fd in os.pipe())
        from_child_r, from_child_w = (_high(fd) for fd in os.pipe())
        flags = [*_FLAGS, f"--user-data-dir={self._profile.name}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
        try:
            self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
                [
                    sys.executable,
                    "-I",
                    "-S",
                    "-c",
                    _TRAMPOLINE,
                    str(to_child_r),
                    str(from_child_w),
                    self.executable,
                    *flags,
                    "about:blank",
                ],
                pass_fds=(to_child_r, from_child_w),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            for fd in (to_child_r, to_child_w, from_child_r, from_child_w):
                os.close(fd)
            self._profile.cleanup()
            raise BrowserError(f"cannot start {self.executable} ({exc.strerror})") from None
        os.close(to_child_r)
        os.close(from_child_w)
        self._out = to_child_w
        self._in = from_child_r
        self._buffer = b""
        self._next_id = 0
        try:
            self.call("Browser.getVersion")
        except BrowserError:
            self.close()
            raise

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send one command and wait for its answer (events in between are skipped)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        try:
            os.write(self._out, json.dumps(message).encode() + b"\0")
        except OSError:
            raise BrowserError("chromium closed its DevTools pipe", hint="check that chromium runs here") from None
        deadline = time.monotonic() + self.timeout
        while True:
            reply = json.loads(self._read_message(deadline, method))
            if reply.get("id") != self._next_id:
                continue
            if "error" in reply:
                raise BrowserError(f"chromium refused {method}: {reply['error'].get('message', '')}")
            result: dict[str, Any] = reply.get("result", {})
            return result

    def _read_message(self, deadline: float, method: str) -> bytes:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._in], [], [], max(left, 0))
            if not ready:
                raise BrowserError(f"chromium did not answer {method} within {self.timeout:g} s")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise BrowserError("chromium exited", hint="run chromium --headless by hand to see why")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return raw

    def page(self) -> Page:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Page(self, target, session)

    def close(self) -> None:
        process = getattr(self, "_process", None)
        if process is None:
            return
        if process.poll() is None:
            try:
                os.write(self._out, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
                process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                process.kill()
                process.wait()
        for fd in (self._out, self._in):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._process = None
        self._profile.cleanup()


class Page:
    """One tab: load HTML, size the viewport, evaluate, print, screenshot."""

    def __init__(self, browser: Chromium, target: str, session: str) -> None:
        self.browser = browser
        self.target = target
        self.session = session
        self.call("Page.enable")
        self.frame = self.call("Page.getFrameTree")["frameTree"]["frame"]["id"]

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.call(method, params, self.session)

    def load(self, html: str) -> None:
        self.call("Page.setDocumentContent", {"frameId": self.frame, "html": html})
        self.evaluate("document.fonts.ready.then(() => true)")

    def viewport(self, width: int, height: int = 900, *, mobile: bool = False, media: str = "screen") -> None:
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )
        self.call("Emulation.setEmulatedMedia", {"media": media})

    def evaluate(self, expression: str) -> Any:
        answer = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in answer:
            raise BrowserError(f"script failed in the page: {answer['exceptionDetails'].get('text', '')}")
        return answer["result"].get("value")

    def pdf(self) -> bytes:
        """Print with the page's own ``@page`` size and margins, backgrounds included."""
        self.call("Emulation.clearDeviceMetricsOverride")
        self.call("Emulation.setEmulatedMedia", {"media": ""})
        answer = self.call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
        return base64.b64decode(answer["data"])

    def screenshot(self, width: int, *, scale: float = 1.0) -> bytes:
        """A PNG of the whole page at ``width`` CSS pixels."""
        self.viewport(width)
        height = int(self.evaluate("Math.ceil(document.documentElement.scrollHeight)"))
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False},
        )
        answer = self.call("Page.captureScreenshot", {"format": "png"})
        return base64.b64decode(answer["data"])

    def close(self) -> None:
        self.browser.call("Target.closeTarget", {"targetId": self.target})


def print_pdf(pages: list[str], *, executable: str | None = None) -> list[bytes]:
    """Print each HTML page to a PDF with one browser launch."""
    with Chromium(executable) as browser:
        out = []
        for html in pages:
            page = browser.page()
            try:
                page.load(html)
                out.append(page.pdf())
            finally:
                page.close()
        return out
