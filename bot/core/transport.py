"""The bot's HTTP client for the Bot API: python-telegram-bot's ``BaseRequest`` on aiohttp.

Why not PTB's default ``HTTPXRequest``: the Bot API call is most of the bot's CPU. Measured
on this project's benchmark (``python -m bench.http_cost``, the client's CPU per
``sendMessage``/``editMessageText`` like the intake's, emulator in another process),
httpx + httpcore + anyio cost ~4.8 ms per call (4.0 with ``sniffio`` installed), this
class ~2 ms: httpx builds a request, a response and a stream of objects per call and
httpcore runs its connection pool through anyio's locks and events, where aiohttp's
C-accelerated HTTP parser and connector do the same work in a fraction. With ~2.6 calls
per update that is most of the gap between the complaint flow and a bare PTB bot
(``bench/RESULTS.md``). aiohttp is a well-kept library and was already in the tree
(the sandbox serves its page with it).

What ``HTTPXRequest`` gives and this keeps:

- PTB's answer handling: :meth:`do_request` only returns the status and the body;
  ``BaseRequest.post`` parses it and raises PTB's errors (``RetryAfter``, ``BadRequest``,
  ``Forbidden``, ``ChatMigrated``...) exactly as for the default client.
- Network errors as PTB's: a timeout is ``TimedOut``, any other failure of the connection
  ``NetworkError`` (both retried by the outbox dispatcher and the answers' retries).
- Timeouts per call with PTB's defaults (connect 5 s, read 5 s, write 5 s, 20 s for
  uploads, 1 s to get a connection from the pool); PTB passes the long poll's read time
  for ``getUpdates``. aiohttp has no write timeout of its own: a call is bounded as a
  whole by the sum of its timeouts.
- Uploads (photos, documents, the chart PNG) as multipart form data, other calls
  form-encoded like PTB's default.
- A pool of keep-alive connections (``connection_pool_size``, 256 like PTB's; 1 for
  ``getUpdates``), proxies from the environment like httpx, and a clean shutdown
  (``shutdown`` closes the session and its connections). The proxy settings are read
  once per host, not through aiohttp's ``trust_env``, which reads the environment and
  ``~/.netrc`` in a worker thread on every request (~2 ms of CPU per update, measured).
"""

from __future__ import annotations

import urllib.request
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


def _seconds(value: ODVInput[float], default: float | None) -> float | None:
    """A timeout PTB passed, or ours when it passed none (``None`` means no limit)."""
    return default if isinstance(value, DefaultValue) else value


def _sum(*parts: float | None) -> float | None:
    return None if any(part is None for part in parts) else sum(p for p in parts if p)


class AiohttpRequest(BaseRequest):
    """PTB's request interface on one aiohttp session (see the module's docstring)."""

    def __init__(
        self,
        connection_pool_size: int = 256,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read = read_timeout
        self._write = write_timeout
        self._connect = connect_timeout
        self._pool = pool_timeout
        self._media_write = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[tuple[str, str], str | None] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        read = _seconds(read_timeout, self._read)
        write = _seconds(write_timeout, self._media_write if files else self._write)
        connect = _seconds(connect_timeout, self._connect)
        pool = _seconds(pool_timeout, self._pool)
        timeout = aiohttp.ClientTimeout(
            total=_sum(pool, connect, write, read),
            connect=_sum(pool, connect),
            sock_connect=connect,
            sock_read=read,
        )
        try:
            async with self._session.request(
                method, url, data=_body(request_data), timeout=timeout, proxy=self._proxy(url)
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's timeouts are TimeoutErrors too
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{error.__class__.__name__}: {error}") from error

    def _proxy(self, url: str) -> str | None:
        """The environment's proxy for ``url``'s host (``HTTPS_PROXY``, ``NO_PROXY``...),
        looked up once per scheme and host."""
        parts = urlsplit(url)
        key = (parts.scheme, parts.hostname or "")
        if key not in self._proxies:
            bypass = urllib.request.proxy_bypass(key[1]) if key[1] else True
            self._proxies[key] = None if bypass else urllib.request.getproxies().get(key[0])
        return self._proxies[key]


def _body(request_data: RequestData | None) -> Any:
    """The call's parameters: form-encoded, or multipart with the files it uploads."""
    if request_data is None:
        return None
    parameters = request_data.json_parameters
    files = request_data.multipart_data
    if not files:
        return parameters
    form = aiohttp.FormData(parameters)
    for name, (file_name, content, mime_type) in files.items():
        form.add_field(name, content, filename=file_name, content_type=mime_type)
    return form
