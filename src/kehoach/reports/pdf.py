"""DOCX -> PDF with LibreOffice headless, so the PDF is exactly the DOCX as printed.

    soffice -env:UserInstallation=file:///…/profile-N --headless --norestore
            --convert-to pdf --outdir OUT a.docx b.docx …

Decisions:

- One LibreOffice call converts many files (its start-up, about a second, is most of the
  cost of one report): :func:`convert_to_pdf` takes a list.
- Each call runs with a private user profile (``-env:UserInstallation``): two LibreOffice
  processes sharing a profile refuse to start or wait on each other. Profiles live in a
  cache folder and are reused (a fresh profile costs another second); each one is locked
  (``fcntl.flock``) while in use, so parallel calls, from threads or processes, each take a
  free one. Without ``fcntl`` (Windows) a temporary profile is used and removed.
- LibreOffice is found as ``KEHOACH_SOFFICE`` (a path), else ``soffice`` or ``libreoffice``
  on PATH, else the usual install folders. Missing, it is a :class:`PdfError` with the
  Vietnamese instructions to install it; Debian images need ``libreoffice-writer-nogui``
  and ``fonts-liberation2`` (Liberation Serif has the metrics of Times New Roman, so lines
  break as in Word).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

try:  # POSIX only
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

INSTALL_HINT = (
    "cần LibreOffice để xuất PDF. Cài đặt: Debian/Ubuntu "
    "'sudo apt-get install libreoffice-writer-nogui fonts-liberation2'; Windows/macOS: tải từ "
    "libreoffice.org; hoặc đặt biến môi trường KEHOACH_SOFFICE là đường dẫn tới chương trình soffice. "
    "Có thể xuất DOCX (--format docx) rồi tự chuyển sang PDF"
)
_CANDIDATES = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)
TIMEOUT_PER_FILE = 60
MAX_PROFILES = 16


class PdfError(RuntimeError):
    """LibreOffice is missing or failed; the message is Vietnamese and says what to do."""


def find_soffice() -> str | None:
    configured = os.environ.get("KEHOACH_SOFFICE")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((c for c in _CANDIDATES if Path(c).exists()), None)


def pdf_available() -> bool:
    return find_soffice() is not None


def _profiles_root() -> Path:
    return Path(tempfile.gettempdir()) / f"kehoach-libreoffice-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


@contextlib.contextmanager
def _profile() -> Iterator[Path]:
    """A LibreOffice user profile folder no other running conversion uses."""
    if fcntl is None:  # pragma: no cover - Windows
        with tempfile.TemporaryDirectory(prefix="kehoach-lo-") as folder:
            yield Path(folder)
        return
    root = _profiles_root()
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    for slot in range(MAX_PROFILES):
        lock = (root / f"profile-{slot}.lock").open("a")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            continue
        try:
            yield root / f"profile-{slot}"
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()
        return
    with tempfile.TemporaryDirectory(prefix="kehoach-lo-") as folder:  # every slot busy
        yield Path(folder)


def convert_to_pdf(documents: Sequence[Path], out_dir: Path) -> list[Path]:
    """Convert ``documents`` (DOCX files) to PDF files of the same names in ``out_dir``."""
    if not documents:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(INSTALL_HINT)
    out_dir.mkdir(parents=True, exist_ok=True)
    with _profile() as profile:
        command = [
            soffice,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out_dir),
            *(str(d) for d in documents),
        ]
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_PER_FILE * len(documents) + 60,
                check=False,
                env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"},
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(f"LibreOffice không chạy được để xuất PDF ({exc})") from exc
    made = [out_dir / f"{d.stem}.pdf" for d in documents]
    missing = [p.name for p in made if not p.exists()]
    if done.returncode != 0 or missing:
        detail = (done.stderr or done.stdout or "").strip().splitlines()
        reason = detail[-1] if detail else f"mã lỗi {done.returncode}"
        raise PdfError(f"LibreOffice không xuất được PDF ({', '.join(missing) or reason}): {reason}")
    return made


def docx_to_pdf_bytes(docx: bytes, name: str = "bao-cao") -> bytes:
    """One DOCX given as bytes, converted in a temporary folder; the PDF as bytes."""
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as folder:
        source = Path(folder) / f"{name}.docx"
        source.write_bytes(docx)
        (pdf,) = convert_to_pdf([source], Path(folder) / "pdf")
        return pdf.read_bytes()
