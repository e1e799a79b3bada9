"""What changed and why: a KPI's change between two periods, split into drivers."""

from kpidesk.core.explain.breakdown import DIMENSIONS, Driver, Explanation, beyond_noise, explain
from kpidesk.core.explain.decompose import Cell, split

__all__ = ["DIMENSIONS", "Cell", "Driver", "Explanation", "beyond_noise", "explain", "split"]
