"""The app view's kernel manager: never more than ``max_kernels`` kernels at once.

Every page a visitor opens in Voila holds a kernel of about 56 MiB. Culling (serve_app.py)
stops the kernels of pages nobody has open any more, but a busy room can still open pages
faster than they are left. This manager makes a new page wait (its request stays open)
until a kernel is culled or stopped, instead of letting memory grow until the machine
swaps; after ``wait_for_room_s`` it answers 503 with a sentence a visitor can act on.

Voila loads it by name (``--VoilaConfiguration.multi_kernel_manager_class=widgets.tools.
app_kernels.BoundedKernelManager``), from the installed package.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Float, Integer

FULL_MESSAGE = "The app is full right now. Please wait a minute, then open this page again."


class BoundedKernelManager(AsyncMappingKernelManager):
    max_kernels = Integer(32, config=True, help="most kernels running at once")
    wait_for_room_s = Float(120.0, config=True, help="how long a new page waits for room")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._starting = 0  # starts under way, not yet counted among the kernels

    def _full(self) -> bool:
        return len(self.list_kernel_ids()) + self._starting >= self.max_kernels

    # jupyter_client's types call start_kernel synchronous; in this async manager it is a coroutine.
    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        deadline = time.monotonic() + self.wait_for_room_s
        while self._full():
            if time.monotonic() > deadline:
                raise web.HTTPError(503, FULL_MESSAGE)
            await asyncio.sleep(0.25)
        # Checked and counted with no await in between: two pages cannot take one free place.
        self._starting += 1
        try:
            return await super().start_kernel(*args, **kwargs)
        finally:
            self._starting -= 1
