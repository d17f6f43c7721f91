"""The `dvk` command: check, build, serve, export-markdown, report, new, import-issue,
nginx-config, deploy.

A face: it parses the command line, calls the pipeline and prints. Works the same on Windows
(`.venv\\Scripts\\dvk build`) as under `make`. Whatever a contributor writes, the answer is a
message and an exit code, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from .. import collector
from ..project import Project
from .commands import VERBS
from .parser import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    project = Project(args.root.resolve()) if args.root else Project.find()
    try:
        return VERBS[args.verb](project, args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours must still not greet a contributor with a traceback
        if os.environ.get("DVK_DEBUG"):
            raise
        print(f"dvk: lỗi không mong đợi ({type(exc).__name__}: {exc}). "
              "Chạy lại với DVK_DEBUG=1 để xem chi tiết và báo cho nhóm phát triển.",
              file=sys.stderr)
        return 2


def run() -> NoReturn:
    """`dvk` as a process (the console script, `python -m dvk`): `main`, then the exit."""
    code = main()
    collector.leaving()
    sys.exit(code)
