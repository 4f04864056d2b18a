"""Advice layer: which changes would win a letter the most readers, each measured, not guessed."""
from outreach.advice.measure import (BEST_ALREADY, Advice, Effect, Fix, Plan, VerdictChange, advise, apply_fixes,
                                    beat, describe_effect, points)

__all__ = ["BEST_ALREADY", "Advice", "Effect", "Fix", "Plan", "VerdictChange", "advise", "apply_fixes",
           "beat", "describe_effect", "points"]
