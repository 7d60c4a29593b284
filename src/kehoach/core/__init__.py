"""Pure domain model: plans, targets, numbers, evaluation. Standard library only, no I/O."""

from kehoach.core.evaluation import EvaluationError, Grade, Outcome, Rank, evaluate
from kehoach.core.observations import Figure, Observation, ObservationError, validate_observation
from kehoach.core.periods import CutoffRule, Period, PeriodError, PeriodKind, parse_period, year_periods
from kehoach.core.plan import Document, Indicator, IndicatorGroup, ParseWarning, Plan, Solution, Task
from kehoach.core.revisions import Revision, RevisionKind, current_observation
from kehoach.core.rollup import Coverage, RollupResult, rollup
from kehoach.core.series import ObservationIndex
from kehoach.core.status import (
    Assessment,
    Projection,
    ProjectionMethod,
    Status,
    achievement_pct,
    achievement_text,
    evaluate_status,
    project_year_end,
    round_half_up,
)
from kehoach.core.targets import ChangeBasis, Comparator, Direction, OverTime, OverUnits, Target, TargetRef
from kehoach.core.tracking import TargetEvaluation, evaluate_target
from kehoach.core.unitlevels import UnitError, UnitLevel, parse_level
from kehoach.core.units import OrgUnit, UnitTree

__all__ = [
    "Assessment",
    "ChangeBasis",
    "Comparator",
    "Coverage",
    "CutoffRule",
    "Direction",
    "Document",
    "EvaluationError",
    "Figure",
    "Grade",
    "Indicator",
    "IndicatorGroup",
    "Observation",
    "ObservationError",
    "ObservationIndex",
    "OrgUnit",
    "Outcome",
    "OverTime",
    "OverUnits",
    "ParseWarning",
    "Period",
    "PeriodError",
    "PeriodKind",
    "Plan",
    "Projection",
    "ProjectionMethod",
    "Rank",
    "Revision",
    "RevisionKind",
    "RollupResult",
    "Solution",
    "Status",
    "Target",
    "TargetEvaluation",
    "TargetRef",
    "Task",
    "UnitError",
    "UnitLevel",
    "UnitTree",
    "achievement_pct",
    "achievement_text",
    "current_observation",
    "evaluate",
    "evaluate_status",
    "evaluate_target",
    "parse_level",
    "parse_period",
    "project_year_end",
    "rollup",
    "round_half_up",
    "validate_observation",
    "year_periods",
]
