"""Pure domain model: plans, targets, numbers, evaluation. Standard library only, no I/O."""

from kehoach.core.evaluation import EvaluationError, Grade, Outcome, Rank, evaluate
from kehoach.core.plan import Document, Indicator, IndicatorGroup, ParseWarning, Plan, Solution, Task
from kehoach.core.targets import ChangeBasis, Comparator, Direction, OverTime, OverUnits, Target

__all__ = [
    "ChangeBasis",
    "Comparator",
    "Direction",
    "Document",
    "EvaluationError",
    "Grade",
    "Indicator",
    "IndicatorGroup",
    "Outcome",
    "OverTime",
    "OverUnits",
    "ParseWarning",
    "Plan",
    "Rank",
    "Solution",
    "Target",
    "Task",
    "evaluate",
]
