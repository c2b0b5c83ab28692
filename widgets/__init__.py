"""Widgets, figures and the guidance engine behind the spinal stenosis and back massager series."""

__version__ = "0.1.0"

# The date a clinician last reviewed the content against the sources in widgets.content.references.
LAST_REVIEWED = "2026-11-23"
