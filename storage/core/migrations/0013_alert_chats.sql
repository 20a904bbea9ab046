-- Where a group's alert copies are found by the group (the bot removed from a group, a
-- group upgraded to a supergroup): without an index these scanned every alert ever
-- posted, a few hundred thousand rows after some years of a busy office.
CREATE INDEX complaint_alerts_by_chat ON complaint_alerts(chat_id, active);
