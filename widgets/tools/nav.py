"""Write the navigation links and contents list into every notebook (safe to re-run).

python -m widgets.tools.nav           # rewrite notebooks in place
python -m widgets.tools.nav --check   # exit 1 if any notebook would change
"""

from widgets.content.navigation import main

if __name__ == "__main__":
    raise SystemExit(main())
