"""The agenda area: meetings of a committee, the agenda builder, preview and publishing."""
