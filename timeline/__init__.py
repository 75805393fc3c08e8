"""timeline: an event-timeline dashboard for news and conflict chronologies.

    >>> import timeline
    >>> data = timeline.load("events.csv")
    >>> data.events, data.accounts, data.problems
"""
from .load import Dataset, load, load_bytes
from .problems import ERROR, WARNING, Problem

__all__ = ["Dataset", "load", "load_bytes", "Problem", "ERROR", "WARNING"]
