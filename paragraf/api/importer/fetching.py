"""Reading an OParl source: over HTTP, or from a folder of saved answers.

A fetcher has two methods, `json(url, params)` and `download(url, limit)`;
both raise FetchError for anything but a good answer, so the runner can log
the address and go on. Tests pass their own fetcher (or an httpx transport).

The folder layout (see `folder_path`): every answer the source gave, object
or list page, is the file `objects/<sha256 of its URL>.json`; every file's
content is `files/<sha256 of its URL>`; `index.json` names the starting point,
`{"start": "<System or Body URL>"}`, and may list the URLs it holds.
"""

import hashlib
import json
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import httpx

from paragraf.api.importer.values import parse_moment

# The most JSON read from one answer; a list page of 100 objects is far less.
MAX_JSON_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")


class FetchError(Exception):
    """The source gave no usable answer for an address."""


def with_params(url, params):
    if not params:
        return url
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in params]
    return urlunsplit(parts._replace(query=urlencode([*query, *params.items()])))


def decode(url, content):
    try:
        return json.loads(content)
    except (ValueError, RecursionError) as error:
        raise FetchError(f"{url}: not JSON ({error})") from None


class HttpFetcher:
    """Reads over HTTP with httpx; answers are read up to a limit, never more.

    `guard` (guard.Guard, set by import_oparl) says which addresses files may
    be downloaded from; a download's redirects are followed one by one and
    each address is checked. `resolves`: host names lead to the network (not
    so with a transport of a test's own).
    """

    def __init__(self, client=None, transport=None, timeout=30.0):
        self.resolves = client is None and transport is None
        self.guard = None
        self.client = client or httpx.Client(
            transport=transport,
            timeout=timeout,
            follow_redirects=True,
            headers={"Accept": "application/json", "User-Agent": "Paragraf OParl import"},
        )

    def _get(self, url, limit, guard=None):
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"{url}: not an http(s) address")
        try:
            if guard is None:
                with self.client.stream("GET", url) as response:
                    return _body(response, url, limit)
            for _hop in range(MAX_REDIRECTS + 1):
                guard.check(url)
                with self.client.stream("GET", url, follow_redirects=False) as response:
                    location = response.headers.get("location")
                    if response.status_code not in REDIRECTS or not location:
                        return _body(response, url, limit)
                url = urljoin(url, location)
            raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
        except httpx.HTTPError as error:
            raise FetchError(f"{url}: {type(error).__name__}: {error}") from None

    def json(self, url, params=None):
        url = with_params(url, params)
        return decode(url, self._get(url, MAX_JSON_BYTES))

    def download(self, url, limit):
        return self._get(url, limit, self.guard)


def _body(response, url, limit):
    if response.status_code != 200:
        raise FetchError(f"{url}: HTTP {response.status_code}")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url}: more than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def digest(url):
    return hashlib.sha256(url.encode()).hexdigest()


def folder_path(folder, url, kind="objects"):
    suffix = ".json" if kind == "objects" else ""
    return Path(folder) / kind / f"{digest(url)}{suffix}"


def save_answer(folder, url, data):
    path = folder_path(folder, url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False))


def save_file(folder, url, content):
    path = folder_path(folder, url, "files")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def save_index(folder, start, urls=()):
    index = {"start": start, "urls": {u: folder_path(".", u).as_posix() for u in urls}}
    (Path(folder) / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1))


class FolderFetcher:
    """Reads the answers saved in a folder (layout above).

    A list asked for with filters (modified_since …) that the folder does not
    hold is read unfiltered and filtered here by the objects' own dates.
    """

    def __init__(self, folder):
        self.folder = Path(folder)

    def start(self):
        try:
            index = json.loads((self.folder / "index.json").read_text())
            start = index["start"]
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise FetchError(f"{self.folder}/index.json: no starting point ({error})") from None
        if not isinstance(start, str):
            raise FetchError(f"{self.folder}/index.json: the start is not an address")
        return start

    def _read(self, url, kind):
        try:
            return folder_path(self.folder, url, kind).read_bytes()
        except OSError:
            raise FetchError(f"{url}: not in the folder") from None

    def json(self, url, params=None):
        full = with_params(url, params)
        try:
            return decode(full, self._read(full, "objects"))
        except FetchError:
            if not params:
                raise
        page = decode(url, self._read(url, "objects"))
        return filtered(page, params)

    def download(self, url, limit):
        content = self._read(url, "files")
        if len(content) > limit:
            raise FetchError(f"{url}: more than {limit} bytes")
        return content


def filtered(page, params):
    if not isinstance(page, dict) or not isinstance(page.get("data"), list):
        return page
    since = params.get("modified_since")
    if not since:
        return page
    limit = parse_moment(since)
    kept = []
    for obj in page["data"]:
        moment = parse_moment(obj.get("modified")) if isinstance(obj, dict) else None
        if moment is None or limit is None or moment >= limit:
            kept.append(obj)
    return {**page, "data": kept}
