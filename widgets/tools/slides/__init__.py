"""Turning an executed notebook into a deck for a room: every slide fits the screen.

``fit`` estimates how tall HTML is on a slide and cuts it into pages; ``room`` draws the
compact forms a room needs (warning signs, the severity columns, compact cards); ``deck``
regroups a notebook's cells into slides, follow-on slides and an appendix.
"""
