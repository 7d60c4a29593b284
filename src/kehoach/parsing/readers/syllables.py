"""Is a word a plausible Vietnamese syllable? Used to judge encoding guesses.

Vietnamese writes one syllable per word: an optional onset, a vowel nucleus, an optional
coda, and at most one tone mark. Text decoded with the wrong table breaks that shape
("hßa", "x·", "Coäng"), text decoded with the right one keeps it. The check is lenient
(it accepts some syllables that do not exist) because it only has to tell a right
decoding from a wrong one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kehoach.core.text import fold

# Tone marks as combining characters: grave, acute, tilde, hook above, dot below.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđfghjklmnprstvwxz]"
_NUCLEI = [
    # three letters
    *("iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu"),
    # two letters
    *("ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo"),
    *("ôi", "ơi", "ua", "uă", "uâ", "ue", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "ya", "yê"),
    # one letter
    *("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"),
]
_CODA = "ch|nh|ng|[cmnptk]"
_SYLLABLE = re.compile(rf"^(?:{_ONSET})?(?:{'|'.join(_NUCLEI)})(?:{_CODA})?$")

_VIETNAMESE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzăâđêôơư")
_VOWELS = frozenset("aăâeêioôơuưy")


@lru_cache(maxsize=65536)
def is_vietnamese_word(word: str) -> bool:
    """True for a plausible Vietnamese syllable or an abbreviation such as "HĐND".

    ``word`` holds letters only (the caller splits on spaces, digits and punctuation).
    A word of plain ASCII letters is accepted: it says nothing about the encoding.
    """
    if word.isascii():
        return word.isalpha()
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = 0
    base_letter = ""
    for c in decomposed:
        if not unicodedata.combining(c):
            base_letter = c
        elif c in _TONE_MARKS:
            tones += 1
            if base_letter not in _VOWELS:  # "ñ" is n + tilde: not a tone on a vowel
                return False
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    if not base or any(c not in _VIETNAMESE_LETTERS for c in base):
        return False
    if _SYLLABLE.match(base):
        return True
    # An abbreviation: letters without any vowel and without a tone mark ("HĐND", "đv").
    return tones == 0 and not any(c in _VOWELS for c in base)


# Very frequent syllables of Vietnamese prose and of administrative texts, written in the
# folded form of :func:`kehoach.core.text.fold` (lower case, new tone style). A wrong
# decoding often still gives valid shapes ("tháng" read as TCVN3 is "thỏng"), rarely
# common words: these decide between readings that both look like Vietnamese.
_COMMON_TEXT = (
    "của và các có được trong là cho không người những năm này với đã để một theo đến về",
    "từ khi đó như cũng còn nhiều hơn phải sẽ đang rất tại trên dưới ra vào lên sau trước",
    "nhất mới nào gì ai bị bằng nên thì mà hay hoặc nếu vì do tuy nhưng lại thêm cùng giữa",
    "ngày tháng quý lần số thứ hai ba bốn năm sáu bảy tám chín mười trăm nghìn triệu tỷ",
    "nhà nước dân nhân hội đồng ủy ban tỉnh huyện xã phường thị trấn thôn ấp khóm tổ phố",
    "quận thành kỳ họp khóa nghị quyết định quy luật điều khoản mục chương phần căn cứ xét",
    "tờ trình báo cáo thẩm tra ý kiến thảo luận đại biểu chủ tịch thường trực thư ký",
    "kinh tế văn hóa xã giáo dục y tế môi trường quốc phòng an ninh chính quyền trị",
    "phát triển kế hoạch nhiệm vụ mục tiêu chỉ tiêu giải pháp thực hiện tổ chức đạt tăng",
    "giảm tỷ lệ hộ nghèo cận lao động việc làm thu chi ngân sách đầu tư vốn công trình",
    "dự án sản xuất nông nghiệp lâm thủy sản công nghiệp thương mại dịch vụ du lịch",
    "giá trị thu nhập bình quân đầu chuẩn tiêu chí hoàn thành tốt khá trung yếu kém",
    "xây dựng đảm bảo nâng cao tăng cường tiếp tục đẩy mạnh quản lý sử dụng đất đai",
    "học sinh trường lớp trẻ em tuổi gia đình văn minh đô thị nông thôn đường giao thông",
    "bảo hiểm sức khỏe bệnh viện trạm dịch bệnh phòng chống tai nạn tội phạm trật tự",
    "cải cách hành chính thủ tục hồ sơ trực tuyến chuyển đổi số cán bộ công chức viên",
    "đảng ủy mặt trận đoàn thể thanh niên phụ nữ nông dân cựu chiến binh quân sự dân quân",
    "tuyển gọi nhập ngũ nghĩa lực lượng toàn trọng tâm chủ yếu cụ thể sau đây như sau",
    "hiệu lực thông qua ban hành gửi nơi nhận lưu độc lập tự do hạnh phúc cộng hòa việt nam",
)
COMMON_SYLLABLES = frozenset(word for line in _COMMON_TEXT for word in line.split())


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    return fold(word) in COMMON_SYLLABLES
