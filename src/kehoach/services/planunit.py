"""The unit a plan belongs to: the one asked for, or the one its document names (found among
the stored units by name, created when missing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach.core.plan import Document
from kehoach.core.units import OrgUnit, UnitTree
from kehoach.services.errors import AmbiguousReferenceError, InputError, NotFoundError
from kehoach.services.unittrees import load_tree
from kehoach.storage import Transaction, made_up_code, name_key, unit_for_document


@dataclass(frozen=True)
class PlanUnit:
    unit: OrgUnit
    created: bool  # made up from the document's place: no unit of that name was stored


def _in_force(tree: UnitTree, code: str, year: int | None) -> bool:
    if year is None:
        return any(v.valid_to is None for v in tree.versions(code))
    return any(v.overlaps(date(year, 1, 1), date(year, 12, 31)) for v in tree.versions(code))


def chosen_unit(tree: UnitTree, code: str, year: int | None) -> OrgUnit:
    """The stored unit ``code``, which must be in force in the plan year."""
    code = code.strip()
    if code not in tree:
        raise NotFoundError(f"không có đơn vị mã '{code}' (nhập danh sách đơn vị trước: kehoach units import TỆP.csv)")
    if year is not None and not _in_force(tree, code, year):
        raise InputError(f"đơn vị {tree.get(code).name} ({code}) không có hiệu lực trong năm kế hoạch {year}")
    return tree.get(code)


def resolve_plan_unit(tx: Transaction, document: Document, unit_code: str | None) -> PlanUnit:
    """The unit of a plan being imported; a missing default unit is stored in ``tx``."""
    tree = load_tree(tx)
    year = document.plan_year
    if unit_code is not None and unit_code.strip():
        return PlanUnit(chosen_unit(tree, unit_code, year), created=False)
    guess = unit_for_document(document.place, document.issuer)
    names = {name_key(guess.name)} | ({name_key(guess.place)} if guess.place else set())
    codes = sorted({u.code for u in tree.units if name_key(u.name) in names and _in_force(tree, u.code, year)})
    if len(codes) > 1:
        listed = ", ".join(f"{tree.get(c).name} ({c})" for c in codes)
        raise AmbiguousReferenceError(
            f"có {len(codes)} đơn vị mang tên '{guess.name}': {listed}; hãy chọn đơn vị của kế hoạch bằng --unit MÃ"
        )
    if codes:
        return PlanUnit(tree.get(codes[0]), created=False)
    unit = OrgUnit(made_up_code(guess.name, {u.code for u in tree.units}), guess.name, guess.level)
    tx.units.add([unit])
    return PlanUnit(unit, created=True)
