"""Fixtures of the reader tests: sample texts, legacy encoders, .docx and .pdf builders.

Tests run with ``--import-mode=importlib``, so helpers reach the tests as fixtures:
``sample_path`` (the seed and each corpus file), ``legacy`` (Unicode -> TCVN3 / VNI
encoders written from the reader's own tables), ``docx_kit`` and ``new_pdf``.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from kehoach.parsing.readers.legacy_tables import (
    TCVN3,
    VNI_BREVE,
    VNI_CIRCUMFLEX,
    VNI_SINGLE,
    VNI_TONE_BASES,
    VNI_TONES,
)

# The seed ships with the package; the development corpus lives outside the repository
# (its tests are skipped where it is absent).
SEED = Path(__file__).parents[3] / "src" / "kehoach" / "data" / "nq-74-2023-phuong-1.txt"
CORPUS_DIR = Path(os.environ.get("KEHOACH_CORPUS_DIR", "/work/shared/corpus"))
CORPUS = sorted(CORPUS_DIR.glob("dev-*.txt"))
ALL_TEXTS = [SEED, *CORPUS]

_TONE_NAMES = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}
_TCVN3_FROM_UNICODE = {letter: code for code, letter in TCVN3.items()}


def to_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 look-alikes (as a str of Latin-1 characters).

    Toned capitals do not exist in TCVN3: like a typist using the ".VnTimeH" font,
    the encoder writes them with the lower-case code.
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_FROM_UNICODE:
            out.append(_TCVN3_FROM_UNICODE[ch])
        elif ch.lower() in _TCVN3_FROM_UNICODE and not ch.isascii():
            out.append(_TCVN3_FROM_UNICODE[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


_VNI_SINGLE_FROM_UNICODE = {letter: code for code, letter in VNI_SINGLE.items()}
_VNI_BASE_FROM_UNICODE = {letter: code for code, letter in VNI_TONE_BASES.items()}


def to_vni(text: str) -> str:
    """Unicode -> VNI look-alikes (as a str of Latin-1 characters)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _VNI_SINGLE_FROM_UNICODE:
            out.append(_VNI_SINGLE_FROM_UNICODE[ch])
            continue
        parts = unicodedata.normalize("NFD", ch)
        if len(parts) == 1 or parts[0] not in "aeiouyAEIOUY":
            out.append(ch)
            continue
        upper = parts[0].isupper()
        marks = parts[1:]
        tone = next((_TONE_NAMES[m] for m in marks if m in _TONE_NAMES), "")
        if "\u0302" in marks:
            out.append(parts[0] + VNI_CIRCUMFLEX[tone][upper])
        elif "\u0306" in marks:
            out.append(parts[0] + VNI_BREVE[tone][upper])
        else:
            base = parts[0]
            if "\u031b" in marks:  # horn: ơ, ư are single letters in VNI
                base = _VNI_BASE_FROM_UNICODE[unicodedata.normalize("NFC", base + "\u031b")]
            out.append(base + (VNI_TONES[tone][upper] if tone else ""))
    return "".join(out)


def legacy_bytes(text: str) -> bytes:
    """Latin-1 look-alikes -> the bytes a legacy editor would have saved (Windows-1252)."""
    return text.encode("cp1252")


# --- .docx builders ---------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(document) -> bytes:
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_marked_paragraph(document, text: str, style: str | None = None):
    """A paragraph from text where "*x*" is italic (the parser's run-in heading form)."""
    paragraph = document.add_paragraph(style=style)
    for i, piece in enumerate(text.split("*")):
        if piece:
            paragraph.add_run(piece).italic = i % 2 == 1 or None
    return paragraph


def add_footnotes(document, notes: dict[int, str]) -> None:
    """Give ``document`` a footnotes part holding ``notes`` (id -> text)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    bodies = "".join(
        f'<w:footnote w:id="{nid}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for nid, text in notes.items()
    )
    xml = (
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        f"</w:footnote>{bodies}</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def add_footnote_reference(paragraph, note_id: int) -> None:
    from docx.oxml import parse_xml

    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{W_NS}" w:id="{note_id}"/>'))


# --- .pdf builders ----------------------------------------------------------------------------

_FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
]


def unicode_font() -> Path | None:
    """A TTF font with Vietnamese letters: a system font, or one shipped in a package."""
    for candidate in _FONT_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    import sysconfig

    site = Path(sysconfig.get_paths()["purelib"])
    for name in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf"):
        found = next(site.rglob(name), None)
        if found:
            return found
    return None


# --- fixtures ---------------------------------------------------------------------------------


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "sample_path" in metafunc.fixturenames:
        metafunc.parametrize("sample_path", ALL_TEXTS, ids=[p.stem for p in ALL_TEXTS])


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def corpus_texts() -> list[str]:
    if not CORPUS:
        pytest.skip(f"development corpus not found in {CORPUS_DIR} (set KEHOACH_CORPUS_DIR)")
    return [p.read_text(encoding="utf-8") for p in CORPUS]


@pytest.fixture
def legacy() -> SimpleNamespace:
    return SimpleNamespace(to_tcvn3=to_tcvn3, to_vni=to_vni, as_bytes=legacy_bytes)


@pytest.fixture
def docx_kit() -> SimpleNamespace:
    return SimpleNamespace(
        to_bytes=docx_bytes,
        marked_paragraph=add_marked_paragraph,
        footnotes=add_footnotes,
        footnote_reference=add_footnote_reference,
    )


@pytest.fixture(scope="session")
def font_path() -> Path:
    found = unicode_font()
    if found is None:
        pytest.skip("no Unicode TTF font on this machine (install fonts-dejavu-core) to build PDF fixtures")
    return found


@pytest.fixture
def new_pdf(font_path: Path) -> Callable[..., object]:
    """A factory for fpdf2 documents set in a Vietnamese-capable font."""
    from fpdf import FPDF

    def make(header: str | None = None, page_numbers: bool = False, size: int = 12) -> FPDF:
        class Document(FPDF):
            def header(self) -> None:
                if header:
                    self.set_font("Body", size=9)
                    self.cell(0, 5, header, align="R")
                    self.ln(8)

            def footer(self) -> None:
                if page_numbers:
                    self.set_y(-15)
                    self.set_font("Body", size=9)
                    self.cell(0, 10, f"- {self.page_no()} -", align="C")

        pdf = Document()
        pdf.add_font("Body", "", str(font_path))
        pdf.add_font("Body", "B", str(font_path))  # table headings ask for bold; the same face will do
        pdf.set_font("Body", size=size)
        pdf.add_page()
        return pdf

    return make
