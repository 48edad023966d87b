from paragraf.core.audit import acting_as
from paragraf.core.models import AuditEntry
from paragraf.meetings.models import AgendaItem


def test_each_change_is_in_the_meetings_history_with_who_and_what(client, secretary, objects):
    client.force_login(secretary)
    item = AgendaItem.objects.get(pk=objects["item"])
    with acting_as(secretary):
        item.title = "Ny rubrik för ärendet"
        item.save()
    html = client.get(f"/kansli/moten/{objects['meeting']}/historik/").content.decode()
    assert "Ny rubrik för ärendet" in html
    assert "Punkt 1" in html  # the title before
    assert "sekreterare" in html
    assert "Ändrad" in html


def test_changes_made_in_a_request_name_the_user(client, users, objects):
    client.force_login(users["superuser"])
    client.post(
        f"/admin/meetings/agendaitem/{objects['item']}/change/",
        {
            "meeting": objects["meeting"],
            "position": 1,
            "number": "1",
            "title": "Via admin",
            "state": "behandlat",
            "is_public": "on",
            "document_links-TOTAL_FORMS": "0",
            "document_links-INITIAL_FORMS": "0",
        },
    )
    entry = AuditEntry.objects.filter(object_repr__contains="Via admin").first()
    assert entry is not None and entry.user_name == "admin"
    assert entry.meeting_id == objects["meeting"]
    assert ("title", "Punkt 1", "Via admin") in entry.changes
