"""The app view's kernel manager: never more than ``max_kernels`` kernels at once.

Every page a visitor opens in Voila holds a kernel of about 56 MiB. Culling (serve_app.py)
stops the kernels of pages nobody has open any more, but a busy room can still open pages
faster than they are left. This manager makes a new page wait (its request stays open)
until a kernel is culled or stopped, instead of letting memory grow until the machine
swaps; after ``wait_for_room_s`` it answers 503 with a sentence a visitor can act on.

Voila loads it by name (``--VoilaConfiguration.multi_kernel_manager_class=app_kernels.
BoundedKernelManager``), so serve_app.py puts this folder on Voila's ``PYTHONPATH``; the
kernels themselves are started without it.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Float, Integer

HERE = str(Path(__file__).resolve().parent)
FULL_MESSAGE = "The app is full right now. Please wait a minute, then open this page again."


def without_this_folder(python_path: str) -> str:
    """``python_path`` without this folder: the app's helpers are not the kernels' business."""
    return os.pathsep.join(p for p in python_path.split(os.pathsep) if p and p != HERE)


class BoundedKernelManager(AsyncMappingKernelManager):
    max_kernels = Integer(32, config=True, help="most kernels running at once")
    wait_for_room_s = Float(120.0, config=True, help="how long a new page waits for room")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._starting = 0  # starts under way, not yet counted among the kernels

    def _full(self) -> bool:
        return len(self.list_kernel_ids()) + self._starting >= self.max_kernels

    async def start_kernel(self, *args: object, **kwargs: object) -> str:
        deadline = time.monotonic() + self.wait_for_room_s
        while self._full():
            if time.monotonic() > deadline:
                raise web.HTTPError(503, FULL_MESSAGE)
            await asyncio.sleep(0.25)
        env = kwargs.get("env")
        if isinstance(env, dict) and "PYTHONPATH" in env:
            kwargs["env"] = {**env, "PYTHONPATH": without_this_folder(env["PYTHONPATH"])}
        # Checked and counted with no await in between: two pages cannot take one free place.
        self._starting += 1
        try:
            return await super().start_kernel(*args, **kwargs)
        finally:
            self._starting -= 1
