-- Complaints by the instant of their last change: what the city level asks to keep the
-- figures of past months it remembers (bot/city/settled.py) true, without reading an
-- office's complaints again on every report.
CREATE INDEX complaints_by_update ON complaints(updated_at);
