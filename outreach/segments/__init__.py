"""Segment layer: how a letter lands with each research segment (a simulation, not a profile)."""
from outreach.segments.model import SegmentModel, SegmentModelError, load_model
from outreach.segments.reception import Reach, Reception, parse_shares, receive

__all__ = ["Reach", "Reception", "SegmentModel", "SegmentModelError", "load_model", "parse_shares", "receive"]
