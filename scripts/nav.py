"""Write the navigation links and contents list into every notebook (safe to re-run).

python scripts/nav.py           # rewrite notebooks in place
python scripts/nav.py --check   # exit 1 if any notebook would change
"""

from widgets.navigation import main

if __name__ == "__main__":
    raise SystemExit(main())
