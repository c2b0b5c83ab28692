"""The engine floor: the engine's own data (its wording) and the data-file loader.

The engine itself keeps its public path, ``widgets.guidance``. Nothing here imports Jupyter,
presentation code or anything outside the standard library, so the engine runs in Pyodide.
"""
