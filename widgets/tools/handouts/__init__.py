"""The handout build behind ``make handouts`` (see docs/handouts.md).

Stages: execute each notebook in a fresh kernel (two at a time), clean the executed copy
(``clean``), export it with the offline ``widgets/tools/templates/handout`` template
(``render``), combine the pages into ``index.html`` and ``series.html``, and print every page
to PDF (``pdf``).
"""

import os


def default_jobs() -> int:
    """Notebooks run at once: two, or one on a one-core machine (here, not in ``build``, so a
    command can name its default without importing nbformat)."""
    return max(1, min(2, os.cpu_count() or 1))
