"""The explorer without Python: a static page that runs the engine in the browser (Pyodide).

``build`` writes the page; ``runtime`` fetches, checks and caches the Pyodide runtime;
``in_page`` is the Python the page itself runs, on top of the engine and the render floor.
"""
