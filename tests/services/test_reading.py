from pathlib import Path

import pytest

from kehoach.services import InputError, read_plan
from kehoach.services.reading import fingerprint, normalize_text


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không tìm thấy"):
        read_plan(tmp_path / "none.txt")


def test_a_folder_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_plan(tmp_path)
    assert "\n" not in str(info.value)


def test_empty_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError):
        read_plan(path)


def test_the_seed_reads_without_error(seed_text_path: Path, txt_reader: None) -> None:
    parsed = read_plan(seed_text_path)
    assert parsed.source.format == "txt"
    assert "74/NQ-HĐND" in parsed.source.text


def test_text_without_a_plan_gives_an_empty_plan(tmp_path: Path, txt_reader: None) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Biên bản họp tổ dân phố về vệ sinh môi trường.\n", encoding="utf-8")
    assert read_plan(path).plan.is_empty


def test_normalization_is_nfc_with_newlines() -> None:
    assert normalize_text("a\r\nb\rc\u0301") == "a\nb\nć"
    assert fingerprint("Nghi\u0323\r\n") == fingerprint("Nghị\n")
