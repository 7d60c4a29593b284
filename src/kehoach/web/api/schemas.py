"""Types and schemas shared by the API's resources (pydantic; never table classes).

Numbers are ``Number``: Decimals in and out, written as plain JSON numbers (web.exactjson),
described as ``number`` in OpenAPI, bounded so no request can ask for an absurd one.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from kehoach.core.observations import Observation

MAX_EXPONENT = 30  # |x| < 10^30 …
MIN_EXPONENT = -20  # … to 20 decimal places


def _finite_and_bounded(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("cần một số hữu hạn")
    exponent = value.as_tuple().exponent
    if value and (value.adjusted() >= MAX_EXPONENT or (isinstance(exponent, int) and exponent < MIN_EXPONENT)):
        raise ValueError(f"số quá lớn hoặc quá nhiều chữ số thập phân (tối đa {-MIN_EXPONENT} chữ số sau dấu phẩy)")
    return value


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("chuỗi chứa ký tự không hợp lệ")
    return value


Number = Annotated[Decimal, AfterValidator(_finite_and_bounded), WithJsonSchema({"type": "number"})]
Text = Annotated[str, AfterValidator(_no_nul)]
ShortText = Annotated[str, AfterValidator(_no_nul), Field(max_length=200)]
LongText = Annotated[str, AfterValidator(_no_nul), Field(max_length=4000)]
Code = Annotated[str, AfterValidator(_no_nul), Field(min_length=1, max_length=60)]


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Message(Schema):
    detail: str


class Problem(Schema):
    message: str
    location: str | None


class ErrorOut(Schema):
    detail: str
    problems: list[Problem] | None = None


class FigureOut(Schema):
    """A slot's current figure and its revision number (``seq``: what a change names in
    ``replaces``; null when nothing was ever recorded). All figure fields null: cleared."""

    seq: int | None
    value: Number | None = None
    numerator: Number | None = None
    denominator: Number | None = None
    grade: str | None = None
    rank: int | None = None
    note: str | None = None


class SlotFigureOut(FigureOut):
    target_key: str
    unit_code: str
    period: str
    estimate: bool


class StaleOut(Schema):
    detail: str
    current: FigureOut


def figure_data(seq: int | None, obs: Observation | None) -> dict[str, Any]:
    if obs is None:
        return {
            "seq": seq,
            "value": None,
            "numerator": None,
            "denominator": None,
            "grade": None,
            "rank": None,
            "note": None,
        }
    return {
        "seq": seq,
        "value": obs.value,
        "numerator": obs.numerator,
        "denominator": obs.denominator,
        "grade": obs.grade,
        "rank": obs.rank,
        "note": obs.note or None,
    }
