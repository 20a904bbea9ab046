"""Transparency: the public channel, held public posts, the office's IKM follow-ups, public
notes of resolved complaints, and the queries behind the published figures."""
