"""Widgets, figures and the guidance engine behind the spinal stenosis and back massager series."""

__version__ = "0.1.0"
