"""Supervisor reports: summaries, scorecards, rankings, overdue lists, exports, charts and
digests."""
