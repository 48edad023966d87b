from paragraf import factories
from paragraf.meetings.models import Meeting


def test_deleting_a_meeting_in_the_admin_keeps_the_record(admin_client, db):
    meeting = factories.meeting()
    factories.item(meeting)  # protected from a real delete
    url = f"/admin/meetings/meeting/{meeting.pk}/delete/"
    assert "Ja, jag är säker" in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert Meeting.all_objects.get(pk=meeting.pk).is_deleted
    assert admin_client.get(meeting.get_absolute_url()).status_code == 404


def test_deleting_several_in_the_list_keeps_them_all(admin_client, db):
    committee = factories.committee()
    meetings = [factories.meeting(committee, hour=hour) for hour in (9, 13)]
    response = admin_client.post(
        "/admin/meetings/meeting/",
        {"action": "delete_selected", "_selected_action": [m.pk for m in meetings], "post": "yes"},
    )
    assert response.status_code == 302
    assert Meeting.all_objects.deleted().count() == 2
