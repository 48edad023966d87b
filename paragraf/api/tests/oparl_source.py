"""A small OParl 1.1 server in memory, answered through httpx.MockTransport.

Tests (and bench/oparl_import.py) build a source object by object, change it,
break it, and import it over HTTP with the importer's own HttpFetcher.
"""

import datetime
import json
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx

from paragraf.api.importer.fetching import HttpFetcher
from paragraf.api.importer.values import parse_moment

BASE = "https://ris.example.org/oparl/"
SCHEMA = "https://schema.oparl.org/1.1/"
TEXT = "Protokollsutdrag om cykelvägar i Vingåker.\n".encode()


class Source:
    def __init__(self, page_size=2):
        self.page_size = page_size
        self.objects = {}  # url: object (what a GET of the url answers)
        self.lists = {}  # url: [object urls], in order
        self.files = {}  # url: bytes
        self.status = {}  # url: an HTTP status to answer instead
        self.raw = {}  # url: bytes to answer as they are
        self.redirects = {}  # url: the address it redirects to
        self.requests = []
        self.clock = datetime.datetime(2024, 3, 1, 9, tzinfo=datetime.UTC)

    # Building

    def tick(self):
        self.clock += datetime.timedelta(minutes=1)
        return self.clock.isoformat()

    def new(self, kind, key, **fields):
        now = self.tick()
        obj = {
            "id": f"{BASE}{kind.lower()}/{key}",
            "type": SCHEMA + kind,
            "created": now,
            "modified": now,
            **fields,
        }
        return obj

    def add(self, list_url, obj):
        self.objects[obj["id"]] = obj
        self.lists.setdefault(list_url, []).append(obj["id"])
        return obj

    def change(self, url, **fields):
        self.objects[url].update(fields, modified=self.tick())

    def delete(self, url):
        obj = self.objects[url]
        self.objects[url] = {
            "id": url,
            "type": obj["type"],
            "created": obj["created"],
            "modified": self.tick(),
            "deleted": True,
        }

    def file(self, key, content=TEXT, name="utdrag.txt", **fields):
        url = f"{BASE}download/{key}/{name}"
        self.files[url] = content
        return self.new("File", key, name=f"Fil {key}", fileName=name, accessUrl=url, **fields)

    # Answering

    def handler(self, request):
        url = str(request.url)
        self.requests.append(url)
        plain = url.split("?")[0]
        if url in self.status or plain in self.status:
            return httpx.Response(self.status.get(url, self.status.get(plain)))
        if plain in self.redirects:
            return httpx.Response(302, headers={"Location": self.redirects[plain]})
        if plain in self.raw:
            return httpx.Response(200, content=self.raw[plain])
        if plain in self.files:
            return httpx.Response(200, content=self.files[plain])
        if plain in self.lists:
            return self.json(self.page(plain, dict(parse_qsl(urlsplit(url).query))))
        if plain in self.objects:
            return self.json(self.objects[plain])
        return httpx.Response(404, json={"error": "no such object"})

    def json(self, data):
        return httpx.Response(200, content=json.dumps(data).encode())

    def page(self, url, query):
        since = parse_moment(query.get("modified_since"))
        chosen = []
        for member in self.lists[url]:
            obj = self.objects[member]
            if not isinstance(obj, dict):
                chosen.append(obj)
                continue
            if since is None and obj.get("deleted"):
                continue
            if since is not None and parse_moment(obj["modified"]) < since:
                continue
            chosen.append(obj)
        number = int(query.get("page", 1))
        size = self.page_size
        data = chosen[(number - 1) * size : number * size]
        kept = {k: v for k, v in query.items() if k != "page"}
        links = {}
        if number * size < len(chosen):
            links["next"] = f"{url}?{urlencode({**kept, 'page': number + 1})}"
        return {"data": data, "links": links, "pagination": {"totalElements": len(chosen)}}

    def fetcher(self):
        return HttpFetcher(transport=httpx.MockTransport(self.handler))


def standard(source=None, meetings=1, items=2, people=2):
    """A body with a committee, people with memberships, a paper with a file,
    and meetings whose first item consults the paper and carries a file."""
    source = source or Source()
    system = source.new("System", "", oparlVersion=SCHEMA, body=f"{BASE}bodies")
    system["id"] = BASE
    source.objects[BASE] = system
    body_url = f"{BASE}body/1"
    lists = {
        key: f"{body_url}/{key}"
        for key in ("organization", "person", "meeting", "paper", "legislativeTerm")
    }
    body = source.new(
        "Body",
        "1",
        name="Vingåkers kommun",
        shortName="Vingåker",
        classification="kommun",
        organization=lists["organization"],
        person=lists["person"],
        meeting=lists["meeting"],
        paper=lists["paper"],
        legislativeTermList=lists["legislativeTerm"],
        legislativeTerm=[],
    )
    source.add(f"{BASE}bodies", body)
    term = source.new(
        "LegislativeTerm", "1", name="2023–2026", startDate="2023-01-01", endDate="2026-12-31"
    )
    body["legislativeTerm"].append(term)
    source.add(lists["legislativeTerm"], term)
    committee = source.add(
        lists["organization"],
        source.new(
            "Organization",
            "1",
            name="Kommunstyrelsen",
            shortName="KS",
            classification="kommunstyrelse",
        ),
    )
    for n in range(1, people + 1):
        person = source.new(
            "Person", str(n), name=f"Kim Ek{n}", givenName="Kim", familyName=f"Ek{n}"
        )
        person["membership"] = [
            source.new(
                "Membership",
                str(n),
                person=person["id"],
                organization=committee["id"],
                role="ordförande" if n == 1 else "ledamot",
                votingRight=True,
                startDate="2023-01-01",
                **{"paragraf:party": "C"},
            )
        ]
        source.add(lists["person"], person)
    place = source.new("Location", "1", description="Kommunhuset", streetAddress="Storgatan 1")
    for m in range(1, meetings + 1):
        paper = source.new("Paper", str(m), name=f"Cykelväg etapp {m}", reference=f"KS 2024/{m}")
        paper["auxiliaryFile"] = [source.file(f"p{m}")]
        consultation = source.new(
            "Consultation", str(m), paper=paper["id"], agendaItem=f"{BASE}agendaitem/{m}-1"
        )
        paper["consultation"] = [consultation]
        source.objects[consultation["id"]] = consultation
        source.add(lists["paper"], paper)
        day = datetime.date(2024, 1, 10) + datetime.timedelta(days=7 * m)
        meeting = source.new(
            "Meeting",
            str(m),
            name="Kommunstyrelsen",
            meetingState="anslaget",
            start=f"{day}T09:00:00+01:00",
            end=f"{day}T11:00:00+01:00",
            organization=[committee["id"]],
            location=place,
            agendaItem=[],
            **{"paragraf:verified": f"{day}T15:00:00+01:00"},
        )
        for n in range(1, items + 1):
            item = source.new(
                "AgendaItem",
                f"{m}-{n}",
                meeting=meeting["id"],
                number=str(n),
                order=n,
                public=True,
                name=f"Punkt {n}",
                result="bifall",
                resolutionText=f"Beslut {m}-{n}",
                **{"paragraf:paragraphNumber": (m - 1) * items + n, "paragraf:state": "behandlat"},
            )
            if n == 1:
                item["consultation"] = consultation["id"]
                item["auxiliaryFile"] = [source.file(f"m{m}")]
            meeting["agendaItem"].append(item)
        source.add(lists["meeting"], meeting)
    return source
