"""Workshop material as data: mechanisms, VSDT steps, and value tensions derived from a letter."""
from outreach.workshop.model import Mechanism, Tension, TensionView, VsdtStep, Workshop, load_workshop, tensions

__all__ = ["Mechanism", "Tension", "TensionView", "VsdtStep", "Workshop", "load_workshop", "tensions"]
