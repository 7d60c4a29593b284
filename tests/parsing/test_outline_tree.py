"""Line markers and the outline tree built from their order."""

from __future__ import annotations

import pytest

from kehoach.parsing.outline import build_tree, classify_line, split_lines

MARKERS = [
    ("Điều 1. Thông qua kế hoạch", "article", "1"),
    ("II. CÁC CHỈ TIÊU CHỦ YẾU", "roman", "II"),
    ("2. Các chỉ tiêu chủ yếu.", "decimal1", "2"),
    ("2.2. *Chỉ tiêu về văn hóa - xã hội:* (1) Duy trì", "decimal2", "2.2"),
    ("3.1.2. Nội dung", "decimal3", "3.1.2"),
    ("a) Về kinh tế: (1) Tổng giá trị", "letter", "a"),
    ("đ) Về xây dựng chính quyền", "letter", "đ"),
    ("(3) Tỷ lệ hộ nghèo giảm còn 0,2%", "paren", "(3)"),
    ("- Tỷ lệ hộ nghèo còn 0,35%;", "dash", "-"),
    ("+ Nông, lâm nghiệp và thủy sản tăng 3,2%;", "plus", "+"),
    ("• Mục", "bullet", "•"),
    ("*Về kinh tế:* tổng diện tích gieo trồng", "runin", "*"),
    ("1 | Thu ngân sách | tỷ đồng | 44,87 | 45,6", "table", ""),
    ("|---|---|", "table_rule", ""),
    ("Tập trung triển khai thực hiện kế hoạch", "para", ""),
    ("2024 là năm có ý nghĩa quan trọng", "para", ""),
    ("1.246,695 tỷ đồng là tổng vốn", "para", ""),
]


@pytest.mark.parametrize(("text", "style", "marker"), MARKERS, ids=[m[0][:30] for m in MARKERS])
def test_markers(text, style, marker):
    line = classify_line(text, 0)
    assert (line.style, line.marker) == (style, marker)


def test_run_in_heading_text():
    line = classify_line("*Chỉ tiêu về kinh tế:* Thu ngân sách đạt 100%", 10)
    assert line.heading == "Chỉ tiêu về kinh tế:"
    assert line.body_start == 10 + len("*Chỉ tiêu về kinh tế:* ")


def _shape(node, depth=0):
    out = []
    for child in node.children:
        out.append((depth, child.line.style, child.line.marker))
        out.extend(_shape(child, depth + 1))
    return out


def test_nesting_follows_marker_order_and_survives_a_repeated_number():
    text = "\n".join(
        [
            "Điều 1. Nội dung",
            "1. Các nhiệm vụ trọng tâm.",
            "1.1. Nhiệm vụ một",
            "1.2. Nhiệm vụ hai",
            "2. Các chỉ tiêu chủ yếu.",
            "2.1. Chỉ tiêu một",
            "2. Giải pháp thực hiện các chỉ tiêu.",
            "- *Về phát triển kinh tế:*",
            "Đoạn giải pháp.",
            "- Về văn hóa - xã hội:",
            "Điều 2. Tổ chức thực hiện",
        ]
    )
    tree = build_tree(split_lines(text))
    assert _shape(tree) == [
        (0, "article", "1"),
        (1, "decimal1", "1"),
        (2, "decimal2", "1.1"),
        (2, "decimal2", "1.2"),
        (1, "decimal1", "2"),
        (2, "decimal2", "2.1"),
        (1, "decimal1", "2"),
        (2, "dash", "-"),
        (3, "para", ""),
        (2, "dash", "-"),
        (0, "article", "2"),
    ]


def test_plus_bullets_nest_under_dash_bullets():
    text = "1. Về kinh tế\n- Tốc độ tăng trưởng đạt 6,5-7%, trong đó:\n+ Nông nghiệp tăng 3,2%;\n+ Dịch vụ tăng 7,8%.\n- Tổng sản lượng đạt 65.194 tấn."
    assert _shape(build_tree(split_lines(text))) == [
        (0, "decimal1", "1"),
        (1, "dash", "-"),
        (2, "plus", "+"),
        (2, "plus", "+"),
        (1, "dash", "-"),
    ]


def test_offsets_point_into_the_text():
    text = "Căn cứ Luật;\n\n  - Mục một\nMục hai"
    lines = split_lines(text)
    assert [text[ln.start : ln.end] for ln in lines] == ["Căn cứ Luật;", "- Mục một", "Mục hai"]
    assert text[lines[1].body_start : lines[1].end] == "Mục một"
