"""Document metadata: number, type, issuer, place, date, subject, plan year, term, session,
legal bases and references, read from the header of a resolution (NĐ 30/2020 layout)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from kehoach.core.plan import Document
from kehoach.core.text import fold
from kehoach.parsing import vocab

_NUMBER = re.compile(r"\bsố\s*:\s*(?P<n>\d+(?:/\d{4})?/[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*)", re.IGNORECASE)
_DATE_WORDS = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE)
_DATE_TOP = re.compile(
    r"^(?:ngày đăng|ngày|cập nhật|đăng ngày|thứ [a-zà-ỹ]+|chủ nhật)[:,]?\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})",
    re.IGNORECASE | re.MULTILINE,
)
_DATE_SLASH = re.compile(r"ngày\s+(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})", re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^\n,]{2,60}?),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
    re.IGNORECASE | re.MULTILINE,
)
_TERM_SESSION = re.compile(
    r"khóa\s+(?P<term>[IVXLC]+)\b[\s,.-]*(?:nhiệm kỳ[^,\n]*,\s*)?kỳ họp\s+(?:thứ\s+)?(?P<session>\d+|[a-zà-ỹđ ]{2,30}?)"
    r"(?=\s*(?:$|\n|\(|,|thông qua|\.))",
    re.IGNORECASE,
)
_REFERENCE = re.compile(r"số\s+(?P<n>\d+(?:/\d{4})?/[A-Za-zĐđ]+(?:-[A-Za-zĐđ0-9]+)+)", re.IGNORECASE)
_YEAR_IN = re.compile(r"năm\s+(?P<y>(?:19|20)\d\d)")
_CAPS_LINE = re.compile(r"^[A-ZĐÀ-Ỹ0-9 ,.\-–]+$")


def _title_word(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word else word


def _unit_name(caps: str) -> str:
    """ "XÃ TÂN PHÚ" → "xã Tân Phú"; "PHƯỜNG 1" → "Phường 1" (numbered wards keep the capital)."""
    words = caps.split()
    folded = fold(caps)
    for level in vocab.ADMIN_LEVELS:
        if folded.startswith(level + " "):
            n = len(level.split())
            rest = words[n:]
            proper = " ".join(w if any(c.isdigit() for c in w) else _title_word(w) for w in rest)
            head = " ".join(w.lower() for w in words[:n])
            if rest and all(w.isdigit() for w in rest):
                head = head[:1].upper() + head[1:]
            return f"{head} {proper}".strip()
    return " ".join(_title_word(w) for w in words)


def session_number(text: str) -> int | None:
    """ "bảy" → 7, "mười bảy" → 17, "hai mươi mốt" → 21, "14" → 14."""
    t = fold(text).strip()
    if t.isdigit():
        return int(t)
    words = t.split()
    if not words:
        return None
    total = 0
    tens = 0
    units = 0
    for w in words:
        if w == "mười":
            tens = 1
        elif w == "mươi":
            tens = max(units, 1)
            units = 0
        elif w in vocab.NUMBER_WORDS:
            units = vocab.NUMBER_WORDS[w]
        else:
            return None
    total = tens * 10 + units
    return total or None


def _find_type(lines: list[str]) -> tuple[str | None, int]:
    for i, line in enumerate(lines[:40]):
        key = fold(line.strip())
        if key in vocab.DOCUMENT_TYPES and line.strip().isupper():
            return vocab.DOCUMENT_TYPES[key], i
    return None, -1


def _subject(lines: list[str], type_index: int) -> str | None:
    if type_index < 0:
        return None
    parts: list[str] = []
    for line in lines[type_index + 1 : type_index + 6]:
        s = line.strip()
        if not s:
            if parts:
                break
            continue
        key = fold(s)
        if key.startswith(tuple(vocab.ISSUER_BODIES)) or key.startswith(("căn cứ", "khóa", "quyết nghị", "điều ")):
            break
        if s.isupper() and parts:
            break
        parts.append(s)
    subject = " ".join(parts).strip()
    return subject or None


def _issuer(lines: list[str]) -> str | None:
    """The issuing body, preferring the full line under the title ("HỘI ĐỒNG NHÂN DÂN PHƯỜNG 1")."""
    best: str | None = None
    for i, line in enumerate(lines[:60]):
        s = line.strip()
        key = fold(s)
        for body_key, body in vocab.ISSUER_BODIES.items():
            if key.startswith(body_key) and s.isupper():
                rest = s[len(body_key) :].strip()
                if not rest and i + 1 < len(lines) and _CAPS_LINE.match(lines[i + 1].strip() or "x"):
                    nxt = lines[i + 1].strip()
                    if nxt and not fold(nxt).startswith(("cộng hòa", "độc lập")):
                        rest = nxt
                if rest:
                    candidate = f"{body} {_unit_name(rest)}"
                    if best is None or len(rest.split()) >= 1:
                        best = candidate
                        if i > 3:  # the line under the title names the body in full
                            return best
    return best


_STRONG_YEAR = re.compile(
    r"(?:kế hoạch|nhiệm vụ|phương hướng|mục tiêu|chỉ tiêu)(?: phát triển)? kinh tế\s*[-–]\s*xã hội"
    r"[^.;\n]{0,60}?năm\s+((?:19|20)\d\d)"
)
_WEAK_YEAR = re.compile(
    r"(?:kế hoạch|chỉ tiêu|nhiệm vụ|phấn đấu|mục tiêu)[^.;\n]{0,60}?năm\s+((?:19|20)\d\d)"
    r"|năm\s+((?:19|20)\d\d)[, ]+(?:[a-zà-ỹđ ]{0,30}?)(?:phấn đấu|đặt mục tiêu|đề ra)"
)


def _plan_year(subject: str | None, text: str, issued: date | None) -> int | None:
    if subject:
        years = [int(y) for y in _YEAR_IN.findall(fold(subject))]
        if years:
            return years[-1]
    folded = fold(text[:20000])
    cap = issued.year + 1 if issued else None
    strong = [int(y) for y in _STRONG_YEAR.findall(folded)]
    strong = [y for y in strong if cap is None or y <= cap]
    if strong:
        return max(strong)
    weak = [int(a or b) for a, b in _WEAK_YEAR.findall(folded)]
    weak = [y for y in weak if cap is None or y <= cap]
    if weak:
        counts = Counter(weak)
        top = max(counts.values())
        return max(y for y, c in counts.items() if c >= max(1, top - 1))
    if issued:
        return issued.year + 1 if issued.month >= 10 else issued.year
    return None


def _legal_bases(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for p in paragraphs:
        s = p.strip()
        if not fold(s).startswith("căn cứ"):
            continue
        body = s[len("Căn cứ") :].strip().rstrip(";.")
        for piece in re.split(r";\s*(?=[A-ZĐÀ-Ỹ])", body):
            piece = piece.strip().rstrip(";.")
            if piece:
                out.append(piece)
    return out


def _references(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for p in paragraphs:
        if fold(p.strip()).startswith("xét"):
            for m in _REFERENCE.finditer(p):
                if m.group("n") not in out:
                    out.append(m.group("n"))
    return out


def _valid_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def read_metadata(text: str, header_end: int) -> Document:
    """Metadata from the header (text before ``header_end``) and, for dates, the first page."""
    head = text[:header_end] if header_end > 0 else text[:4000]
    lines = head.split("\n")
    doc = Document()
    m = _NUMBER.search(head)
    if m:
        doc.number = m.group("n")
    doc.type, type_index = _find_type(lines)
    if doc.type is None and doc.number and "/" in doc.number:
        symbol = doc.number.split("/")[-1].split("-")[0]
        doc.type = vocab.SYMBOL_TYPES.get(symbol)
    doc.subject = _subject(lines, type_index)
    doc.issuer = _issuer(lines)
    pm = _PLACE_DATE.search(head)
    if pm:
        place = pm.group("place").strip().strip("*_ ")
        doc.place = place
        doc.date = _valid_date(pm.group("y"), pm.group("m"), pm.group("d"))
    else:
        top = head if header_end > 0 else head[:1500]
        dm = _DATE_TOP.search(top) or _DATE_WORDS.search(top) or _DATE_SLASH.search(top)
        if dm:
            doc.date = _valid_date(dm.group("y"), dm.group("m"), dm.group("d"))
    ts = _TERM_SESSION.search(fold(head))
    if ts:
        doc.term = ts.group("term").upper()
        doc.session = session_number(ts.group("session"))
    paragraphs = [p for p in re.split(r"\n", head) if p.strip()]
    doc.legal_bases = _legal_bases(paragraphs)
    doc.references = _references(paragraphs)
    doc.plan_year = _plan_year(doc.subject, text, doc.date)
    return doc


def read_signer(text: str) -> str | None:
    """The name under "CHỦ TỊCH" in the signature block, if any."""
    m = re.search(
        r"^(?:KT\.\s*)?(?:PHÓ\s+)?CHỦ TỊCH\s*\n(?:PHÓ CHỦ TỊCH\s*\n)?(?:\s*\n)*(?:\(Đã ký\)\s*\n)?(?:\s*\n)*"
        r"(?P<name>[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?: [A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,5})\s*$",
        text,
        re.MULTILINE,
    )
    return m.group("name") if m else None
