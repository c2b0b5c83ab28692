"""The handout build behind ``make handouts`` (see docs/handouts.md).

Stages: execute each notebook in a fresh kernel (two at a time), clean the executed copy
(``clean``), export it with the offline ``widgets/tools/templates/handout`` template
(``render``), combine the pages into ``index.html`` and ``series.html``, and print every page
to PDF (``pdf``).
"""
