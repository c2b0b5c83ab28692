"""Print the Flesch-Kincaid grade of each notebook's patient-facing prose and of the series."""

from __future__ import annotations

import textstat

from widgets.content.series import NOTEBOOKS
from widgets.tools.notebook_text import notebook_prose


def main() -> None:
    texts = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        text = notebook_prose(path)
        texts.append(text)
        grade = textstat.flesch_kincaid_grade(text) if text else float("nan")
        print(f"{path.name:45s} grade {grade:5.1f}  words {len(text.split()):5d}")
    print(f"{'whole series':45s} grade {textstat.flesch_kincaid_grade(' '.join(texts)):5.1f}")


if __name__ == "__main__":
    main()
