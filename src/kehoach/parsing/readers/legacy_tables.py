"""Character tables of the two legacy Vietnamese 8-bit encodings still met in old files.

Written from the published layouts of the standards, not copied from any converter.
Both encodings put Vietnamese letters on the code points of Windows-1252 / Latin-1, so a
legacy file read as Latin-1 (or a .docx/.pdf run set in a legacy font) shows look-alikes:

* TCVN3 (TCVN 5712:1993, "ABC", fonts ".VnTime", ".VnArial" ...): one byte per letter.
  Only lower-case letters with tone marks are encoded; capitals were typed with the
  companion fonts whose names end in "H" (".VnTimeH"), which draw the lower-case code
  points as capitals. "Céng hßa x· héi chñ nghÜa ViÖt Nam" = "Cộng hòa xã hội chủ nghĩa Việt Nam".
* VNI (VNI-Windows, fonts "VNI-Times", "VNI-Helve" ...): a base vowel followed by a
  modifier byte for diacritics; a few letters (i with tones, ơ, ư, đ, ỵ) are single bytes.
  "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" = the same phrase.

Everything below is data; the logic lives in :mod:`kehoach.parsing.readers.legacy`.
"""

from __future__ import annotations

# --- TCVN3 -------------------------------------------------------------------------------
# Code point (as a Latin-1 character) -> Unicode letter. Each tone series is listed in the
# standard's order: grave, hook above, tilde, acute, dot below.
_TCVN3_SERIES: list[tuple[str, str]] = [
    # capitals and lower-case letters without tone marks
    ("\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7", "ĂÂÊÔƠƯĐ"),  # ¡ ¢ £ ¤ ¥ ¦ §
    ("\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae", "ăâêôơưđ"),  # ¨ © ª « ¬ (soft hyphen) ®
    ("\u00b5\u00b6\u00b7\u00b8\u00b9", "àảãáạ"),  # µ ¶ · ¸ ¹
    ("\u00bb\u00bc\u00bd\u00be\u00c6", "ằẳẵắặ"),  # » ¼ ½ ¾ Æ
    ("\u00c7\u00c8\u00c9\u00ca\u00cb", "ầẩẫấậ"),  # Ç È É Ê Ë
    ("\u00cc\u00ce\u00cf\u00d0\u00d1", "èẻẽéẹ"),  # Ì Î Ï Ð Ñ
    ("\u00d2\u00d3\u00d4\u00d5\u00d6", "ềểễếệ"),  # Ò Ó Ô Õ Ö
    ("\u00d7\u00d8\u00dc\u00dd\u00de", "ìỉĩíị"),  # × Ø Ü Ý Þ
    ("\u00df\u00e1\u00e2\u00e3\u00e4", "òỏõóọ"),  # ß á â ã ä
    ("\u00e5\u00e6\u00e7\u00e8\u00e9", "ồổỗốộ"),  # å æ ç è é
    ("\u00ea\u00eb\u00ec\u00ed\u00ee", "ờởỡớợ"),  # ê ë ì í î
    ("\u00ef\u00f1\u00f2\u00f3\u00f4", "ùủũúụ"),  # ï ñ ò ó ô
    ("\u00f5\u00f6\u00f7\u00f8\u00f9", "ừửữứự"),  # õ ö ÷ ø ù
    ("\u00fa\u00fb\u00fc\u00fd\u00fe", "ỳỷỹýỵ"),  # ú û ü ý þ
]

TCVN3: dict[str, str] = {}
for _codes, _letters in _TCVN3_SERIES:
    assert len(_codes) == len(_letters)
    TCVN3.update(zip(_codes, _letters, strict=True))

# Fonts of the TCVN3 family: ".VnTime", ".VnArial", ".VnCentury Schoolbook" ...; the
# capitals-only companions end in "H" (".VnTimeH", ".VnArialH").
TCVN3_FONT_PREFIX = ".vn"

# --- VNI -------------------------------------------------------------------------------
# Modifier bytes (lower-case form, upper-case form) following a base vowel.
# Tone marks alone (for a e o u y ơ ư):
VNI_TONES: dict[str, tuple[str, str]] = {
    "grave": ("ø", "Ø"),
    "acute": ("ù", "Ù"),
    "hook": ("û", "Û"),
    "tilde": ("õ", "Õ"),
    "dot": ("ï", "Ï"),
}
# Circumflex, alone or with a tone (for a e o):
VNI_CIRCUMFLEX: dict[str, tuple[str, str]] = {
    "": ("â", "Â"),
    "grave": ("à", "À"),
    "acute": ("á", "Á"),
    "hook": ("å", "Å"),
    "tilde": ("ã", "Ã"),
    "dot": ("ä", "Ä"),
}
# Breve, alone or with a tone (for a only):
VNI_BREVE: dict[str, tuple[str, str]] = {
    "": ("ê", "Ê"),
    "grave": ("è", "È"),
    "acute": ("é", "É"),
    "hook": ("ú", "Ú"),
    "tilde": ("ü", "Ü"),
    "dot": ("ë", "Ë"),
}
# Letters written as one byte (lower, upper): the toned i's, ơ, ư, đ and ỵ.
VNI_SINGLE: dict[str, str] = {
    "ì": "ì",
    "Ì": "Ì",
    "í": "í",
    "Í": "Í",
    "æ": "ỉ",
    "Æ": "Ỉ",
    "ó": "ĩ",
    "Ó": "Ĩ",
    "ò": "ị",
    "Ò": "Ị",
    "î": "ỵ",
    "Î": "Ỵ",
    "ô": "ơ",
    "Ô": "Ơ",
    "ö": "ư",
    "Ö": "Ư",
    "ñ": "đ",
    "Ñ": "Đ",
}
# Base vowels that take tone modifiers, as they appear in VNI text -> Unicode base letter.
VNI_TONE_BASES: dict[str, str] = {
    "a": "a",
    "A": "A",
    "e": "e",
    "E": "E",
    "o": "o",
    "O": "O",
    "u": "u",
    "U": "U",
    "y": "y",
    "Y": "Y",
    "ô": "ơ",
    "Ô": "Ơ",
    "ö": "ư",
    "Ö": "Ư",
}
# Base vowels that take a circumflex (VNI writes â as "aâ", ê as "eâ", ô as "oâ").
VNI_CIRCUMFLEX_BASES = "aAeEoO"
VNI_BREVE_BASES = "aA"

# Fonts of the VNI family: "VNI-Times", "VNI-Helve", "VNI-Aptima" ...
VNI_FONT_PREFIX = "vni-"
